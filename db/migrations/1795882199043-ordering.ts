import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Ordering1795882199043 implements MigrationInterface {
  name = 'Ordering1795882199043';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("user_id" integer NOT NULL, "key" text NOT NULL, "request_hash" text NOT NULL, "status" text NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_idempotency_keys_status" CHECK (status IN ('in_flight','completed')), CONSTRAINT "PK_392b1af86f210d98d3f0c764728" PRIMARY KEY ("user_id", "key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_idempotency_keys_created" ON "idempotency_keys"  ("created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "territory_order_schedules" ("territory_id" integer NOT NULL, "order_weekday" smallint NOT NULL, "opens_days_before" smallint NOT NULL DEFAULT '1', "opens_at_time" text NOT NULL DEFAULT '12:00', "cutoff_time" text NOT NULL DEFAULT '16:00', CONSTRAINT "ck_territory_order_schedules_days_before" CHECK (opens_days_before BETWEEN 0 AND 6), CONSTRAINT "ck_territory_order_schedules_weekday" CHECK (order_weekday BETWEEN 1 AND 7), CONSTRAINT "PK_0da4b729b5475d23787f2210f08" PRIMARY KEY ("territory_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "order_cycles" ("id" SERIAL NOT NULL, "territory_id" integer NOT NULL, "service_center_id" integer NOT NULL, "department_id" integer NOT NULL, "order_date" date NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "cutoff_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'scheduled', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_order_cycles_window" CHECK (opens_at < cutoff_at), CONSTRAINT "ck_order_cycles_status" CHECK (status IN ('scheduled','open','cut_off','consolidated','cancelled')), CONSTRAINT "PK_2ab83875886cab56b072d6a3a70" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_order_cycles_department_date" ON "order_cycles"  ("department_id", "order_date") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_order_cycles_order_date" ON "order_cycles"  ("order_date") `);
    await queryRunner.query(
      `CREATE INDEX "ix_order_cycles_status_cutoff" ON "order_cycles"  ("status", "cutoff_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_order_cycles_territory_date" ON "order_cycles"  ("territory_id", "order_date") WHERE status <> 'cancelled'`,
    );
    await queryRunner.query(
      `CREATE TABLE "demands" ("id" SERIAL NOT NULL, "cycle_id" integer NOT NULL, "retailer_id" integer NOT NULL, "territory_id" integer NOT NULL, "service_center_id" integer NOT NULL, "department_id" integer NOT NULL, "channel" text NOT NULL, "status" text NOT NULL, "total_cartons" integer NOT NULL, "submitted_by" integer NOT NULL, "submitted_by_role" text NOT NULL, "submitted_from_ip" text, "confirmed_at" TIMESTAMP WITH TIME ZONE, "confirmed_via" text, "confirmed_from_ip" text, "approved_by" integer, "approved_at" TIMESTAMP WITH TIME ZONE, "approval_comment" text, "rejected_by" integer, "rejected_at" TIMESTAMP WITH TIME ZONE, "reject_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_demands_approval_signed" CHECK (status NOT IN ('approved','ordered') OR channel = 'self' OR (approved_by IS NOT NULL AND approved_at IS NOT NULL)), CONSTRAINT "ck_demands_total" CHECK (total_cartons > 0), CONSTRAINT "ck_demands_status" CHECK (status IN ('submitted','pending_confirmation','pending_approval','approved','rejected','expired','cancelled','ordered')), CONSTRAINT "ck_demands_channel" CHECK (channel IN ('self','collected')), CONSTRAINT "PK_d63565b0747a0cfc73e319bfc03" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_demands_submitted_by" ON "demands"  ("submitted_by", "created_at") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_demands_cycle_status" ON "demands"  ("cycle_id", "status") `);
    await queryRunner.query(
      `CREATE INDEX "ix_demands_territory_created" ON "demands"  ("territory_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_demands_retailer" ON "demands"  ("retailer_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_demands_live_per_cycle" ON "demands"  ("cycle_id", "retailer_id") WHERE status IN ('submitted','pending_confirmation','pending_approval','approved','ordered')`,
    );
    await queryRunner.query(
      `CREATE TABLE "demand_lines" ("demand_id" integer NOT NULL, "brand_id" integer NOT NULL, "cartons" integer NOT NULL, CONSTRAINT "ck_demand_lines_cartons" CHECK (cartons > 0), CONSTRAINT "PK_11fa11b99586171bd53ec215740" PRIMARY KEY ("demand_id", "brand_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_demand_lines_brand" ON "demand_lines"  ("brand_id") `);
    await queryRunner.query(
      `CREATE TABLE "demand_confirmation_codes" ("id" SERIAL NOT NULL, "retailer_id" integer NOT NULL, "code_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "issued_from_ip" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e49f38b2667e272f9c2e530cc97" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_demand_confirmation_codes_retailer" ON "demand_confirmation_codes"  ("retailer_id", "expires_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "no_demand_records" ("cycle_id" integer NOT NULL, "retailer_id" integer NOT NULL, "territory_id" integer NOT NULL, "department_id" integer NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7815aaed5a8b2995f9fa2ead446" PRIMARY KEY ("cycle_id", "retailer_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_no_demand_records_territory" ON "no_demand_records"  ("territory_id", "cycle_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "order_lines" ("id" BIGSERIAL NOT NULL, "cycle_id" integer NOT NULL, "demand_id" integer NOT NULL, "retailer_id" integer NOT NULL, "territory_id" integer NOT NULL, "service_center_id" integer NOT NULL, "department_id" integer NOT NULL, "supply_point_id" integer NOT NULL, "brand_id" integer NOT NULL, "order_date" date NOT NULL, "requested" integer NOT NULL, "ordered" integer NOT NULL, "price_fen" integer NOT NULL, "amount_fen" bigint NOT NULL, CONSTRAINT "ck_order_lines_amount" CHECK (amount_fen = ordered * price_fen), CONSTRAINT "ck_order_lines_quantities" CHECK (ordered >= 0 AND ordered <= requested AND requested > 0), CONSTRAINT "PK_627dcd7f1d707de4df241b2da6b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_order_lines_department_date" ON "order_lines"  ("department_id", "order_date") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_order_lines_cycle" ON "order_lines"  ("cycle_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_order_lines_retailer_date" ON "order_lines"  ("retailer_id", "order_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_order_lines_territory_date" ON "order_lines"  ("territory_id", "order_date") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_order_lines_demand_brand" ON "order_lines"  ("demand_id", "brand_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "supply_orders" ("id" SERIAL NOT NULL, "supply_point_id" integer NOT NULL, "service_center_id" integer NOT NULL, "department_id" integer NOT NULL, "order_date" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5e5f9d6188d70879ae7480c3c91" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_supply_orders_date" ON "supply_orders"  ("order_date") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_supply_orders_point_date" ON "supply_orders"  ("supply_point_id", "order_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "supply_order_lines" ("supply_order_id" integer NOT NULL, "brand_id" integer NOT NULL, "requested" integer NOT NULL, "cartons" integer NOT NULL, CONSTRAINT "ck_supply_order_lines_cartons" CHECK (cartons >= 0 AND requested >= cartons), CONSTRAINT "PK_703f443d9a85d91757699420039" PRIMARY KEY ("supply_order_id", "brand_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "supply_ratios" ("department_id" integer NOT NULL, "price_class" smallint NOT NULL, "ratio_bp" integer NOT NULL, CONSTRAINT "ck_supply_ratios_ratio" CHECK (ratio_bp BETWEEN 1 AND 10000), CONSTRAINT "ck_supply_ratios_class" CHECK (price_class BETWEEN 1 AND 5), CONSTRAINT "PK_8d1aa7018aabbdbe6f5faa3763a" PRIMARY KEY ("department_id", "price_class"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "territory_order_schedules" ADD CONSTRAINT "FK_0da4b729b5475d23787f2210f08" FOREIGN KEY ("territory_id") REFERENCES "org_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_cycles" ADD CONSTRAINT "FK_49eadae692864a997ad91011d81" FOREIGN KEY ("territory_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demands" ADD CONSTRAINT "FK_be03669d278df2d1a91e3b7cdaf" FOREIGN KEY ("cycle_id") REFERENCES "order_cycles"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demands" ADD CONSTRAINT "FK_58f99a2577e1118986d6680f76d" FOREIGN KEY ("retailer_id") REFERENCES "retailers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demand_lines" ADD CONSTRAINT "FK_bf43e8f1959f58a10fab6caf0e3" FOREIGN KEY ("demand_id") REFERENCES "demands"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demand_lines" ADD CONSTRAINT "FK_c6d98bd7c8134aa312b0720f339" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demand_confirmation_codes" ADD CONSTRAINT "FK_a37b11db2d35e9891eb8fd602b9" FOREIGN KEY ("retailer_id") REFERENCES "retailers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "no_demand_records" ADD CONSTRAINT "FK_801253f11ad53b3b2fabdb22f62" FOREIGN KEY ("cycle_id") REFERENCES "order_cycles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "no_demand_records" ADD CONSTRAINT "FK_93916519efc9b44cd0583c9957f" FOREIGN KEY ("retailer_id") REFERENCES "retailers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_lines" ADD CONSTRAINT "FK_6c511470ea0b544f80644969347" FOREIGN KEY ("cycle_id") REFERENCES "order_cycles"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_lines" ADD CONSTRAINT "FK_e78ca224df4096a74811b56248f" FOREIGN KEY ("demand_id") REFERENCES "demands"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_lines" ADD CONSTRAINT "FK_e7c7d9a052fc4cfac13f7cf4e94" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_orders" ADD CONSTRAINT "FK_e12bbb25c1de31d5db118684aac" FOREIGN KEY ("supply_point_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_order_lines" ADD CONSTRAINT "FK_2bc6e764716ddb9a9b7771cd8eb" FOREIGN KEY ("supply_order_id") REFERENCES "supply_orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_order_lines" ADD CONSTRAINT "FK_1c798fec292fa2ae4561854c68c" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_ratios" ADD CONSTRAINT "FK_3fe13517d4c153917796f1451de" FOREIGN KEY ("department_id") REFERENCES "org_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "supply_ratios" DROP CONSTRAINT "FK_3fe13517d4c153917796f1451de"`);
    await queryRunner.query(
      `ALTER TABLE "supply_order_lines" DROP CONSTRAINT "FK_1c798fec292fa2ae4561854c68c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_order_lines" DROP CONSTRAINT "FK_2bc6e764716ddb9a9b7771cd8eb"`,
    );
    await queryRunner.query(`ALTER TABLE "supply_orders" DROP CONSTRAINT "FK_e12bbb25c1de31d5db118684aac"`);
    await queryRunner.query(`ALTER TABLE "order_lines" DROP CONSTRAINT "FK_e7c7d9a052fc4cfac13f7cf4e94"`);
    await queryRunner.query(`ALTER TABLE "order_lines" DROP CONSTRAINT "FK_e78ca224df4096a74811b56248f"`);
    await queryRunner.query(`ALTER TABLE "order_lines" DROP CONSTRAINT "FK_6c511470ea0b544f80644969347"`);
    await queryRunner.query(
      `ALTER TABLE "no_demand_records" DROP CONSTRAINT "FK_93916519efc9b44cd0583c9957f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "no_demand_records" DROP CONSTRAINT "FK_801253f11ad53b3b2fabdb22f62"`,
    );
    await queryRunner.query(
      `ALTER TABLE "demand_confirmation_codes" DROP CONSTRAINT "FK_a37b11db2d35e9891eb8fd602b9"`,
    );
    await queryRunner.query(`ALTER TABLE "demand_lines" DROP CONSTRAINT "FK_c6d98bd7c8134aa312b0720f339"`);
    await queryRunner.query(`ALTER TABLE "demand_lines" DROP CONSTRAINT "FK_bf43e8f1959f58a10fab6caf0e3"`);
    await queryRunner.query(`ALTER TABLE "demands" DROP CONSTRAINT "FK_58f99a2577e1118986d6680f76d"`);
    await queryRunner.query(`ALTER TABLE "demands" DROP CONSTRAINT "FK_be03669d278df2d1a91e3b7cdaf"`);
    await queryRunner.query(`ALTER TABLE "order_cycles" DROP CONSTRAINT "FK_49eadae692864a997ad91011d81"`);
    await queryRunner.query(
      `ALTER TABLE "territory_order_schedules" DROP CONSTRAINT "FK_0da4b729b5475d23787f2210f08"`,
    );
    await queryRunner.query(`DROP TABLE "supply_ratios"`);
    await queryRunner.query(`DROP TABLE "supply_order_lines"`);
    await queryRunner.query(`DROP INDEX "public"."uq_supply_orders_point_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_supply_orders_date"`);
    await queryRunner.query(`DROP TABLE "supply_orders"`);
    await queryRunner.query(`DROP INDEX "public"."uq_order_lines_demand_brand"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_lines_territory_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_lines_retailer_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_lines_cycle"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_lines_department_date"`);
    await queryRunner.query(`DROP TABLE "order_lines"`);
    await queryRunner.query(`DROP INDEX "public"."ix_no_demand_records_territory"`);
    await queryRunner.query(`DROP TABLE "no_demand_records"`);
    await queryRunner.query(`DROP INDEX "public"."ix_demand_confirmation_codes_retailer"`);
    await queryRunner.query(`DROP TABLE "demand_confirmation_codes"`);
    await queryRunner.query(`DROP INDEX "public"."ix_demand_lines_brand"`);
    await queryRunner.query(`DROP TABLE "demand_lines"`);
    await queryRunner.query(`DROP INDEX "public"."uq_demands_live_per_cycle"`);
    await queryRunner.query(`DROP INDEX "public"."ix_demands_retailer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_demands_territory_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_demands_cycle_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_demands_submitted_by"`);
    await queryRunner.query(`DROP TABLE "demands"`);
    await queryRunner.query(`DROP INDEX "public"."uq_order_cycles_territory_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_cycles_status_cutoff"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_cycles_order_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_cycles_department_date"`);
    await queryRunner.query(`DROP TABLE "order_cycles"`);
    await queryRunner.query(`DROP TABLE "territory_order_schedules"`);
    await queryRunner.query(`DROP INDEX "public"."ix_idempotency_keys_created"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}
