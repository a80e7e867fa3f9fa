import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, CurrentActor, PageOf, ParseIdPipe, Roles } from '#libs/shared';
import { UsersService } from './users.service.js';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto, UserQuery } from './dto/user.dto.js';
import { UserResponse } from './dto/user.responses.js';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin', 'department_head', 'inspector', 'market_manager')
  @ApiOperation({ summary: 'Users in the caller’s part of the org tree' })
  @ApiOkResponse({ type: PageOf(UserResponse) })
  list(@CurrentActor() actor: Actor, @Query() query: UserQuery) {
    return this.users.list(actor, query);
  }

  @Get(':id')
  @Roles('admin', 'department_head', 'inspector', 'market_manager')
  @ApiOperation({ summary: 'One user in the caller’s part of the org tree' })
  @ApiOkResponse({ type: UserResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number) {
    return this.users.get(actor, id);
  }

  @Post()
  @Roles('admin', 'department_head')
  @ApiOperation({
    summary:
      'Create a staff user with its initial password (retailers get theirs from their record); a department head: its department’s center, squad and route staff',
  })
  @ApiCreatedResponse({ type: UserResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Patch(':id')
  @Roles('admin', 'department_head')
  @ApiOperation({
    summary:
      'Change role, place (move between territories), status (disable) or name; a department head: its own staff, within its department',
  })
  @ApiOkResponse({ type: UserResponse })
  update(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateUserDto) {
    return this.users.update(actor, id, dto);
  }

  @Post(':id/reset-password')
  @Roles('admin', 'department_head')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a one-time password (to be changed at the next login)' })
  @ApiNoContentResponse({ description: 'The password is set' })
  async resetPassword(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: number,
    @Body() dto: ResetPasswordDto,
  ) {
    await this.users.resetPassword(actor, id, dto.newPassword);
  }
}
