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
import { OrgUnit } from '#libs/org';
import { User } from '#libs/auth';
import { Brand } from '#libs/catalog';

/**
 * A territory's demand forecast 预测 for a month: one per (territory, month), submitted by its account
 * manager before the month starts and replaced whole on each submission until then. Every submission is in
 * the audit log with the lines before and after.
 */
@Entity('forecasts')
@Index('uq_forecasts_territory_month', ['territoryId', 'month'], { unique: true })
@Index('ix_forecasts_department_month', ['departmentId', 'month'])
@Check('ck_forecasts_month', 'EXTRACT(DAY FROM month) = 1')
export class Forecast {
  @PrimaryGeneratedColumn()
  id: number;

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

  /** The first day of the month forecast. */
  @Column({ type: 'date' })
  month: string;

  /** Who submitted the version in force. */
  @Column({ type: 'int' })
  submittedBy: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by' })
  submitter?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Forecast cartons of one spec. Zero is a statement ("none expected"), unlike a spec left out. */
@Entity('forecast_lines')
@Index('ix_forecast_lines_brand', ['brandId'])
@Check('ck_forecast_lines_cartons', 'cartons BETWEEN 0 AND 10000000')
export class ForecastLine {
  @PrimaryColumn({ type: 'int' })
  forecastId: number;

  @ManyToOne(() => Forecast, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'forecast_id' })
  forecast?: Forecast;

  @PrimaryColumn({ type: 'int' })
  brandId: number;

  @ManyToOne(() => Brand, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'brand_id' })
  brand?: Brand;

  /** The forecast's department, copied: the region key every fact row carries. */
  @Column({ type: 'int' })
  departmentId: number;

  @Column({ type: 'int' })
  cartons: number;
}
