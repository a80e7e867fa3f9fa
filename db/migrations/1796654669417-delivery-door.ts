import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeliveryDoor1796654669417 implements MigrationInterface {
  name = 'DeliveryDoor1796654669417';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deliveries" ADD "receiver_relation" text`);
    await queryRunner.query(
      `ALTER TABLE "delivery_feedback" ADD "raiser_role" text NOT NULL DEFAULT 'account_manager'`,
    );
    await queryRunner.query(
      `ALTER TABLE "delivery_feedback" ADD CONSTRAINT "ck_delivery_feedback_raiser_role" CHECK (raiser_role IN ('account_manager','delivery_staff','retailer'))`,
    );
    // Goods refused at the door are feedback of their own kind (a changed CHECK is not generated).
    await queryRunner.query(`ALTER TABLE "delivery_feedback" DROP CONSTRAINT "ck_delivery_feedback_kind"`);
    await queryRunner.query(
      `ALTER TABLE "delivery_feedback" ADD CONSTRAINT "ck_delivery_feedback_kind" CHECK (kind IN ('late','wrongGoods','short','damaged','refused','other'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "delivery_feedback" DROP CONSTRAINT "ck_delivery_feedback_kind"`);
    await queryRunner.query(
      `ALTER TABLE "delivery_feedback" ADD CONSTRAINT "ck_delivery_feedback_kind" CHECK (kind IN ('late','wrongGoods','short','damaged','other'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "delivery_feedback" DROP CONSTRAINT "ck_delivery_feedback_raiser_role"`,
    );
    await queryRunner.query(`ALTER TABLE "delivery_feedback" DROP COLUMN "raiser_role"`);
    await queryRunner.query(`ALTER TABLE "deliveries" DROP COLUMN "receiver_relation"`);
  }
}
