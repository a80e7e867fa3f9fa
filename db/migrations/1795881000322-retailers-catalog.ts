import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RetailersCatalog1795881000322 implements MigrationInterface {
  name = 'RetailersCatalog1795881000322';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "brands" ("id" SERIAL NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "manufacturer" text NOT NULL, "wholesale_price_fen" integer NOT NULL, "retail_price_carton_fen" integer NOT NULL, "retail_price_pack_fen" integer NOT NULL, "price_class" smallint NOT NULL, "launch_date" date, "scarce" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_brands_price_class" CHECK (price_class BETWEEN 1 AND 5), CONSTRAINT "ck_brands_prices" CHECK (wholesale_price_fen > 0 AND retail_price_carton_fen > 0 AND retail_price_pack_fen > 0), CONSTRAINT "PK_b0c437120b624da1034a81fc561" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_brands_active_class" ON "brands"  ("active", "price_class") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_brands_code" ON "brands"  ("code") `);
    await queryRunner.query(
      `CREATE TABLE "key_brands" ("year" smallint NOT NULL, "brand_id" integer NOT NULL, "kind" text NOT NULL, "department_id" integer, CONSTRAINT "ck_key_brands_kind" CHECK (kind IN ('national_top20', 'equivalent')), CONSTRAINT "PK_aa026989ca80ea2e3e6eca44cbd" PRIMARY KEY ("year", "brand_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_key_brands_brand" ON "key_brands"  ("brand_id") `);
    await queryRunner.query(
      `CREATE TABLE "retailers" ("id" SERIAL NOT NULL, "license_no" text NOT NULL, "shop_name" text NOT NULL, "owner_name" text NOT NULL, "phone" text, "address" text NOT NULL, "territory_id" integer NOT NULL, "service_center_id" integer NOT NULL, "department_id" integer NOT NULL, "business_type" character(1) NOT NULL, "market_type" text NOT NULL, "scale" text NOT NULL, "grade" smallint NOT NULL, "district_type" text, "big_account" boolean NOT NULL DEFAULT false, "big_account_override_reason" text, "order_weekday" smallint NOT NULL, "reachable_sms" boolean NOT NULL DEFAULT false, "reachable_wechat" boolean NOT NULL DEFAULT false, "reachable_portal" boolean NOT NULL DEFAULT false, "owner_birthday" date, "license_valid_from" date, "license_valid_to" date, "status" text NOT NULL DEFAULT 'active', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_retailers_license_dates" CHECK (license_valid_to IS NULL OR license_valid_from IS NULL OR license_valid_to >= license_valid_from), CONSTRAINT "ck_retailers_status" CHECK (status IN ('active','suspended','closed')), CONSTRAINT "ck_retailers_order_weekday" CHECK (order_weekday BETWEEN 1 AND 7), CONSTRAINT "ck_retailers_grade" CHECK (grade BETWEEN 1 AND 30), CONSTRAINT "ck_retailers_scale" CHECK (scale IN ('large','medium','small')), CONSTRAINT "ck_retailers_market_type" CHECK (market_type IN ('urban','rural')), CONSTRAINT "ck_retailers_business_type" CHECK (business_type IN ('C','B','S','N','Y','F','Q')), CONSTRAINT "ck_retailers_license_no" CHECK (license_no ~ '^[0-9]{6,32}$'), CONSTRAINT "PK_1228653999402b52e75d40b1c66" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_retailers_big_account" ON "retailers"  ("big_account") WHERE big_account`,
    );
    await queryRunner.query(`CREATE INDEX "ix_retailers_grade" ON "retailers"  ("grade") `);
    await queryRunner.query(`CREATE INDEX "ix_retailers_department" ON "retailers"  ("department_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_retailers_service_center" ON "retailers"  ("service_center_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_retailers_territory_status" ON "retailers"  ("territory_id", "status") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_retailers_license_no" ON "retailers"  ("license_no") `);
    await queryRunner.query(
      `CREATE TABLE "retailer_grades" ("id" SERIAL NOT NULL, "retailer_id" integer NOT NULL, "grade" smallint NOT NULL, "effective_from" date NOT NULL, "reason" text, "changed_by" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_retailer_grades_grade" CHECK (grade BETWEEN 1 AND 30), CONSTRAINT "PK_a465f6b5a764e7ee6f937ddd8b1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_retailer_grades_from" ON "retailer_grades"  ("retailer_id", "effective_from") `,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_d84d52ad2febf33e79e40934b54" FOREIGN KEY ("retailer_id") REFERENCES "retailers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "key_brands" ADD CONSTRAINT "FK_e8c05bb775608acc1bf2bbf8b18" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "key_brands" ADD CONSTRAINT "FK_57501f3d40d363d53a634b61c31" FOREIGN KEY ("department_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "retailers" ADD CONSTRAINT "FK_17bbd79fedf6731cec8a8a9eb62" FOREIGN KEY ("territory_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "retailer_grades" ADD CONSTRAINT "FK_8e09caf7018d3efa1044481c876" FOREIGN KEY ("retailer_id") REFERENCES "retailers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "retailer_grades" DROP CONSTRAINT "FK_8e09caf7018d3efa1044481c876"`);
    await queryRunner.query(`ALTER TABLE "retailers" DROP CONSTRAINT "FK_17bbd79fedf6731cec8a8a9eb62"`);
    await queryRunner.query(`ALTER TABLE "key_brands" DROP CONSTRAINT "FK_57501f3d40d363d53a634b61c31"`);
    await queryRunner.query(`ALTER TABLE "key_brands" DROP CONSTRAINT "FK_e8c05bb775608acc1bf2bbf8b18"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_d84d52ad2febf33e79e40934b54"`);
    await queryRunner.query(`DROP INDEX "public"."uq_retailer_grades_from"`);
    await queryRunner.query(`DROP TABLE "retailer_grades"`);
    await queryRunner.query(`DROP INDEX "public"."uq_retailers_license_no"`);
    await queryRunner.query(`DROP INDEX "public"."ix_retailers_territory_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_retailers_service_center"`);
    await queryRunner.query(`DROP INDEX "public"."ix_retailers_department"`);
    await queryRunner.query(`DROP INDEX "public"."ix_retailers_grade"`);
    await queryRunner.query(`DROP INDEX "public"."ix_retailers_big_account"`);
    await queryRunner.query(`DROP TABLE "retailers"`);
    await queryRunner.query(`DROP INDEX "public"."ix_key_brands_brand"`);
    await queryRunner.query(`DROP TABLE "key_brands"`);
    await queryRunner.query(`DROP INDEX "public"."uq_brands_code"`);
    await queryRunner.query(`DROP INDEX "public"."ix_brands_active_class"`);
    await queryRunner.query(`DROP TABLE "brands"`);
  }
}
