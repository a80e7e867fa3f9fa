import type { MigrationInterface, QueryRunner } from 'typeorm';

export class VisitPosition1796628693207 implements MigrationInterface {
  name = 'VisitPosition1796628693207';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "visits" ADD "latitude" numeric(9,6)`);
    await queryRunner.query(`ALTER TABLE "visits" ADD "longitude" numeric(9,6)`);
    await queryRunner.query(`ALTER TABLE "visits" ADD "position_accuracy_m" integer`);
    await queryRunner.query(
      `ALTER TABLE "visits" ADD CONSTRAINT "ck_visits_position" CHECK ((latitude IS NULL) = (longitude IS NULL) AND (latitude IS NOT NULL OR position_accuracy_m IS NULL) AND (latitude IS NULL OR (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180)))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "visits" DROP CONSTRAINT "ck_visits_position"`);
    await queryRunner.query(`ALTER TABLE "visits" DROP COLUMN "position_accuracy_m"`);
    await queryRunner.query(`ALTER TABLE "visits" DROP COLUMN "longitude"`);
    await queryRunner.query(`ALTER TABLE "visits" DROP COLUMN "latitude"`);
  }
}
