import { Body, Controller, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { type Actor, CurrentActor, ErrorBody, Public, ROLES, Roles } from '#libs/shared';
import { AuthService } from './auth.service.js';
import { UsersService } from './users.service.js';
import { AllowPendingPasswordChange } from './auth.guard.js';
import { ChangePasswordDto, LoginDto, LoginResponse, SessionUser } from './dto/auth.dto.js';
import { UpdateProfileDto } from './dto/user.dto.js';
import { UserResponse } from './dto/user.responses.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange username and password for an access token' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ type: ErrorBody, description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'TOO_MANY_ATTEMPTS' })
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest) {
    return this.auth.login(dto.username, dto.password, request.ip);
  }

  @Get('me')
  @Roles(...ROLES)
  @AllowPendingPasswordChange()
  @ApiOkResponse({ type: SessionUser })
  @ApiOperation({ summary: 'The signed-in user: role, place, scope and whether a password change is due' })
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }

  @Patch('me')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Update your own display name or phone (never role or place)' })
  @ApiOkResponse({ type: UserResponse })
  updateProfile(@CurrentActor() actor: Actor, @Body() dto: UpdateProfileDto) {
    return this.users.updateProfile(actor, dto);
  }

  @Post('change-password')
  @Roles(...ROLES)
  @AllowPendingPasswordChange()
  @HttpCode(200)
  @ApiOperation({ summary: 'Change your own password; older tokens stop working, a new one is returned' })
  @ApiOkResponse({ type: LoginResponse })
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto) {
    return this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }
}
