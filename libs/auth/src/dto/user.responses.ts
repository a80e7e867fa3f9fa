import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '#libs/shared';
import type { User, UserStatus } from '../user.entity.js';

/** A user as the user routes answer it (never its password hash), for the OpenAPI document. */
export class UserResponse implements Omit<User, 'orgUnit' | 'retailer' | 'passwordHash'> {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'am13' }) username: string;
  @ApiProperty({ example: '李明' }) displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: Number, nullable: true, description: 'The org unit the user sits in' })
  orgUnitId: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Retailer accounts: the retailer' })
  retailerId: number | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ enum: ['active', 'disabled'] }) status: UserStatus;
  @ApiProperty({
    description: 'Bumped when password, role, place or status change (older tokens stop working)',
  })
  tokenVersion: number;
  @ApiProperty({ description: 'A one-time password is in use' }) mustChangePassword: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}
