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

/** 业态: 食杂 C, 便利 B, 超市 S, 商场 N, 烟酒 Y, 娱乐服务 F, 其他 Q. */
export type BusinessType = 'C' | 'B' | 'S' | 'N' | 'Y' | 'F' | 'Q';
export type MarketType = 'urban' | 'rural';
export type BusinessScale = 'large' | 'medium' | 'small';
export type RetailerStatus = 'active' | 'suspended' | 'closed';

/**
 * A licensed tobacco retailer 零售户. Carries its territory and, denormalised, its service center and
 * department (the region key every fact table carries for scoping and, at province scale, distribution).
 */
@Entity('retailers')
@Index('uq_retailers_license_no', ['licenseNo'], { unique: true })
@Index('ix_retailers_territory_status', ['territoryId', 'status'])
@Index('ix_retailers_service_center', ['serviceCenterId'])
@Index('ix_retailers_department', ['departmentId'])
@Index('ix_retailers_grade', ['grade'])
@Index('ix_retailers_big_account', ['bigAccount'], { where: 'big_account' })
@Check('ck_retailers_license_no', `license_no ~ '^[0-9]{6,32}$'`)
@Check('ck_retailers_business_type', `business_type IN ('C','B','S','N','Y','F','Q')`)
@Check('ck_retailers_market_type', `market_type IN ('urban','rural')`)
@Check('ck_retailers_scale', `scale IN ('large','medium','small')`)
@Check('ck_retailers_grade', 'grade BETWEEN 1 AND 30')
@Check('ck_retailers_order_weekday', 'order_weekday BETWEEN 1 AND 7')
@Check('ck_retailers_status', `status IN ('active','suspended','closed')`)
@Check(
  'ck_retailers_license_dates',
  'license_valid_to IS NULL OR license_valid_from IS NULL OR license_valid_to >= license_valid_from',
)
export class Retailer {
  @PrimaryGeneratedColumn()
  id: number;

  /** 专卖许可证号: digits; its length is configured (default 12) and checked by the service. */
  @Column({ type: 'text' })
  licenseNo: string;

  @Column({ type: 'text' })
  shopName: string;

  @Column({ type: 'text' })
  ownerName: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'int' })
  territoryId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territory_id' })
  territory?: OrgUnit;

  @Column({ type: 'int' })
  serviceCenterId: number;

  @Column({ type: 'int' })
  departmentId: number;

  @Column({ type: 'char', length: 1 })
  businessType: BusinessType;

  @Column({ type: 'text' })
  marketType: MarketType;

  @Column({ type: 'text' })
  scale: BusinessScale;

  /** The grade 档位 in force now (changes take effect from the next period; history in retailer_grades). */
  @Column({ type: 'smallint' })
  grade: number;

  /** 商圈 type, from the configurable list. */
  @Column({ type: 'text', nullable: true })
  districtType: string | null;

  /** 大户: computed monthly, or set by hand with a reason (bigAccountOverrideReason). */
  @Column({ type: 'boolean', default: false })
  bigAccount: boolean;

  @Column({ type: 'text', nullable: true })
  bigAccountOverrideReason: string | null;

  /** ISO weekday (1 = Monday) of the retailer's weekly order day. */
  @Column({ type: 'smallint' })
  orderWeekday: number;

  /** Reachable on the messaging channels (what 飞信 was): SMS, WeChat, the ordering portal. */
  @Column({ type: 'boolean', default: false })
  reachableSms: boolean;

  @Column({ type: 'boolean', default: false })
  reachableWechat: boolean;

  @Column({ type: 'boolean', default: false })
  reachablePortal: boolean;

  @Column({ type: 'date', nullable: true })
  ownerBirthday: string | null;

  @Column({ type: 'date', nullable: true })
  licenseValidFrom: string | null;

  @Column({ type: 'date', nullable: true })
  licenseValidTo: string | null;

  @Column({ type: 'text', default: 'active' })
  status: RetailerStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Grade history: each grade with the first day it is in force (changes apply from the next period). */
@Entity('retailer_grades')
@Index('uq_retailer_grades_from', ['retailerId', 'effectiveFrom'], { unique: true })
@Check('ck_retailer_grades_grade', 'grade BETWEEN 1 AND 30')
export class RetailerGrade {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  retailerId: number;

  @ManyToOne(() => Retailer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'retailer_id' })
  retailer?: Retailer;

  @Column({ type: 'smallint' })
  grade: number;

  @Column({ type: 'date' })
  effectiveFrom: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'int', nullable: true })
  changedBy: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export const retailerEntities = [Retailer, RetailerGrade];
