import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FieldIdempotencyShared1795883615290 implements MigrationInterface {
  name = 'FieldIdempotencyShared1795883615290';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_visits_idempotency"`);
    await queryRunner.query(`DROP INDEX "public"."uq_calls_idempotency"`);
    await queryRunner.query(`ALTER TABLE "visits" DROP CONSTRAINT "ck_visits_idempotency"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP CONSTRAINT "ck_calls_idempotency"`);
    await queryRunner.query(`ALTER TABLE "visits" DROP COLUMN "idempotency_key"`);
    await queryRunner.query(`ALTER TABLE "visits" DROP COLUMN "request_hash"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP COLUMN "request_hash"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP COLUMN "idempotency_key"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calls" ADD "idempotency_key" text`);
    await queryRunner.query(`ALTER TABLE "calls" ADD "request_hash" text`);
    await queryRunner.query(`ALTER TABLE "visits" ADD "request_hash" text`);
    await queryRunner.query(`ALTER TABLE "visits" ADD "idempotency_key" text`);
    await queryRunner.query(
      `ALTER TABLE "calls" ADD CONSTRAINT "ck_calls_idempotency" CHECK (((idempotency_key IS NULL) = (request_hash IS NULL)))`,
    );
    await queryRunner.query(
      `ALTER TABLE "visits" ADD CONSTRAINT "ck_visits_idempotency" CHECK (((idempotency_key IS NULL) = (request_hash IS NULL)))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_calls_idempotency" ON "calls" USING btree ("account_manager_id", "idempotency_key") WHERE (idempotency_key IS NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_visits_idempotency" ON "visits" USING btree ("account_manager_id", "idempotency_key") WHERE (idempotency_key IS NOT NULL)`,
    );
  }
}
