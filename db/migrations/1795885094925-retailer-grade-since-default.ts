import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RetailerGradeSinceDefault1795885094925 implements MigrationInterface {
  name = 'RetailerGradeSinceDefault1795885094925';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "retailers" ALTER COLUMN "grade_since" SET DEFAULT ('now'::text)::date`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "retailers" ALTER COLUMN "grade_since" DROP DEFAULT`);
  }
}
