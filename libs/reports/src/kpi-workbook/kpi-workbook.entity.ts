import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { KpiMonthClose } from '#libs/kpi';

/**
 * The workbook of a closed month's version, stored in the same transaction as that version's snapshot (by the
 * month close, or by an approved correction) and served later byte for byte as generated. Immutable (a
 * trigger refuses UPDATE, DELETE and TRUNCATE).
 */
@Entity('kpi_workbooks')
export class KpiWorkbook {
  @PrimaryColumn({ type: 'date' })
  month: string;

  @PrimaryColumn({ type: 'int' })
  departmentId: number;

  @PrimaryColumn({ type: 'int', default: 1 })
  version: number;

  @ManyToOne(() => KpiMonthClose, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'month', referencedColumnName: 'month' },
    { name: 'department_id', referencedColumnName: 'departmentId' },
    { name: 'version', referencedColumnName: 'version' },
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
