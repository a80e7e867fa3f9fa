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
import { OrgUnit } from '#libs/org';
import { Retailer } from '#libs/retailers';
import { User } from '#libs/auth';
import {
  DELIVERY_STATES,
  FEEDBACK_KINDS,
  FEEDBACK_RAISER_ROLES,
  FEEDBACK_STATES,
  RECEIVER_KINDS,
  TIME_SOURCES,
  type DeliveryState,
  type FeedbackKind,
  type FeedbackRaiserRole,
  type FeedbackState,
  type ReceiverKind,
  type TimeSource,
} from './domain/index.js';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(',');

/** One route's delivery run on one date: the stops are its deliveries. */
@Entity('delivery_runs')
@Index('uq_delivery_runs_route_date', ['routeId', 'deliveryDate'], { unique: true })
@Index('ix_delivery_runs_date', ['deliveryDate'])
@Index('ix_delivery_runs_center_date', ['serviceCenterId', 'deliveryDate'])
@Index('ix_delivery_runs_department_date', ['departmentId', 'deliveryDate'])
export class DeliveryRun {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  routeId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'route_id' })
  route?: OrgUnit;

  @Column({ type: 'date' })
  deliveryDate: string;

  @Column({ type: 'int' })
  serviceCenterId: number;

  @Column({ type: 'int' })
  departmentId: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A delivery stop: one retailer's goods from the unified order of an order date, on its route's run, with
 * a planned window, what happened (arrival, receiver; a proxy receipt 代接货 only with name and reason) and
 * the retailer's own confirmation 到户确认 (before or after the driver completes). `attempt` numbers the stops of the same goods (a failed stop is
 * final; the goods go out again as a new attempt).
 */
@Entity('deliveries')
@Index('uq_deliveries_retailer_order_attempt', ['retailerId', 'orderDate', 'attempt'], { unique: true })
@Index('uq_deliveries_run_position', ['runId', 'position'], { unique: true })
@Index('ix_deliveries_route_date', ['routeId', 'deliveryDate'])
@Index('ix_deliveries_territory_date', ['territoryId', 'deliveryDate'])
@Index('ix_deliveries_retailer_date', ['retailerId', 'deliveryDate'])
@Index('ix_deliveries_center_date', ['serviceCenterId', 'deliveryDate'])
@Index('ix_deliveries_department_date', ['departmentId', 'deliveryDate'])
@Index('ix_deliveries_date_status', ['deliveryDate', 'status'])
@Index('ix_deliveries_completed_by_date', ['completedBy', 'deliveryDate'])
@Index('ix_deliveries_proxy', ['deliveryDate'], { where: `receiver = 'proxy'` })
@Check('ck_deliveries_status', `status IN (${list(DELIVERY_STATES)})`)
@Check('ck_deliveries_receiver', `receiver IS NULL OR receiver IN (${list(RECEIVER_KINDS)})`)
@Check('ck_deliveries_window', 'window_start < window_end')
@Check('ck_deliveries_cartons', 'cartons > 0')
@Check('ck_deliveries_position', 'position >= 1 AND attempt >= 1')
@Check(
  'ck_deliveries_outcome',
  `CASE status
     WHEN 'planned' THEN arrived_at IS NULL AND receiver IS NULL AND completed_by IS NULL
     WHEN 'received' THEN arrived_at IS NULL AND receiver IS NULL AND completed_by IS NULL
     WHEN 'failed' THEN arrived_at IS NULL AND receiver IS NULL AND completed_by IS NOT NULL AND failure_reason IS NOT NULL
     ELSE arrived_at IS NOT NULL AND receiver IS NOT NULL AND completed_by IS NOT NULL
          AND recorded_at IS NOT NULL AND time_source IS NOT NULL END`,
)
@Check('ck_deliveries_time_source', `time_source IS NULL OR time_source IN (${list(TIME_SOURCES)})`)
@Check('ck_deliveries_door_code', `time_source IS DISTINCT FROM 'doorCode' OR door_code_at IS NOT NULL`)
@Check(
  'ck_deliveries_proxy',
  `receiver IS DISTINCT FROM 'proxy' OR (receiver_name IS NOT NULL AND proxy_reason IS NOT NULL)`,
)
@Check('ck_deliveries_confirmed', `(status IN ('received', 'confirmed')) = (confirmed_at IS NOT NULL)`)
@Check(
  'ck_deliveries_retailer_phone',
  `time_source IS DISTINCT FROM 'retailerPhone' OR recorded_at = confirmed_at`,
)
export class Delivery {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  runId: number;

  @ManyToOne(() => DeliveryRun, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id' })
  run?: DeliveryRun;

  @Column({ type: 'int' })
  routeId: number;

  @Column({ type: 'date' })
  deliveryDate: string;

  @Column({ type: 'smallint' })
  position: number;

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

  @Column({ type: 'int' })
  supplyPointId: number;

  /** The unified order's date the goods come from. */
  @Column({ type: 'date' })
  orderDate: string;

  @Column({ type: 'smallint', default: 1 })
  attempt: number;

  @Column({ type: 'int' })
  cartons: number;

  /** The manifest: the specs and cartons of the unified order for this retailer. */
  @Column({ type: 'jsonb' })
  lines: Array<{ brandId: number; cartons: number }>;

  @Column({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'timestamptz' })
  windowEnd: Date;

  @Column({ type: 'text', default: 'planned' })
  status: DeliveryState;

  /** The arrival time the driver typed: the driver's statement, never what punctuality is judged by. */
  @Column({ type: 'timestamptz', nullable: true })
  arrivedAt: Date | null;

  /** What punctuality is judged by: the server's completion time or the door code's (see `recordCompletion`). */
  @Column({ type: 'timestamptz', nullable: true })
  recordedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  timeSource: TimeSource | null;

  /** The driver's phone time when the retailer's door code was entered (kept even when it does not count). */
  @Column({ type: 'timestamptz', nullable: true })
  doorCodeAt: Date | null;

  /** 补录: the typed arrival differs from the recorded time by more than the tolerance; never on time. */
  @Column({ type: 'boolean', default: false })
  lateEntry: boolean;

  @Column({ type: 'text', nullable: true })
  receiver: ReceiverKind | null;

  @Column({ type: 'text', nullable: true })
  receiverName: string | null;

  /** Who the proxy is to the licence holder (required for a proxy receipt since the driver's phone pages). */
  @Column({ type: 'text', nullable: true })
  receiverRelation: string | null;

  /** Why the goods were received by someone else (required for a proxy receipt). */
  @Column({ type: 'text', nullable: true })
  proxyReason: string | null;

  @Column({ type: 'text', nullable: true })
  failureReason: string | null;

  /** The delivery staff member who completed (or failed) the stop: whose punctuality it counts in. */
  @Column({ type: 'int', nullable: true })
  completedBy: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'completed_by' })
  completer?: User;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /**
   * The server's clock when the retailer confirmed receipt on its own phone 到户确认: before the driver
   * completed the stop (then it is the stop's recorded time) or after.
   */
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  confirmedBy: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'confirmed_by' })
  confirmer?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A problem an account manager raises against a delivery, and the delivery side's answer. */
@Entity('delivery_feedback')
@Index('ix_delivery_feedback_delivery', ['deliveryId'])
@Index('ix_delivery_feedback_territory', ['territoryId', 'status', 'raisedAt'])
@Index('ix_delivery_feedback_route', ['routeId', 'status', 'raisedAt'])
@Index('ix_delivery_feedback_center', ['serviceCenterId', 'status', 'raisedAt'])
@Index('ix_delivery_feedback_department', ['departmentId', 'status', 'raisedAt'])
@Check('ck_delivery_feedback_kind', `kind IN (${list(FEEDBACK_KINDS)})`)
@Check('ck_delivery_feedback_status', `status IN (${list(FEEDBACK_STATES)})`)
@Check('ck_delivery_feedback_raiser_role', `raiser_role IN (${list(FEEDBACK_RAISER_ROLES)})`)
@Check(
  'ck_delivery_feedback_answer',
  `(answer IS NULL) = (answered_at IS NULL) AND (answer IS NULL) = (answered_by IS NULL)`,
)
@Check('ck_delivery_feedback_answered', `status <> 'answered' OR answer IS NOT NULL`)
@Check('ck_delivery_feedback_closed', `(status = 'closed') = (closed_at IS NOT NULL)`)
export class DeliveryFeedback {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  deliveryId: number;

  @ManyToOne(() => Delivery, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'delivery_id' })
  delivery?: Delivery;

  @Column({ type: 'int' })
  retailerId: number;

  @Column({ type: 'int' })
  territoryId: number;

  @Column({ type: 'int' })
  serviceCenterId: number;

  @Column({ type: 'int' })
  departmentId: number;

  @Column({ type: 'int' })
  routeId: number;

  @Column({ type: 'text' })
  kind: FeedbackKind;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', default: 'open' })
  status: FeedbackState;

  @Column({ type: 'int' })
  raisedBy: number;

  /** The raiser's role: the account manager, the route's driver at the door, or the retailer. */
  @Column({ type: 'text', default: 'account_manager' })
  raiserRole: FeedbackRaiserRole;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'raised_by' })
  raiser?: User;

  @Column({ type: 'timestamptz' })
  raisedAt: Date;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ type: 'int', nullable: true })
  answeredBy: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'answered_by' })
  answerer?: User;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'int', nullable: true })
  closedBy: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

export const deliveryEntities = [DeliveryRun, Delivery, DeliveryFeedback];
