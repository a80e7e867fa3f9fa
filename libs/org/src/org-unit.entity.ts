import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { OrgUnitType } from './domain/org-tree.js';

/**
 * A node of the org tree. Ancestors are denormalised (`departmentId`, `serviceCenterId`, a unit's own id
 * for its own level) so that scoping is one indexed comparison, not a recursive walk.
 */
@Entity('org_units')
@Check(
  'ck_org_units_type',
  `type IN ('company','department','service_center','territory','supply_point','squad','route')`,
)
@Index('ix_org_units_parent', ['parentId'])
@Index('ix_org_units_department_type', ['departmentId', 'type'])
@Index('ix_org_units_service_center_type', ['serviceCenterId', 'type'])
@Index('ix_org_units_squad', ['squadId'])
@Index('uq_org_units_code', ['code'], { unique: true })
@Index('uq_org_units_supply_point_per_center', ['parentId'], { unique: true, where: `type = 'supply_point'` })
export class OrgUnit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  type: OrgUnitType;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: OrgUnit;

  /** The department this unit belongs to (its own id for a department). */
  @Column({ type: 'int', nullable: true })
  departmentId: number | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: OrgUnit;

  /** The service center this unit belongs to (its own id for a center). */
  @Column({ type: 'int', nullable: true })
  serviceCenterId: number | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_center_id' })
  serviceCenter?: OrgUnit;

  /** For a territory: the enforcement squad covering it. */
  @Column({ type: 'int', nullable: true })
  squadId: number | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'squad_id' })
  squad?: OrgUnit;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Which delivery routes serve a territory (a route may serve several territories and vice versa). */
@Entity('territory_routes')
@Index('ix_territory_routes_route', ['routeId'])
export class TerritoryRoute {
  @PrimaryColumn({ type: 'int' })
  territoryId: number;

  @PrimaryColumn({ type: 'int' })
  routeId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'territory_id' })
  territory?: OrgUnit;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'route_id' })
  route?: OrgUnit;
}

export const orgEntities = [OrgUnit, TerritoryRoute];
