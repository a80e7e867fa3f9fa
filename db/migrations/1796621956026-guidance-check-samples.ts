import type { MigrationInterface, QueryRunner } from 'typeorm';

export class GuidanceCheckSamples1796621956026 implements MigrationInterface {
  name = 'GuidanceCheckSamples1796621956026';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "guidance_sample_freezes" ("month" date NOT NULL, "department_id" integer NOT NULL, "sample_size" smallint NOT NULL, "reason" text NOT NULL, "frozen_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_guidance_sample_freezes_reason" CHECK (reason IN ('windowClosed','monthClosed')), CONSTRAINT "ck_guidance_sample_freezes_size" CHECK (sample_size BETWEEN 1 AND 50), CONSTRAINT "ck_guidance_sample_freezes_month" CHECK (EXTRACT(DAY FROM month) = 1), CONSTRAINT "PK_1229edb7dee26b9d68baabde590" PRIMARY KEY ("month", "department_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "guidance_check_samples" ("visit_id" integer NOT NULL, "month" date NOT NULL, "department_id" integer NOT NULL, "account_manager_id" integer NOT NULL, "draw_order" smallint NOT NULL, CONSTRAINT "ck_guidance_check_samples_draw" CHECK (draw_order >= 1), CONSTRAINT "PK_0b4639062aa4a09b9b2f62eeee0" PRIMARY KEY ("visit_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_guidance_check_samples_draw" ON "guidance_check_samples"  ("month", "department_id", "account_manager_id", "draw_order") `,
    );
    await queryRunner.query(
      `ALTER TABLE "field_policies" ADD "guidance_check_sample_size" smallint NOT NULL DEFAULT '5'`,
    );
    await queryRunner.query(
      `ALTER TABLE "field_policies" ADD CONSTRAINT "ck_field_policies_check_sample" CHECK (guidance_check_sample_size BETWEEN 1 AND 50)`,
    );
    await queryRunner.query(
      `ALTER TABLE "guidance_sample_freezes" ADD CONSTRAINT "FK_71cca81e164aa123cbc9d2d5412" FOREIGN KEY ("department_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guidance_check_samples" ADD CONSTRAINT "FK_0b4639062aa4a09b9b2f62eeee0" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guidance_check_samples" ADD CONSTRAINT "FK_a662149b05d3ca34e2a7a472a9b" FOREIGN KEY ("month", "department_id") REFERENCES "guidance_sample_freezes"("month","department_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guidance_check_samples" ADD CONSTRAINT "FK_f7be782bdf6e87716e521606a01" FOREIGN KEY ("account_manager_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // A frozen sample is what effective guidance was assessed on: append-only, like a closed month.
    await queryRunner.query(`CREATE FUNCTION guidance_sample_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is immutable: a frozen check sample stays as it was drawn', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$`);
    for (const table of ['guidance_sample_freezes', 'guidance_check_samples']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION guidance_sample_frozen()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION guidance_sample_frozen()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "guidance_check_samples" DROP CONSTRAINT "FK_f7be782bdf6e87716e521606a01"`,
    );
    await queryRunner.query(
      `ALTER TABLE "guidance_check_samples" DROP CONSTRAINT "FK_a662149b05d3ca34e2a7a472a9b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "guidance_check_samples" DROP CONSTRAINT "FK_0b4639062aa4a09b9b2f62eeee0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "guidance_sample_freezes" DROP CONSTRAINT "FK_71cca81e164aa123cbc9d2d5412"`,
    );
    await queryRunner.query(`ALTER TABLE "field_policies" DROP CONSTRAINT "ck_field_policies_check_sample"`);
    await queryRunner.query(`ALTER TABLE "field_policies" DROP COLUMN "guidance_check_sample_size"`);
    await queryRunner.query(`DROP INDEX "public"."uq_guidance_check_samples_draw"`);
    await queryRunner.query(`DROP TABLE "guidance_check_samples"`);
    await queryRunner.query(`DROP TABLE "guidance_sample_freezes"`);
    await queryRunner.query(`DROP FUNCTION guidance_sample_frozen()`);
  }
}
