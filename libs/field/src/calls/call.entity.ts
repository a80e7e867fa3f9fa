import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrgUnit } from '#libs/org';
import { User } from '#libs/auth';
import { Retailer } from '#libs/retailers';

/** An account manager's phone call to a retailer 电话回访: lighter than a visit, counted against the call target. */
@Entity('calls')
@Check('ck_calls_duration', 'duration_seconds IS NULL OR duration_seconds BETWEEN 0 AND 14400')
@Index('ix_calls_territory_on', ['territoryId', 'calledOn'])
@Index('ix_calls_department_on', ['departmentId', 'calledOn'])
@Index('ix_calls_account_manager_on', ['accountManagerId', 'calledOn'])
@Index('ix_calls_retailer_on', ['retailerId', 'calledOn'])
export class Call {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  retailerId: number;

  @ManyToOne(() => Retailer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'retailer_id' })
  retailer?: Retailer;

  @Column({ type: 'int' })
  territoryId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territory_id' })
  territory?: OrgUnit;

  @Column({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: OrgUnit;

  @Column({ type: 'int' })
  accountManagerId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_manager_id' })
  accountManager?: User;

  @Column({ type: 'timestamptz' })
  calledAt: Date;

  /** `calledAt` as a business date. */
  @Column({ type: 'date' })
  calledOn: string;

  /** False when nobody answered. */
  @Column({ type: 'boolean', default: true })
  reached: boolean;

  @Column({ type: 'int', nullable: true })
  durationSeconds: number | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
