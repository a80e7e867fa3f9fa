import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Punctuality from recorded times: the time a stop is judged by (server completion or door code), the door
 * code's phone time, and 补录. Existing stops take their server completion time; a typed arrival more than
 * 15 minutes (the default tolerance) from it is 补录. The outcome CHECK body is written by hand.
 */
export class DeliveryRecordedTimes1796627574143 implements MigrationInterface {
  name = 'DeliveryRecordedTimes1796627574143';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deliveries" ADD "recorded_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "deliveries" ADD "time_source" text`);
    await queryRunner.query(`ALTER TABLE "deliveries" ADD "door_code_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "deliveries" ADD "late_entry" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `UPDATE "deliveries" SET recorded_at = completed_at, time_source = 'server',
              late_entry = abs(extract(epoch FROM arrived_at - completed_at)) > 15 * 60
        WHERE status IN ('delivered', 'confirmed')`,
    );
    await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "ck_deliveries_outcome"`);
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "ck_deliveries_outcome" CHECK (${OUTCOME_WITH_RECORDED_TIME})`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "ck_deliveries_door_code" CHECK (time_source IS DISTINCT FROM 'doorCode' OR door_code_at IS NOT NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "ck_deliveries_time_source" CHECK (time_source IS NULL OR time_source IN ('server','doorCode'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "ck_deliveries_time_source"`);
    await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "ck_deliveries_door_code"`);
    await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "ck_deliveries_outcome"`);
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "ck_deliveries_outcome" CHECK (${OUTCOME_BEFORE})`,
    );
    await queryRunner.query(`ALTER TABLE "deliveries" DROP COLUMN "late_entry"`);
    await queryRunner.query(`ALTER TABLE "deliveries" DROP COLUMN "door_code_at"`);
    await queryRunner.query(`ALTER TABLE "deliveries" DROP COLUMN "time_source"`);
    await queryRunner.query(`ALTER TABLE "deliveries" DROP COLUMN "recorded_at"`);
  }
}

const OUTCOME_BEFORE = `CASE status
     WHEN 'planned' THEN arrived_at IS NULL AND receiver IS NULL AND completed_by IS NULL
     WHEN 'failed' THEN arrived_at IS NULL AND receiver IS NULL AND completed_by IS NOT NULL AND failure_reason IS NOT NULL
     ELSE arrived_at IS NOT NULL AND receiver IS NOT NULL AND completed_by IS NOT NULL END`;

const OUTCOME_WITH_RECORDED_TIME = `CASE status
     WHEN 'planned' THEN arrived_at IS NULL AND receiver IS NULL AND completed_by IS NULL
     WHEN 'failed' THEN arrived_at IS NULL AND receiver IS NULL AND completed_by IS NOT NULL AND failure_reason IS NOT NULL
     ELSE arrived_at IS NOT NULL AND receiver IS NOT NULL AND completed_by IS NOT NULL
          AND recorded_at IS NOT NULL AND time_source IS NOT NULL END`;
