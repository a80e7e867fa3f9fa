import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
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
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: string;
  @ApiProperty({ description: 'Token lifetime in seconds' }) expiresIn: number;
  @ApiProperty({ type: SessionUser }) user: SessionUser;
}
