import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrderLineSupplyRatio1796640216950 implements MigrationInterface {
  name = 'OrderLineSupplyRatio1796640216950';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "order_lines" ADD "supply_ratio_bp" integer`);
    await queryRunner.query(
      `ALTER TABLE "order_lines" ADD CONSTRAINT "ck_order_lines_supply_ratio" CHECK (supply_ratio_bp BETWEEN 1 AND 9999)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "order_lines" DROP CONSTRAINT "ck_order_lines_supply_ratio"`);
    await queryRunner.query(`ALTER TABLE "order_lines" DROP COLUMN "supply_ratio_bp"`);
  }
}
