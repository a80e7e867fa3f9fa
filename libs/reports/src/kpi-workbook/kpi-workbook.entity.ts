import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { KpiMonthClose } from '#libs/kpi';

/**
 * The workbook of a closed month, stored by the month-close job in the same transaction as the snapshot and
 * served later byte for byte as generated. Immutable (a trigger refuses UPDATE, DELETE and TRUNCATE).
 */
@Entity('kpi_workbooks')
export class KpiWorkbook {
  @PrimaryColumn({ type: 'date' })
  month: string;

  @PrimaryColumn({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => KpiMonthClose, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'month', referencedColumnName: 'month' },
    { name: 'department_id', referencedColumnName: 'departmentId' },
  ])
  close?: KpiMonthClose;

  @Column({ type: 'text' })
  filename: string;

  @Column({ type: 'bytea' })
  content: Buffer;

  /** Hex SHA-256 of `content`, sent as the ETag. */
  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'int' })
  byteSize: number;

  @Column({ type: 'timestamptz' })
  generatedAt: Date;
}

export const reportEntities = [KpiWorkbook];
