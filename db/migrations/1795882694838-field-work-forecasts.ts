import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FieldWorkForecasts1795882694838 implements MigrationInterface {
  name = 'FieldWorkForecasts1795882694838';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "field_policies" ("department_id" integer NOT NULL, "big_account_visit_days" smallint NOT NULL, "regular_visit_days" smallint NOT NULL, "urban_visits_per_day" smallint NOT NULL, "rural_visits_per_day" smallint NOT NULL, "calls_per_day" smallint NOT NULL, "price_tolerance_bp" integer NOT NULL, "visit_backdate_days" smallint NOT NULL, "updated_by" integer, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_field_policies_backdate" CHECK (visit_backdate_days BETWEEN 0 AND 31), CONSTRAINT "ck_field_policies_price_tolerance" CHECK (price_tolerance_bp BETWEEN 0 AND 5000), CONSTRAINT "ck_field_policies_targets" CHECK (urban_visits_per_day BETWEEN 0 AND 200 AND rural_visits_per_day BETWEEN 0 AND 200 AND calls_per_day BETWEEN 0 AND 500), CONSTRAINT "ck_field_policies_cadence" CHECK (big_account_visit_days BETWEEN 1 AND 90 AND regular_visit_days BETWEEN 1 AND 90 AND big_account_visit_days <= regular_visit_days), CONSTRAINT "PK_0d62b684c40016a4fa488b23998" PRIMARY KEY ("department_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "visits" ("id" SERIAL NOT NULL, "retailer_id" integer NOT NULL, "territory_id" integer NOT NULL, "department_id" integer NOT NULL, "account_manager_id" integer NOT NULL, "kind" text NOT NULL, "visited_at" TIMESTAMP WITH TIME ZONE NOT NULL, "visited_on" date NOT NULL, "notes" text, "guidance_topics" text array, "guidance_advice" text, "shelf_checked" boolean NOT NULL DEFAULT false, "aware_floating_quota" boolean, "aware_self_reporting" boolean, "reachable_sms" boolean, "reachable_wechat" boolean, "reachable_portal" boolean, "idempotency_key" text, "request_hash" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_visits_idempotency" CHECK ((idempotency_key IS NULL) = (request_hash IS NULL)), CONSTRAINT "ck_visits_reachability" CHECK ((reachable_sms IS NULL) = (reachable_wechat IS NULL) AND (reachable_sms IS NULL) = (reachable_portal IS NULL)), CONSTRAINT "ck_visits_awareness" CHECK ((aware_floating_quota IS NULL) = (aware_self_reporting IS NULL)), CONSTRAINT "ck_visits_guidance" CHECK ((kind = 'guidance') = (guidance_topics IS NOT NULL) AND (guidance_topics IS NULL) = (guidance_advice IS NULL) AND (guidance_topics IS NULL OR (cardinality(guidance_topics) >= 1 AND guidance_topics <@ ARRAY['brand_structure','pricing','display','stock','policy','store_management','other']::text[]))), CONSTRAINT "ck_visits_kind" CHECK (kind IN ('routine','guidance','big_account_inspection','onboarding')), CONSTRAINT "PK_0b0b322289a41015c6ea4e8bf30" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_visits_idempotency" ON "visits"  ("account_manager_id", "idempotency_key") WHERE idempotency_key IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_visits_retailer_on" ON "visits"  ("retailer_id", "visited_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_visits_account_manager_on" ON "visits"  ("account_manager_id", "visited_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_visits_department_on" ON "visits"  ("department_id", "visited_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_visits_territory_kind_on" ON "visits"  ("territory_id", "kind", "visited_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_visits_territory_on" ON "visits"  ("territory_id", "visited_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "visit_price_checks" ("visit_id" integer NOT NULL, "brand_id" integer NOT NULL, "retailer_id" integer NOT NULL, "territory_id" integer NOT NULL, "department_id" integer NOT NULL, "visited_on" date NOT NULL, "observed_pack_fen" integer, "observed_carton_fen" integer, "guide_pack_fen" integer NOT NULL, "guide_carton_fen" integer NOT NULL, "tolerance_bp" integer NOT NULL, "compliant" boolean NOT NULL, CONSTRAINT "ck_visit_price_checks_guide" CHECK (guide_pack_fen > 0 AND guide_carton_fen > 0 AND tolerance_bp >= 0), CONSTRAINT "ck_visit_price_checks_observed" CHECK ((observed_pack_fen IS NOT NULL OR observed_carton_fen IS NOT NULL) AND (observed_pack_fen IS NULL OR observed_pack_fen > 0) AND (observed_carton_fen IS NULL OR observed_carton_fen > 0)), CONSTRAINT "PK_5475a5ad4b0351cd6fa962462c9" PRIMARY KEY ("visit_id", "brand_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_visit_price_checks_brand_on" ON "visit_price_checks"  ("brand_id", "visited_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_visit_price_checks_department_on" ON "visit_price_checks"  ("department_id", "visited_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_visit_price_checks_territory_on" ON "visit_price_checks"  ("territory_id", "visited_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "visit_shelf_items" ("visit_id" integer NOT NULL, "brand_id" integer NOT NULL, "retailer_id" integer NOT NULL, "territory_id" integer NOT NULL, "department_id" integer NOT NULL, "visited_on" date NOT NULL, CONSTRAINT "PK_4a5bbfb03817ef48670db745249" PRIMARY KEY ("visit_id", "brand_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_visit_shelf_items_brand_on" ON "visit_shelf_items"  ("brand_id", "visited_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_visit_shelf_items_department_on" ON "visit_shelf_items"  ("department_id", "visited_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_visit_shelf_items_territory_on" ON "visit_shelf_items"  ("territory_id", "visited_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "visit_checks" ("visit_id" integer NOT NULL, "territory_id" integer NOT NULL, "department_id" integer NOT NULL, "effective" boolean NOT NULL, "note" text NOT NULL, "checked_by" integer NOT NULL, "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9c3c58fa493f5bf1e7cd714e4a5" PRIMARY KEY ("visit_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_visit_checks_checked_by" ON "visit_checks"  ("checked_by", "checked_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_visit_checks_department_at" ON "visit_checks"  ("department_id", "checked_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_visit_checks_territory_at" ON "visit_checks"  ("territory_id", "checked_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "calls" ("id" SERIAL NOT NULL, "retailer_id" integer NOT NULL, "territory_id" integer NOT NULL, "department_id" integer NOT NULL, "account_manager_id" integer NOT NULL, "called_at" TIMESTAMP WITH TIME ZONE NOT NULL, "called_on" date NOT NULL, "reached" boolean NOT NULL DEFAULT true, "duration_seconds" integer, "notes" text, "idempotency_key" text, "request_hash" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_calls_idempotency" CHECK ((idempotency_key IS NULL) = (request_hash IS NULL)), CONSTRAINT "ck_calls_duration" CHECK (duration_seconds IS NULL OR duration_seconds BETWEEN 0 AND 14400), CONSTRAINT "PK_d9171d91f8dd1a649659f1b6a20" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_calls_idempotency" ON "calls"  ("account_manager_id", "idempotency_key") WHERE idempotency_key IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_calls_retailer_on" ON "calls"  ("retailer_id", "called_on") `);
    await queryRunner.query(
      `CREATE INDEX "ix_calls_account_manager_on" ON "calls"  ("account_manager_id", "called_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_calls_department_on" ON "calls"  ("department_id", "called_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_calls_territory_on" ON "calls"  ("territory_id", "called_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forecasts" ("id" SERIAL NOT NULL, "territory_id" integer NOT NULL, "department_id" integer NOT NULL, "month" date NOT NULL, "submitted_by" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_forecasts_month" CHECK (EXTRACT(DAY FROM month) = 1), CONSTRAINT "PK_caa4d5aec48032eb9d2ce8535f8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_forecasts_department_month" ON "forecasts"  ("department_id", "month") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_forecasts_territory_month" ON "forecasts"  ("territory_id", "month") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forecast_lines" ("forecast_id" integer NOT NULL, "brand_id" integer NOT NULL, "department_id" integer NOT NULL, "cartons" integer NOT NULL, CONSTRAINT "ck_forecast_lines_cartons" CHECK (cartons BETWEEN 0 AND 10000000), CONSTRAINT "PK_c440681c9c17c656355db4c686e" PRIMARY KEY ("forecast_id", "brand_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_forecast_lines_brand" ON "forecast_lines"  ("brand_id") `);
    await queryRunner.query(
      `ALTER TABLE "field_policies" ADD CONSTRAINT "FK_0d62b684c40016a4fa488b23998" FOREIGN KEY ("department_id") REFERENCES "org_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "field_policies" ADD CONSTRAINT "FK_8a35158b2fc34600f2c1d0b04b4" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visits" ADD CONSTRAINT "FK_8e4545b8c1b2fa45d0db767fc9d" FOREIGN KEY ("retailer_id") REFERENCES "retailers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visits" ADD CONSTRAINT "FK_23d486663787ba706931d1dcde8" FOREIGN KEY ("territory_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visits" ADD CONSTRAINT "FK_e5ee4d9600e144ff00ab8086ea1" FOREIGN KEY ("department_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visits" ADD CONSTRAINT "FK_a65ac780f4f77fd089dd820b20f" FOREIGN KEY ("account_manager_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_price_checks" ADD CONSTRAINT "FK_7d70f56d8d14b5eec1eced0f1d2" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_price_checks" ADD CONSTRAINT "FK_3464c87b7db7974b45102b482f6" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_shelf_items" ADD CONSTRAINT "FK_32caf4850f11e3f3c2aa1b79de7" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_shelf_items" ADD CONSTRAINT "FK_6a5da25aedf8af1dac7d4a06222" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_checks" ADD CONSTRAINT "FK_9c3c58fa493f5bf1e7cd714e4a5" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_checks" ADD CONSTRAINT "FK_969eaae70ed6d047fe4ddf18746" FOREIGN KEY ("checked_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calls" ADD CONSTRAINT "FK_f5e9da8e7d41b33bbad6618dc0b" FOREIGN KEY ("retailer_id") REFERENCES "retailers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calls" ADD CONSTRAINT "FK_fdcfcf59d40e10a2a64b194c2dc" FOREIGN KEY ("territory_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calls" ADD CONSTRAINT "FK_0566206bae83fe8a42c56b4f0b8" FOREIGN KEY ("department_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calls" ADD CONSTRAINT "FK_84f05cbcf021f08e523b4235264" FOREIGN KEY ("account_manager_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forecasts" ADD CONSTRAINT "FK_0824acaf72979c09b7378a42dc0" FOREIGN KEY ("territory_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forecasts" ADD CONSTRAINT "FK_ec7c71fada8b2c58743bd6570a8" FOREIGN KEY ("department_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forecasts" ADD CONSTRAINT "FK_005425ab7b78d948661e09182cd" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forecast_lines" ADD CONSTRAINT "FK_53c4a09fad66153a95f8c0d0076" FOREIGN KEY ("forecast_id") REFERENCES "forecasts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forecast_lines" ADD CONSTRAINT "FK_7177846b3af2a6b8df037cc6331" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "forecast_lines" DROP CONSTRAINT "FK_7177846b3af2a6b8df037cc6331"`);
    await queryRunner.query(`ALTER TABLE "forecast_lines" DROP CONSTRAINT "FK_53c4a09fad66153a95f8c0d0076"`);
    await queryRunner.query(`ALTER TABLE "forecasts" DROP CONSTRAINT "FK_005425ab7b78d948661e09182cd"`);
    await queryRunner.query(`ALTER TABLE "forecasts" DROP CONSTRAINT "FK_ec7c71fada8b2c58743bd6570a8"`);
    await queryRunner.query(`ALTER TABLE "forecasts" DROP CONSTRAINT "FK_0824acaf72979c09b7378a42dc0"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP CONSTRAINT "FK_84f05cbcf021f08e523b4235264"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP CONSTRAINT "FK_0566206bae83fe8a42c56b4f0b8"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP CONSTRAINT "FK_fdcfcf59d40e10a2a64b194c2dc"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP CONSTRAINT "FK_f5e9da8e7d41b33bbad6618dc0b"`);
    await queryRunner.query(`ALTER TABLE "visit_checks" DROP CONSTRAINT "FK_969eaae70ed6d047fe4ddf18746"`);
    await queryRunner.query(`ALTER TABLE "visit_checks" DROP CONSTRAINT "FK_9c3c58fa493f5bf1e7cd714e4a5"`);
    await queryRunner.query(
      `ALTER TABLE "visit_shelf_items" DROP CONSTRAINT "FK_6a5da25aedf8af1dac7d4a06222"`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_shelf_items" DROP CONSTRAINT "FK_32caf4850f11e3f3c2aa1b79de7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_price_checks" DROP CONSTRAINT "FK_3464c87b7db7974b45102b482f6"`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_price_checks" DROP CONSTRAINT "FK_7d70f56d8d14b5eec1eced0f1d2"`,
    );
    await queryRunner.query(`ALTER TABLE "visits" DROP CONSTRAINT "FK_a65ac780f4f77fd089dd820b20f"`);
    await queryRunner.query(`ALTER TABLE "visits" DROP CONSTRAINT "FK_e5ee4d9600e144ff00ab8086ea1"`);
    await queryRunner.query(`ALTER TABLE "visits" DROP CONSTRAINT "FK_23d486663787ba706931d1dcde8"`);
    await queryRunner.query(`ALTER TABLE "visits" DROP CONSTRAINT "FK_8e4545b8c1b2fa45d0db767fc9d"`);
    await queryRunner.query(`ALTER TABLE "field_policies" DROP CONSTRAINT "FK_8a35158b2fc34600f2c1d0b04b4"`);
    await queryRunner.query(`ALTER TABLE "field_policies" DROP CONSTRAINT "FK_0d62b684c40016a4fa488b23998"`);
    await queryRunner.query(`DROP INDEX "public"."ix_forecast_lines_brand"`);
    await queryRunner.query(`DROP TABLE "forecast_lines"`);
    await queryRunner.query(`DROP INDEX "public"."uq_forecasts_territory_month"`);
    await queryRunner.query(`DROP INDEX "public"."ix_forecasts_department_month"`);
    await queryRunner.query(`DROP TABLE "forecasts"`);
    await queryRunner.query(`DROP INDEX "public"."ix_calls_territory_on"`);
    await queryRunner.query(`DROP INDEX "public"."ix_calls_department_on"`);
    await queryRunner.query(`DROP INDEX "public"."ix_calls_account_manager_on"`);
    await queryRunner.query(`DROP INDEX "public"."ix_calls_retailer_on"`);
    await queryRunner.query(`DROP INDEX "public"."uq_calls_idempotency"`);
    await queryRunner.query(`DROP TABLE "calls"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visit_checks_territory_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visit_checks_department_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visit_checks_checked_by"`);
    await queryRunner.query(`DROP TABLE "visit_checks"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visit_shelf_items_territory_on"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visit_shelf_items_department_on"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visit_shelf_items_brand_on"`);
    await queryRunner.query(`DROP TABLE "visit_shelf_items"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visit_price_checks_territory_on"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visit_price_checks_department_on"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visit_price_checks_brand_on"`);
    await queryRunner.query(`DROP TABLE "visit_price_checks"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visits_territory_on"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visits_territory_kind_on"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visits_department_on"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visits_account_manager_on"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visits_retailer_on"`);
    await queryRunner.query(`DROP INDEX "public"."uq_visits_idempotency"`);
    await queryRunner.query(`DROP TABLE "visits"`);
    await queryRunner.query(`DROP TABLE "field_policies"`);
  }
}
