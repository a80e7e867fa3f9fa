import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsOmittable, PageQuery, IntegerText } from '#libs/shared';
import { ORG_UNIT_TYPES, type OrgUnitType } from '../domain/org-tree.js';

export class CreateOrgUnitDto {
  @ApiProperty({ enum: ORG_UNIT_TYPES })
  @IsIn(ORG_UNIT_TYPES)
  type: OrgUnitType;

  @ApiProperty({ example: 'SC-EAST', description: 'Unique code: letters, digits, - and _' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/)
  code: string;

  @ApiProperty({ example: '东部客户服务部' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  name: string;

  @ApiPropertyOptional({ description: 'Parent unit; required for every type but company' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  parentId?: number;

  @ApiPropertyOptional({ description: 'Territories only: the enforcement squad covering it' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  squadId?: number;

  @ApiPropertyOptional({ type: [Number], description: 'Territories only: the delivery routes serving it' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  routeIds?: number[];
}

// Omitted fields stay as they are; `null` is refused like in every other DTO (conventions: IsOmittable).
export class UpdateOrgUnitDto extends PartialType(
  PickType(CreateOrgUnitDto, ['code', 'name', 'parentId', 'squadId', 'routeIds'] as const),
  { skipNullProperties: false },
) {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

export class OrgUnitQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORG_UNIT_TYPES })
  @IsOmittable()
  @IsIn(ORG_UNIT_TYPES)
  type?: OrgUnitType;

  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  parentId?: number;

  @ApiPropertyOptional({ description: 'Matches name or code' })
  @IsOmittable()
  @IsString()
  @MaxLength(64)
  search?: string;
}
