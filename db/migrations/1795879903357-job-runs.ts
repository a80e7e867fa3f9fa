import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JobRuns1795879903357 implements MigrationInterface {
  name = 'JobRuns1795879903357';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "job_runs" ("id" BIGSERIAL NOT NULL, "job_name" text NOT NULL, "business_key" text NOT NULL, "status" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "result" jsonb, "error" text, CONSTRAINT "ck_job_runs_status" CHECK (status IN ('succeeded', 'failed')), CONSTRAINT "PK_4d0012c04fcfc287550b76be7e9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_job_runs_succeeded" ON "job_runs"  ("job_name", "business_key") WHERE status = 'succeeded'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_job_runs_succeeded"`);
    await queryRunner.query(`DROP TABLE "job_runs"`);
  }
}
