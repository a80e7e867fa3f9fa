import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A create request's Idempotency-Key, per user: its body's hash and, once done, the response to replay. */
@Entity('idempotency_keys')
@Index('ix_idempotency_keys_created', ['createdAt'])
@Check('ck_idempotency_keys_status', `status IN ('in_flight','completed')`)
export class IdempotencyKey {
  @PrimaryColumn({ type: 'int' })
  userId: number;

  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  requestHash: string;

  @Column({ type: 'text' })
  status: 'in_flight' | 'completed';

  @Column({ type: 'int', nullable: true })
  responseStatus: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody: object | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
