import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The retailer confirms receipt on its own phone before the driver completes the stop: a `received` state
 * (confirmed by the retailer, not completed yet), and `retailerPhone` as a recorded time's source, which is
 * then the confirmation's server time. TypeORM compares CHECKs by name only, so the changed bodies are
 * written by hand (each dropped and added again under its name).
 */
export class RetailerReceipt1796638864036 implements MigrationInterface {
  name = 'RetailerReceipt1796638864036';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await replaceChecks(queryRunner, {
      ck_deliveries_status: `status IN ('planned','received','delivered','failed','confirmed')`,
      ck_deliveries_outcome: OUTCOME_WITH_RECEIVED,
      ck_deliveries_confirmed: `(status IN ('received', 'confirmed')) = (confirmed_at IS NOT NULL)`,
      ck_deliveries_time_source: `time_source IS NULL OR time_source IN ('server','doorCode','retailerPhone')`,
    });
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "ck_deliveries_retailer_phone" CHECK (time_source IS DISTINCT FROM 'retailerPhone' OR recorded_at = confirmed_at)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "ck_deliveries_retailer_phone"`);
    await replaceChecks(queryRunner, {
      ck_deliveries_status: `status IN ('planned','delivered','failed','confirmed')`,
      ck_deliveries_outcome: OUTCOME_BEFORE,
      ck_deliveries_confirmed: `(status = 'confirmed') = (confirmed_at IS NOT NULL)`,
      ck_deliveries_time_source: `time_source IS NULL OR time_source IN ('server','doorCode')`,
    });
  }
}

async function replaceChecks(queryRunner: QueryRunner, checks: Record<string, string>): Promise<void> {
  for (const [name, body] of Object.entries(checks)) {
    await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "${name}"`);
    await queryRunner.query(`ALTER TABLE "deliveries" ADD CONSTRAINT "${name}" CHECK (${body})`);
  }
}

const OUTCOME_BEFORE = `CASE status
     WHEN 'planned' THEN arrived_at IS NULL AND receiver IS NULL AND completed_by IS NULL
     WHEN 'failed' THEN arrived_at IS NULL AND receiver IS NULL AND completed_by IS NOT NULL AND failure_reason IS NOT NULL
     ELSE arrived_at IS NOT NULL AND receiver IS NOT NULL AND completed_by IS NOT NULL
          AND recorded_at IS NOT NULL AND time_source IS NOT NULL END`;

const OUTCOME_WITH_RECEIVED = `CASE status
     WHEN 'planned' THEN arrived_at IS NULL AND receiver IS NULL AND completed_by IS NULL
     WHEN 'received' THEN arrived_at IS NULL AND receiver IS NULL AND completed_by IS NULL
     WHEN 'failed' THEN arrived_at IS NULL AND receiver IS NULL AND completed_by IS NOT NULL AND failure_reason IS NOT NULL
     ELSE arrived_at IS NOT NULL AND receiver IS NOT NULL AND completed_by IS NOT NULL
          AND recorded_at IS NOT NULL AND time_source IS NOT NULL END`;
