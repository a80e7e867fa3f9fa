import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '#libs/shared';

export class LoginDto {
  @ApiProperty({ example: 'am01' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'Demo@2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;

  @ApiProperty({
    required: false,
    enum: ['token', 'cookie'],
    default: 'token',
    description:
      '`token` (API clients): the answer carries the access token to send as `Authorization: Bearer`. ' +
      '`cookie` (the console): the token goes into an httpOnly, SameSite=Strict `session` cookie and a ' +
      '`csrf_token` cookie is set; changes then need the `x-csrf-token` header equal to it. The answer has no token.',
  })
  @IsOptional()
  @IsIn(['token', 'cookie'])
  session?: 'token' | 'cookie';
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(256)
  currentPassword: string;

  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  @MaxLength(256)
  newPassword: string;
}

export class SessionUser {
  @ApiProperty() id: number;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: Number }) orgUnitId: number | null;
  @ApiProperty({ nullable: true, type: Number }) retailerId: number | null;
  @ApiProperty({ description: 'A one-time password is in use: change it before anything else' })
  mustChangePassword: boolean;
}

export class LoginResponse {
  @ApiProperty({ required: false, description: 'Absent for a cookie session (the cookie carries it)' })
  accessToken?: string;
  @ApiProperty({ enum: ['Bearer', 'Cookie'], example: 'Bearer' }) tokenType: 'Bearer' | 'Cookie';
  @ApiProperty({ description: 'Token lifetime in seconds' }) expiresIn: number;
  @ApiProperty({ type: SessionUser }) user: SessionUser;
}
