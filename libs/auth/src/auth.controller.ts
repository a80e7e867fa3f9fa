import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, CurrentActor, ErrorBody, Public, ROLES, Roles } from '#libs/shared';
import { AuthService } from './auth.service.js';
import { UsersService } from './users.service.js';
import { AllowPendingPasswordChange } from './auth.guard.js';
import { type SessionCarrier, SessionCookies } from './session-cookies.js';
import { ChangePasswordDto, LoginDto, LoginResponse, SessionUser } from './dto/auth.dto.js';
import { UpdateProfileDto } from './dto/user.dto.js';
import { UserResponse } from './dto/user.responses.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly cookies: SessionCookies,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange username and password for an access token, or a cookie session for the console',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ type: ErrorBody, description: 'INVALID_CREDENTIALS' })
  @ApiForbiddenResponse({
    type: ErrorBody,
    description: 'ORIGIN_FORBIDDEN (a cookie session asked from another site)',
  })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'TOO_MANY_ATTEMPTS' })
  async login(
    @Body() dto: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const carrier: SessionCarrier = dto.session === 'cookie' ? 'cookie' : 'bearer';
    if (carrier === 'cookie') this.cookies.assertLoginFromOwnSite(request);
    const answer = await this.auth.login(dto.username, dto.password, request.ip);
    return this.cookies.deliver(request, reply, carrier, answer);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary:
      "End the console's cookie session (its cookies are cleared); a bearer token simply stops being sent",
  })
  @ApiNoContentResponse({ description: 'The session cookies are cleared' })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'ORIGIN_FORBIDDEN, CSRF_TOKEN_INVALID' })
  logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    // Even ending a session is a change another site must not make.
    if (this.cookies.token(request)) this.cookies.assertSameSite(request);
    this.cookies.end(request, reply);
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
  @ApiOperation({
    summary:
      'Change your own password; older tokens stop working, a new session is returned the way the old one came',
  })
  @ApiOkResponse({ type: LoginResponse })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() dto: ChangePasswordDto,
    @Req() request: FastifyRequest & { sessionCarrier?: SessionCarrier },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const answer = await this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
    return this.cookies.deliver(request, reply, request.sessionCarrier ?? 'bearer', answer);
  }
}
