import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MonthClosePolicy1796630137892 implements MigrationInterface {
  name = 'MonthClosePolicy1796630137892';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "calendar_policies" ADD "month_close_working_day" integer NOT NULL DEFAULT '3'`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_policies" ADD "month_close_at" text NOT NULL DEFAULT '09:00'`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_policies" ADD CONSTRAINT "ck_calendar_policies_month_close_at" CHECK (month_close_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_policies" ADD CONSTRAINT "ck_calendar_policies_month_close_day" CHECK (month_close_working_day BETWEEN 1 AND 10)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "calendar_policies" DROP CONSTRAINT "ck_calendar_policies_month_close_day"`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_policies" DROP CONSTRAINT "ck_calendar_policies_month_close_at"`,
    );
    await queryRunner.query(`ALTER TABLE "calendar_policies" DROP COLUMN "month_close_at"`);
    await queryRunner.query(`ALTER TABLE "calendar_policies" DROP COLUMN "month_close_working_day"`);
  }
}
