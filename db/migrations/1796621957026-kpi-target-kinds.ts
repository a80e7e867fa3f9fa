import type { MigrationInterface, QueryRunner } from 'typeorm';

/** KPI targets may be "up by an amount / a percentage over last year's same period" (written by hand: CHECK bodies). */
export class KpiTargetKinds1796621957026 implements MigrationInterface {
  name = 'KpiTargetKinds1796621957026';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kpi_targets" DROP CONSTRAINT "ck_kpi_targets_kind"`);
    await queryRunner.query(`ALTER TABLE "kpi_targets" DROP CONSTRAINT "ck_kpi_targets_shape"`);
    await queryRunner.query(
      `ALTER TABLE "kpi_targets" ADD CONSTRAINT "ck_kpi_targets_kind" CHECK (kind IN ('atLeast','atMost','rising','upByAmount','upByPercent','none'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_targets" ADD CONSTRAINT "ck_kpi_targets_shape" CHECK ((kind IN ('atLeast','atMost','upByAmount','upByPercent')) = (value IS NOT NULL) AND (kind = 'rising') = (baseline IS NOT NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "kpi_targets" WHERE kind IN ('upByAmount','upByPercent')`);
    await queryRunner.query(`ALTER TABLE "kpi_targets" DROP CONSTRAINT "ck_kpi_targets_kind"`);
    await queryRunner.query(`ALTER TABLE "kpi_targets" DROP CONSTRAINT "ck_kpi_targets_shape"`);
    await queryRunner.query(
      `ALTER TABLE "kpi_targets" ADD CONSTRAINT "ck_kpi_targets_kind" CHECK (kind IN ('atLeast','atMost','rising','none'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_targets" ADD CONSTRAINT "ck_kpi_targets_shape" CHECK ((kind IN ('atLeast','atMost')) = (value IS NOT NULL) AND (kind = 'rising') = (baseline IS NOT NULL))`,
    );
  }
}
