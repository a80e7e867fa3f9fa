import { ApiProperty } from '@nestjs/swagger';
import { ORG_UNIT_TYPES, type OrgUnitType } from '../domain/org-tree.js';
import type { OrgUnit } from '../org-unit.entity.js';
import type { TerritoryView } from '../ports/org.directory.js';

// What the org routes answer, for the OpenAPI document (each class implements the type the service returns,
// so the compiler keeps the two together).

export class OrgUnitResponse implements Omit<OrgUnit, 'parent' | 'department' | 'serviceCenter' | 'squad'> {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ORG_UNIT_TYPES }) type: OrgUnitType;
  @ApiProperty({ example: 'T001' }) code: string;
  @ApiProperty({ example: '城关片区' }) name: string;
  @ApiProperty({ type: Number, nullable: true }) parentId: number | null;
  @ApiProperty({ type: Number, nullable: true }) departmentId: number | null;
  @ApiProperty({ type: Number, nullable: true }) serviceCenterId: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Territories: the enforcement squad covering it',
  })
  squadId: number | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class OrgUnitDetailResponse extends OrgUnitResponse {
  @ApiProperty({ type: [Number], description: 'Territories: the delivery routes serving it' })
  routeIds: number[];
}

export class TerritoryResponse implements TerritoryView {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'T001' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty() active: boolean;
  @ApiProperty() departmentId: number;
  @ApiProperty() serviceCenterId: number;
  @ApiProperty() serviceCenterName: string;
  @ApiProperty({ type: Number, nullable: true }) squadId: number | null;
  @ApiProperty({ type: [Number] }) routeIds: number[];
}
