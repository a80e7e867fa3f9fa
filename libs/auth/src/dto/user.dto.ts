import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { IsOmittable, PageQuery, ROLES, type Role, IntegerText } from '#libs/shared';
import type { UserStatus } from '../user.entity.js';

const STATUSES: UserStatus[] = ['active', 'disabled'];

export class CreateUserDto {
  @ApiProperty({
    example: 'am13',
    description: 'Letters, digits, dot, dash, underscore; unique ignoring case',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{3,32}$/)
  username: string;

  @ApiProperty({ example: '王建国' })
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  displayName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ description: 'The org unit the user sits in (required for every role but admin)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  orgUnitId?: number;

  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  @MaxLength(256)
  password: string;

  @ApiPropertyOptional({ example: '13800000000' })
  @IsOmittable()
  @IsString()
  @Matches(/^[0-9+\- ]{5,20}$/)
  phone?: string;
}

/** What an admin may change on a user. */
export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOmittable()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsInt()
  @Min(1)
  orgUnitId?: number;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOmittable()
  @IsIn(STATUSES)
  status?: UserStatus;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @Matches(/^[0-9+\- ]{5,20}$/)
  phone?: string;
}

/** What users may change on themselves: never their role, place or status. */
export class UpdateProfileDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  displayName?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @Matches(/^[0-9+\- ]{5,20}$/)
  phone?: string;
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  @MaxLength(256)
  newPassword: string;
}

export class UserQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOmittable()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  orgUnitId?: number;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOmittable()
  @IsIn(STATUSES)
  status?: UserStatus;

  @ApiPropertyOptional({ description: 'Matches username or display name' })
  @IsOmittable()
  @IsString()
  @MaxLength(64)
  search?: string;
}
