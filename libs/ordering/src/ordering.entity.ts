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
import { Retailer } from '#libs/retailers';
import { Brand } from '#libs/catalog';
import type { CyclePlacement, DemandChannel, DemandState, OrderCycleState } from './domain/index.js';

export type CyclePlacedBy = CyclePlacement | 'hand';

/** A territory's weekly rhythm: its order day and when the window opens and cuts off (business time). */
@Entity('territory_order_schedules')
@Check('ck_territory_order_schedules_weekday', 'order_weekday BETWEEN 1 AND 7')
@Check('ck_territory_order_schedules_days_before', 'opens_days_before BETWEEN 0 AND 6')
export class TerritoryOrderSchedule {
  @PrimaryColumn({ type: 'int' })
  territoryId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'territory_id' })
  territory?: OrgUnit;

  @Column({ type: 'smallint' })
  orderWeekday: number;

  @Column({ type: 'smallint', default: 1 })
  opensDaysBefore: number;

  /** HH:MM */
  @Column({ type: 'text', default: '12:00' })
  opensAtTime: string;

  /** HH:MM on the order day */
  @Column({ type: 'text', default: '16:00' })
  cutoffTime: string;
}

/**
 * One order cycle of a territory: the window in which its retailers submit demand for an order day. Its identity
 * is the territory's order week (the Monday of its un-moved order day): moving or cancelling it changes its
 * dates and state, never its week, so generation finds the week taken and never makes a second cycle for it.
 */
@Entity('order_cycles')
@Index('uq_order_cycles_territory_date', ['territoryId', 'orderDate'], {
  unique: true,
  where: `status <> 'cancelled'`,
})
@Index('uq_order_cycles_territory_week', ['territoryId', 'orderWeek'], { unique: true })
@Check('ck_order_cycles_week_monday', 'extract(isodow FROM order_week) = 1')
@Check('ck_order_cycles_placed_by', `placed_by IN ('schedule','calendar','hand')`)
@Index('ix_order_cycles_status_cutoff', ['status', 'cutoffAt'])
@Index('ix_order_cycles_order_date', ['orderDate'])
@Index('ix_order_cycles_department_date', ['departmentId', 'orderDate'])
@Check('ck_order_cycles_status', `status IN ('scheduled','open','cut_off','consolidated','cancelled')`)
@Check('ck_order_cycles_window', 'opens_at < cutoff_at')
export class OrderCycle {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  territoryId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territory_id' })
  territory?: OrgUnit;

  @Column({ type: 'int' })
  serviceCenterId: number;

  @Column({ type: 'int' })
  departmentId: number;

  /** Monday of the week of the un-moved order day; set once (an insert leaving it out gets orderDate's). */
  @Column({ type: 'date' })
  orderWeek: string;

  @Column({ type: 'date' })
  orderDate: string;

  @Column({ type: 'timestamptz' })
  opensAt: Date;

  @Column({ type: 'timestamptz' })
  cutoffAt: Date;

  @Column({ type: 'text', default: 'scheduled' })
  status: OrderCycleState;

  /** Who decided its dates and state: the weekly schedule, the department's calendar, or a person. */
  @Column({ type: 'text', default: 'schedule' })
  placedBy: CyclePlacedBy;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * A retailer's demand in a cycle: its own (`self`) or collected by its account manager (`collected`, which
 * needs the retailer's confirmation and a market manager's signed approval). One live demand per retailer
 * and cycle (partial unique index).
 */
@Entity('demands')
@Index('uq_demands_live_per_cycle', ['cycleId', 'retailerId'], {
  unique: true,
  where: `status IN ('submitted','pending_confirmation','pending_approval','approved','ordered')`,
})
@Index('ix_demands_retailer', ['retailerId', 'createdAt'])
@Index('ix_demands_territory_created', ['territoryId', 'createdAt'])
@Index('ix_demands_cycle_status', ['cycleId', 'status'])
@Index('ix_demands_submitted_by', ['submittedBy', 'createdAt'])
@Check('ck_demands_channel', `channel IN ('self','collected')`)
@Check(
  'ck_demands_status',
  `status IN ('submitted','pending_confirmation','pending_approval','approved','rejected','expired','cancelled','ordered')`,
)
@Check('ck_demands_total', 'total_cartons > 0')
@Check(
  'ck_demands_approval_signed',
  `status NOT IN ('approved','ordered') OR channel = 'self' OR (approved_by IS NOT NULL AND approved_at IS NOT NULL)`,
)
export class Demand {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  cycleId: number;

  @ManyToOne(() => OrderCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: OrderCycle;

  @Column({ type: 'int' })
  retailerId: number;

  @ManyToOne(() => Retailer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'retailer_id' })
  retailer?: Retailer;

  @Column({ type: 'int' })
  territoryId: number;

  @Column({ type: 'int' })
  serviceCenterId: number;

  @Column({ type: 'int' })
  departmentId: number;

  @Column({ type: 'text' })
  channel: DemandChannel;

  @Column({ type: 'text' })
  status: DemandState;

  @Column({ type: 'int' })
  totalCartons: number;

  /** Who entered it: the retailer, a phone-ordering clerk on its behalf, or the collecting account manager. */
  @Column({ type: 'int' })
  submittedBy: number;

  @Column({ type: 'text' })
  submittedByRole: string;

  @Column({ type: 'text', nullable: true })
  submittedFromIp: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /**
   * 'code' (a code the retailer gave), 'account' (confirmed in the retailer's own account) or 'signature'
   * (signed on the account manager's screen; the drawing is in the attachment store).
   */
  @Column({ type: 'text', nullable: true })
  confirmedVia: 'code' | 'account' | 'signature' | null;

  @Column({ type: 'text', nullable: true })
  confirmedFromIp: string | null;

  @Column({ type: 'int', nullable: true })
  approvedBy: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  approvalComment: string | null;

  @Column({ type: 'int', nullable: true })
  rejectedBy: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  rejectedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  rejectReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('demand_lines')
@Index('ix_demand_lines_brand', ['brandId'])
@Check('ck_demand_lines_cartons', 'cartons > 0')
export class DemandLine {
  @PrimaryColumn({ type: 'int' })
  demandId: number;

  @ManyToOne(() => Demand, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'demand_id' })
  demand?: Demand;

  /** The primary key forbids the same spec twice in one demand. */
  @PrimaryColumn({ type: 'int' })
  brandId: number;

  @ManyToOne(() => Brand, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'brand_id' })
  brand?: Brand;

  @Column({ type: 'int' })
  cartons: number;
}

/** A one-time code a retailer gives its account manager to confirm demand collected on its behalf. */
@Entity('demand_confirmation_codes')
@Index('ix_demand_confirmation_codes_retailer', ['retailerId', 'expiresAt'])
export class DemandConfirmationCode {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  retailerId: number;

  @ManyToOne(() => Retailer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'retailer_id' })
  retailer?: Retailer;

  @Column({ type: 'text' })
  codeHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  issuedFromIp: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** The explicit no-demand record 无需求 of a retailer that submitted nothing in a cycle. */
@Entity('no_demand_records')
@Index('ix_no_demand_records_territory', ['territoryId', 'cycleId'])
export class NoDemandRecord {
  @PrimaryColumn({ type: 'int' })
  cycleId: number;

  @ManyToOne(() => OrderCycle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: OrderCycle;

  @PrimaryColumn({ type: 'int' })
  retailerId: number;

  @ManyToOne(() => Retailer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'retailer_id' })
  retailer?: Retailer;

  @Column({ type: 'int' })
  territoryId: number;

  @Column({ type: 'int' })
  departmentId: number;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}

/**
 * What each retailer gets from a consolidated cycle, per spec: the delivery lines, and the sales facts of
 * every report (cartons and amount at the wholesale price of the day).
 */
@Entity('order_lines')
@Index('uq_order_lines_demand_brand', ['demandId', 'brandId'], { unique: true })
@Index('ix_order_lines_territory_date', ['territoryId', 'orderDate'])
@Index('ix_order_lines_retailer_date', ['retailerId', 'orderDate'])
@Index('ix_order_lines_cycle', ['cycleId'])
@Index('ix_order_lines_department_date', ['departmentId', 'orderDate'])
@Check('ck_order_lines_quantities', 'ordered >= 0 AND ordered <= requested AND requested > 0')
@Check('ck_order_lines_amount', 'amount_fen = ordered * price_fen')
@Check('ck_order_lines_supply_ratio', 'supply_ratio_bp BETWEEN 1 AND 9999')
export class OrderLine {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'int' })
  cycleId: number;

  @ManyToOne(() => OrderCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: OrderCycle;

  @Column({ type: 'int' })
  demandId: number;

  @ManyToOne(() => Demand, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'demand_id' })
  demand?: Demand;

  @Column({ type: 'int' })
  retailerId: number;

  @Column({ type: 'int' })
  territoryId: number;

  @Column({ type: 'int' })
  serviceCenterId: number;

  @Column({ type: 'int' })
  departmentId: number;

  @Column({ type: 'int' })
  supplyPointId: number;

  @Column({ type: 'int' })
  brandId: number;

  @ManyToOne(() => Brand, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'brand_id' })
  brand?: Brand;

  @Column({ type: 'date' })
  orderDate: string;

  @Column({ type: 'int' })
  requested: number;

  /** What the retailer gets: the request, or its largest-remainder share under a supply ratio. */
  @Column({ type: 'int' })
  ordered: number;

  /** The 稍紧平衡 ratio the spec's class was supplied at (basis points), or null when not rationed. */
  @Column({ type: 'int', nullable: true })
  supplyRatioBp: number | null;

  @Column({ type: 'int' })
  priceFen: number;

  @Column({ type: 'bigint' })
  amountFen: string;
}

/** The unified order 统一订单 of a supply point for an order date. */
@Entity('supply_orders')
@Index('uq_supply_orders_point_date', ['supplyPointId', 'orderDate'], { unique: true })
@Index('ix_supply_orders_date', ['orderDate'])
export class SupplyOrder {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  supplyPointId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supply_point_id' })
  supplyPoint?: OrgUnit;

  @Column({ type: 'int' })
  serviceCenterId: number;

  @Column({ type: 'int' })
  departmentId: number;

  @Column({ type: 'date' })
  orderDate: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity('supply_order_lines')
@Check('ck_supply_order_lines_cartons', 'cartons >= 0 AND requested >= cartons')
export class SupplyOrderLine {
  @PrimaryColumn({ type: 'int' })
  supplyOrderId: number;

  @ManyToOne(() => SupplyOrder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'supply_order_id' })
  supplyOrder?: SupplyOrder;

  @PrimaryColumn({ type: 'int' })
  brandId: number;

  @ManyToOne(() => Brand, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'brand_id' })
  brand?: Brand;

  /** What retailers asked for. */
  @Column({ type: 'int' })
  requested: number;

  /** What is ordered (after any supply ratio). */
  @Column({ type: 'int' })
  cartons: number;
}

/** 稍紧平衡: the share of demand for a price class (IV, V) that is supplied, in basis points (10000 = all). */
@Entity('supply_ratios')
@Check('ck_supply_ratios_class', 'price_class BETWEEN 1 AND 5')
@Check('ck_supply_ratios_ratio', 'ratio_bp BETWEEN 1 AND 10000')
export class SupplyRatio {
  @PrimaryColumn({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id' })
  department?: OrgUnit;

  @PrimaryColumn({ type: 'smallint' })
  priceClass: number;

  @Column({ type: 'int' })
  ratioBp: number;
}

export const orderingEntities = [
  TerritoryOrderSchedule,
  OrderCycle,
  Demand,
  DemandLine,
  DemandConfirmationCode,
  NoDemandRecord,
  OrderLine,
  SupplyOrder,
  SupplyOrderLine,
  SupplyRatio,
];
