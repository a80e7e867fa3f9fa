import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RetailerAccountsCatalogue1795881930405 implements MigrationInterface {
  name = 'RetailerAccountsCatalogue1795881930405';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Trigram search over retailers (a trusted extension: the database owner may create it).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE TABLE "focus_tiers" ("department_id" integer NOT NULL, "market" text NOT NULL, "min_fen_per_pack" integer NOT NULL, "max_fen_per_pack" integer, "updated_by" integer, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_focus_tiers_range" CHECK (min_fen_per_pack > 0 AND (max_fen_per_pack IS NULL OR max_fen_per_pack >= min_fen_per_pack)), CONSTRAINT "ck_focus_tiers_market" CHECK (market IN ('urban', 'rural')), CONSTRAINT "PK_2c7cd5cc855e48fc760462931a7" PRIMARY KEY ("department_id", "market"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "district_types" ("code" text NOT NULL, "name" text NOT NULL, "sort_order" smallint NOT NULL DEFAULT '0', "active" boolean NOT NULL DEFAULT true, CONSTRAINT "ck_district_types_code" CHECK (code ~ '^[a-z][a-z0-9_]{0,31}$'), CONSTRAINT "PK_e66482dd383737d81ae656f5f93" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_district_types_name" ON "district_types"  ("name") `);
    await queryRunner.query(
      `CREATE TABLE "retailer_big_account_months" ("retailer_id" integer NOT NULL, "month" date NOT NULL, "territory_id" integer NOT NULL, "department_id" integer NOT NULL, "cartons" integer NOT NULL, "local_total_cartons" bigint NOT NULL, "local_retailer_count" integer NOT NULL, "grounds" text array NOT NULL, "is_big_account" boolean NOT NULL, "assessed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_retailer_big_account_months_cartons" CHECK (cartons >= 0 AND local_total_cartons >= cartons), CONSTRAINT "ck_retailer_big_account_months_month" CHECK (month = date_trunc('month', month)::date), CONSTRAINT "PK_533ade0f99ab6df93677decac85" PRIMARY KEY ("retailer_id", "month"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_retailer_big_account_months_scope" ON "retailer_big_account_months"  ("month", "territory_id") `,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "key_brands" ADD "id" SERIAL NOT NULL`);
    await queryRunner.query(`ALTER TABLE "key_brands" DROP CONSTRAINT "PK_aa026989ca80ea2e3e6eca44cbd"`);
    await queryRunner.query(
      `ALTER TABLE "key_brands" ADD CONSTRAINT "PK_9a9c16843c4847b7f2998c8ef78" PRIMARY KEY ("year", "brand_id", "id")`,
    );
    await queryRunner.query(`ALTER TABLE "key_brands" ADD "created_by" integer`);
    await queryRunner.query(
      `ALTER TABLE "key_brands" ADD "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(`ALTER TABLE "retailers" ADD "big_account_computed" boolean`);
    await queryRunner.query(`ALTER TABLE "retailers" ADD "big_account_override" boolean`);
    await queryRunner.query(`ALTER TABLE "retailers" ADD "big_account_override_by" integer`);
    await queryRunner.query(`ALTER TABLE "retailers" ADD "big_account_override_at" TIMESTAMP WITH TIME ZONE`);
    // Expand, backfill, contract: the day each retailer's current grade took effect.
    await queryRunner.query(`ALTER TABLE "retailers" ADD "grade_since" date`);
    await queryRunner.query(
      `UPDATE "retailers" r SET "grade_since" = COALESCE((SELECT max(g.effective_from) FROM "retailer_grades" g WHERE g.retailer_id = r.id AND g.effective_from <= current_date), r.created_at::date)`,
    );
    await queryRunner.query(`ALTER TABLE "retailers" ALTER COLUMN "grade_since" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "retailers" ADD "status_reason" text`);
    await queryRunner.query(`ALTER TABLE "retailers" ADD "status_changed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "retailer_grades" ADD "source" text NOT NULL DEFAULT 'change'`);
    await queryRunner.query(`ALTER TABLE "key_brands" DROP CONSTRAINT "FK_e8c05bb775608acc1bf2bbf8b18"`);
    await queryRunner.query(`ALTER TABLE "key_brands" DROP CONSTRAINT "PK_9a9c16843c4847b7f2998c8ef78"`);
    await queryRunner.query(
      `ALTER TABLE "key_brands" ADD CONSTRAINT "PK_3774f8fed532e08be913675258a" PRIMARY KEY ("brand_id", "id")`,
    );
    await queryRunner.query(`ALTER TABLE "key_brands" DROP CONSTRAINT "PK_3774f8fed532e08be913675258a"`);
    await queryRunner.query(
      `ALTER TABLE "key_brands" ADD CONSTRAINT "PK_f2f4ae97caadb208c1d255529c0" PRIMARY KEY ("id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_key_brands_equivalent" ON "key_brands"  ("year", "department_id", "brand_id") WHERE department_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_key_brands_national" ON "key_brands"  ("year", "brand_id") WHERE department_id IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_retailers_district_type" ON "retailers"  ("district_type") `);
    await queryRunner.query(`CREATE INDEX "ix_retailers_status" ON "retailers"  ("status") `);
    await queryRunner.query(`CREATE INDEX "ix_retailers_scale" ON "retailers"  ("scale") `);
    await queryRunner.query(`CREATE INDEX "ix_retailers_market_type" ON "retailers"  ("market_type") `);
    await queryRunner.query(`CREATE INDEX "ix_retailers_business_type" ON "retailers"  ("business_type") `);
    await queryRunner.query(
      `CREATE INDEX "ix_retailers_territory_weekday" ON "retailers"  ("territory_id", "order_weekday") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_retailer_grades_effective_from" ON "retailer_grades"  ("effective_from") `,
    );
    // Backfill before the new checks: existing flags become computed (or overridden, where a reason was
    // given), existing non-active statuses get a reason, and price classes follow the wholesale price.
    await queryRunner.query(
      `UPDATE "retailers" SET "big_account_override" = "big_account" WHERE "big_account_override_reason" IS NOT NULL`,
    );
    await queryRunner.query(
      `UPDATE "retailers" SET "big_account_computed" = true WHERE "big_account" AND "big_account_override_reason" IS NULL`,
    );
    await queryRunner.query(
      `UPDATE "retailers" SET "status_reason" = '（迁移前的状态）' WHERE "status" <> 'active' AND "status_reason" IS NULL`,
    );
    await queryRunner.query(
      `UPDATE "brands" SET "price_class" = CASE WHEN wholesale_price_fen >= 10000 THEN 1 WHEN wholesale_price_fen >= 5000 THEN 2 WHEN wholesale_price_fen >= 3000 THEN 3 WHEN wholesale_price_fen >= 1650 THEN 4 ELSE 5 END`,
    );
    await queryRunner.query(
      `ALTER TABLE "brands" ADD CONSTRAINT "ck_brands_code" CHECK (code ~ '^[A-Za-z0-9_-]{1,32}$')`,
    );
    await queryRunner.query(
      `ALTER TABLE "brands" ADD CONSTRAINT "ck_brands_price_class_derived" CHECK (price_class = CASE WHEN wholesale_price_fen >= 10000 THEN 1 WHEN wholesale_price_fen >= 5000 THEN 2 WHEN wholesale_price_fen >= 3000 THEN 3 WHEN wholesale_price_fen >= 1650 THEN 4 ELSE 5 END)`,
    );
    await queryRunner.query(
      `ALTER TABLE "key_brands" ADD CONSTRAINT "ck_key_brands_year" CHECK (year BETWEEN 2000 AND 2100)`,
    );
    await queryRunner.query(
      `ALTER TABLE "key_brands" ADD CONSTRAINT "ck_key_brands_kind_department" CHECK ((kind = 'national_top20') = (department_id IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "retailers" ADD CONSTRAINT "ck_retailers_big_account" CHECK (big_account = COALESCE(big_account_override, big_account_computed, false))`,
    );
    await queryRunner.query(
      `ALTER TABLE "retailers" ADD CONSTRAINT "ck_retailers_big_account_override" CHECK ((big_account_override IS NULL) = (big_account_override_reason IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "retailers" ADD CONSTRAINT "ck_retailers_status_reason" CHECK (status = 'active' OR status_reason IS NOT NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE "retailer_grades" ADD CONSTRAINT "ck_retailer_grades_source" CHECK (source IN ('initial','change','import'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "key_brands" ADD CONSTRAINT "FK_e8c05bb775608acc1bf2bbf8b18" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "focus_tiers" ADD CONSTRAINT "FK_5d5963297ea2386d3a098fd2533" FOREIGN KEY ("department_id") REFERENCES "org_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "retailers" ADD CONSTRAINT "FK_5548f3fcb8a7a5dc66ba3be8d44" FOREIGN KEY ("district_type") REFERENCES "district_types"("code") ON DELETE RESTRICT ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "retailer_big_account_months" ADD CONSTRAINT "FK_16e9332e2be4ab7f3eded4f6e38" FOREIGN KEY ("retailer_id") REFERENCES "retailers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Hand-written: the trigram index behind retailer text search (RETAILER_SEARCH_SQL, declared with
    // synchronize: false on Retailer.shopName).
    await queryRunner.query(
      `CREATE INDEX "ix_retailers_search_trgm" ON "retailers" USING gin ((shop_name || ' ' || license_no || ' ' || owner_name || ' ' || coalesce(phone, '')) gin_trgm_ops)`,
    );
    // Reference data: the business-district types 商圈 a department starts with (editable in the API).
    await queryRunner.query(
      `INSERT INTO "district_types" ("code", "name", "sort_order") VALUES
        ('residential', '居民社区', 1), ('commercial', '商业街区', 2), ('market', '集贸市场', 3),
        ('transport', '交通枢纽', 4), ('school', '学校周边', 5), ('industrial', '工业园区', 6),
        ('scenic', '旅游景区', 7), ('town', '乡镇集镇', 8), ('village', '农村村落', 9), ('other', '其他', 10)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_retailers_search_trgm"`);
    await queryRunner.query(
      `ALTER TABLE "retailer_big_account_months" DROP CONSTRAINT "FK_16e9332e2be4ab7f3eded4f6e38"`,
    );
    await queryRunner.query(`ALTER TABLE "retailers" DROP CONSTRAINT "FK_5548f3fcb8a7a5dc66ba3be8d44"`);
    await queryRunner.query(`ALTER TABLE "focus_tiers" DROP CONSTRAINT "FK_5d5963297ea2386d3a098fd2533"`);
    await queryRunner.query(`ALTER TABLE "key_brands" DROP CONSTRAINT "FK_e8c05bb775608acc1bf2bbf8b18"`);
    await queryRunner.query(`ALTER TABLE "retailer_grades" DROP CONSTRAINT "ck_retailer_grades_source"`);
    await queryRunner.query(`ALTER TABLE "retailers" DROP CONSTRAINT "ck_retailers_status_reason"`);
    await queryRunner.query(`ALTER TABLE "retailers" DROP CONSTRAINT "ck_retailers_big_account_override"`);
    await queryRunner.query(`ALTER TABLE "retailers" DROP CONSTRAINT "ck_retailers_big_account"`);
    await queryRunner.query(`ALTER TABLE "key_brands" DROP CONSTRAINT "ck_key_brands_kind_department"`);
    await queryRunner.query(`ALTER TABLE "key_brands" DROP CONSTRAINT "ck_key_brands_year"`);
    await queryRunner.query(`ALTER TABLE "brands" DROP CONSTRAINT "ck_brands_price_class_derived"`);
    await queryRunner.query(`ALTER TABLE "brands" DROP CONSTRAINT "ck_brands_code"`);
    await queryRunner.query(`DROP INDEX "public"."ix_retailer_grades_effective_from"`);
    await queryRunner.query(`DROP INDEX "public"."ix_retailers_territory_weekday"`);
    await queryRunner.query(`DROP INDEX "public"."ix_retailers_business_type"`);
    await queryRunner.query(`DROP INDEX "public"."ix_retailers_market_type"`);
    await queryRunner.query(`DROP INDEX "public"."ix_retailers_scale"`);
    await queryRunner.query(`DROP INDEX "public"."ix_retailers_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_retailers_district_type"`);
    await queryRunner.query(`DROP INDEX "public"."uq_key_brands_national"`);
    await queryRunner.query(`DROP INDEX "public"."uq_key_brands_equivalent"`);
    await queryRunner.query(`ALTER TABLE "key_brands" DROP CONSTRAINT "PK_f2f4ae97caadb208c1d255529c0"`);
    await queryRunner.query(
      `ALTER TABLE "key_brands" ADD CONSTRAINT "PK_3774f8fed532e08be913675258a" PRIMARY KEY ("brand_id", "id")`,
    );
    await queryRunner.query(`ALTER TABLE "key_brands" DROP CONSTRAINT "PK_3774f8fed532e08be913675258a"`);
    await queryRunner.query(
      `ALTER TABLE "key_brands" ADD CONSTRAINT "PK_9a9c16843c4847b7f2998c8ef78" PRIMARY KEY ("year", "brand_id", "id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "key_brands" ADD CONSTRAINT "FK_e8c05bb775608acc1bf2bbf8b18" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "retailer_grades" DROP COLUMN "source"`);
    await queryRunner.query(`ALTER TABLE "retailers" DROP COLUMN "status_changed_at"`);
    await queryRunner.query(`ALTER TABLE "retailers" DROP COLUMN "status_reason"`);
    await queryRunner.query(`ALTER TABLE "retailers" DROP COLUMN "grade_since"`);
    await queryRunner.query(`ALTER TABLE "retailers" DROP COLUMN "big_account_override_at"`);
    await queryRunner.query(`ALTER TABLE "retailers" DROP COLUMN "big_account_override_by"`);
    await queryRunner.query(`ALTER TABLE "retailers" DROP COLUMN "big_account_override"`);
    await queryRunner.query(`ALTER TABLE "retailers" DROP COLUMN "big_account_computed"`);
    await queryRunner.query(`ALTER TABLE "key_brands" DROP COLUMN "created_at"`);
    await queryRunner.query(`ALTER TABLE "key_brands" DROP COLUMN "created_by"`);
    await queryRunner.query(`ALTER TABLE "key_brands" DROP CONSTRAINT "PK_9a9c16843c4847b7f2998c8ef78"`);
    await queryRunner.query(
      `ALTER TABLE "key_brands" ADD CONSTRAINT "PK_aa026989ca80ea2e3e6eca44cbd" PRIMARY KEY ("year", "brand_id")`,
    );
    await queryRunner.query(`ALTER TABLE "key_brands" DROP COLUMN "id"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "must_change_password"`);
    await queryRunner.query(`DROP INDEX "public"."ix_retailer_big_account_months_scope"`);
    await queryRunner.query(`DROP TABLE "retailer_big_account_months"`);
    await queryRunner.query(`DROP INDEX "public"."uq_district_types_name"`);
    await queryRunner.query(`DROP TABLE "district_types"`);
    await queryRunner.query(`DROP TABLE "focus_tiers"`);
  }
}
