import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ScheduledRuns1796627894979 implements MigrationInterface {
  name = 'ScheduledRuns1796627894979';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "scheduled_runs" ("id" BIGSERIAL NOT NULL, "job_name" text NOT NULL, "department_id" integer, "business_key" text NOT NULL, "trigger" text NOT NULL, "requested_by" integer, "reason" text, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL, "outcome" text NOT NULL, "summary" jsonb, "waiting_for" jsonb, "error" text, CONSTRAINT "ck_scheduled_runs_outcome" CHECK (outcome IN ('done','nothing-due','waiting','failed')), CONSTRAINT "ck_scheduled_runs_trigger" CHECK (trigger IN ('schedule','start','manual','forced')), CONSTRAINT "PK_6ed4b021ad35b034c830a8b5c96" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_scheduled_runs_latest" ON "scheduled_runs"  ("job_name", "department_id", "started_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_scheduled_runs_latest"`);
    await queryRunner.query(`DROP TABLE "scheduled_runs"`);
  }
}
