import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Role } from '#libs/shared';
import { OrgUnit } from '#libs/org';

export type UserStatus = 'active' | 'disabled';

@Entity('users')
@Check(
  'ck_users_role',
  `role IN ('admin','department_head','market_manager','account_manager','retailer','supply_clerk','enforcement_officer','delivery_staff','inspector')`,
)
@Check('ck_users_status', `status IN ('active','disabled')`)
@Index('ix_users_org_unit_role', ['orgUnitId', 'role'])
@Index('ix_users_role', ['role'])
@Index('uq_users_account_manager_per_territory', ['orgUnitId'], {
  unique: true,
  where: `role = 'account_manager' AND status = 'active'`,
})
@Index('uq_users_retailer', ['retailerId'], { unique: true, where: `retailer_id IS NOT NULL` })
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  /** Unique case-insensitively: an expression index on lower(username), made in the migration. */
  @Index('uq_users_username_lower', { synchronize: false })
  @Column({ type: 'text' })
  username: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'int', nullable: true })
  orgUnitId: number | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnit;

  /** For a retailer's self-service account: its retailer. */
  @Column({ type: 'int', nullable: true })
  retailerId: number | null;

  // Named by string: the retailers context depends on this one, so it cannot be imported here.
  @ManyToOne('Retailer', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'retailer_id' })
  retailer?: unknown;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'text', default: 'active' })
  status: UserStatus;

  /** Bumped when the password, role, place or status changes: tokens carrying an older value stop working. */
  @Column({ type: 'int', default: 1 })
  tokenVersion: number;

  /**
   * Set when someone else chose the password (a retailer's one-time activation password): until the user
   * changes it, every route but "me" and "change password" answers 403 PASSWORD_CHANGE_REQUIRED.
   */
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Failed logins per key (`user:<name>` or `ip:<address>`), shared by every API replica. */
@Entity('login_throttle')
export class LoginThrottle {
  @Column({ type: 'text', primary: true })
  key: string;

  @Column({ type: 'int' })
  failures: number;

  @Column({ type: 'timestamptz' })
  windowStartedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}

export const authEntities = [User, LoginThrottle];
