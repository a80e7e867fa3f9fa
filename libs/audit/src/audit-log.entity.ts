import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only record of every change: who, in which role, did what to which entity, with the state
 * before and after. A trigger (see the migration) refuses UPDATE, DELETE and TRUNCATE.
 */
@Entity('audit_log')
@Index('ix_audit_log_entity', ['entityType', 'entityId', 'at'])
@Index('ix_audit_log_actor', ['actorId', 'at'])
@Index('ix_audit_log_department_at', ['departmentId', 'at'])
export class AuditLog {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** Null for the system (scheduled jobs, first-start bootstrap). */
  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Column({ type: 'text' })
  actorRole: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entityType: string;

  @Column({ type: 'text' })
  entityId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: object | null;

  @Column({ type: 'jsonb', nullable: true })
  after: object | null;

  /** The department the change belongs to, so inspectors see their own department's trail. */
  @Column({ type: 'int', nullable: true })
  departmentId: number | null;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}

export const auditEntities = [AuditLog];
