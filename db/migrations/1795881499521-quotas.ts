import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Quotas1795881499521 implements MigrationInterface {
  name = 'Quotas1795881499521';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "quota_policies" ("department_id" integer NOT NULL, "large_float_bp" integer NOT NULL, "medium_float_bp" integer NOT NULL, "small_float_bp" integer NOT NULL, "trailing_window_months" smallint NOT NULL, "max_monthly_change_bp" integer NOT NULL, "pacing_factor_bp" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_quota_policies_pacing" CHECK (pacing_factor_bp BETWEEN 10000 AND 100000), CONSTRAINT "ck_quota_policies_change" CHECK (max_monthly_change_bp BETWEEN 0 AND 10000), CONSTRAINT "ck_quota_policies_window" CHECK (trailing_window_months BETWEEN 1 AND 24), CONSTRAINT "ck_quota_policies_float" CHECK (large_float_bp BETWEEN 0 AND 10000 AND medium_float_bp BETWEEN 0 AND 10000 AND small_float_bp BETWEEN 0 AND 10000), CONSTRAINT "PK_1339c32fbd9e54190d8c7de0b72" PRIMARY KEY ("department_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "grade_policies" ("id" SERIAL NOT NULL, "department_id" integer NOT NULL, "grade" smallint NOT NULL, "scale" text, "market_type" text, "base_monthly_total" integer NOT NULL, CONSTRAINT "ck_grade_policies_market" CHECK (market_type IS NULL OR market_type IN ('urban','rural')), CONSTRAINT "ck_grade_policies_scale" CHECK (scale IS NULL OR scale IN ('large','medium','small')), CONSTRAINT "ck_grade_policies_base" CHECK (base_monthly_total >= 0), CONSTRAINT "ck_grade_policies_grade" CHECK (grade BETWEEN 1 AND 30), CONSTRAINT "PK_22ffacb4f23e62e023520eeb30c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "retailer_quotas" ("retailer_id" integer NOT NULL, "month" date NOT NULL, "territory_id" integer NOT NULL, "department_id" integer NOT NULL, "agreed_total" integer NOT NULL, "agreed_total_source" text NOT NULL, "float_bp" integer NOT NULL, "cap" integer NOT NULL, "used" integer NOT NULL DEFAULT '0', "reserved" integer NOT NULL DEFAULT '0', "explanation" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_retailer_quotas_source" CHECK (agreed_total_source IN ('market_manager','grade_policy','floating')), CONSTRAINT "ck_retailer_quotas_month" CHECK (month = date_trunc('month', month)::date), CONSTRAINT "ck_retailer_quotas_within_cap" CHECK (used + reserved <= cap), CONSTRAINT "ck_retailer_quotas_amounts" CHECK (agreed_total >= 0 AND cap >= 0 AND used >= 0 AND reserved >= 0), CONSTRAINT "PK_ab28d53d8beb0bb114b10df39d7" PRIMARY KEY ("retailer_id", "month"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_retailer_quotas_department_month" ON "retailer_quotas"  ("department_id", "month") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_retailer_quotas_territory_month" ON "retailer_quotas"  ("territory_id", "month") `,
    );
    await queryRunner.query(
      `CREATE TABLE "scarce_limits" ("id" SERIAL NOT NULL, "department_id" integer NOT NULL, "brand_id" integer NOT NULL, "week_start" date NOT NULL, "market_type" text, "limits" integer array NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_scarce_limits_market" CHECK (market_type IS NULL OR market_type IN ('urban','rural')), CONSTRAINT "ck_scarce_limits_week" CHECK (extract(isodow FROM week_start) = 1), CONSTRAINT "ck_scarce_limits_vector" CHECK (array_length(limits, 1) = 30 AND 0 <= ALL(limits)), CONSTRAINT "PK_e249a06506972959913dbe9caf4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_scarce_limits_week" ON "scarce_limits"  ("week_start") `);
    await queryRunner.query(
      `ALTER TABLE "quota_policies" ADD CONSTRAINT "FK_1339c32fbd9e54190d8c7de0b72" FOREIGN KEY ("department_id") REFERENCES "org_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "grade_policies" ADD CONSTRAINT "FK_a4dea0f6659c4173fec25e06018" FOREIGN KEY ("department_id") REFERENCES "org_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "retailer_quotas" ADD CONSTRAINT "FK_a7f43a451297e949e6c5d45a2e8" FOREIGN KEY ("retailer_id") REFERENCES "retailers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "scarce_limits" ADD CONSTRAINT "FK_173e81463563001fd574d92d997" FOREIGN KEY ("department_id") REFERENCES "org_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "scarce_limits" ADD CONSTRAINT "FK_3bed62d45c0550121fe80591c72" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // One row per grade × scale × market type, "any" (null) included: nulls must collide too.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_grade_policies_row" ON "grade_policies" ("department_id", "grade", COALESCE("scale", '*'), COALESCE("market_type", '*'))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_scarce_limits_row" ON "scarce_limits" ("department_id", "brand_id", "week_start", COALESCE("market_type", '*'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_scarce_limits_row"`);
    await queryRunner.query(`DROP INDEX "public"."uq_grade_policies_row"`);
    await queryRunner.query(`ALTER TABLE "scarce_limits" DROP CONSTRAINT "FK_3bed62d45c0550121fe80591c72"`);
    await queryRunner.query(`ALTER TABLE "scarce_limits" DROP CONSTRAINT "FK_173e81463563001fd574d92d997"`);
    await queryRunner.query(`ALTER TABLE "retailer_quotas" DROP CONSTRAINT "FK_a7f43a451297e949e6c5d45a2e8"`);
    await queryRunner.query(`ALTER TABLE "grade_policies" DROP CONSTRAINT "FK_a4dea0f6659c4173fec25e06018"`);
    await queryRunner.query(`ALTER TABLE "quota_policies" DROP CONSTRAINT "FK_1339c32fbd9e54190d8c7de0b72"`);
    await queryRunner.query(`DROP INDEX "public"."ix_scarce_limits_week"`);
    await queryRunner.query(`DROP TABLE "scarce_limits"`);
    await queryRunner.query(`DROP INDEX "public"."ix_retailer_quotas_territory_month"`);
    await queryRunner.query(`DROP INDEX "public"."ix_retailer_quotas_department_month"`);
    await queryRunner.query(`DROP TABLE "retailer_quotas"`);
    await queryRunner.query(`DROP TABLE "grade_policies"`);
    await queryRunner.query(`DROP TABLE "quota_policies"`);
  }
}
