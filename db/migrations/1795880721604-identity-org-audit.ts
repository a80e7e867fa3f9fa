import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityOrgAudit1795880721604 implements MigrationInterface {
  name = 'IdentityOrgAudit1795880721604';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "actor_id" integer, "actor_role" text NOT NULL, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text NOT NULL, "before" jsonb, "after" jsonb, "department_id" integer, "request_id" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_log_department_at" ON "audit_log"  ("department_id", "at") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_log_actor" ON "audit_log"  ("actor_id", "at") `);
    await queryRunner.query(
      `CREATE INDEX "ix_audit_log_entity" ON "audit_log"  ("entity_type", "entity_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "org_units" ("id" SERIAL NOT NULL, "type" text NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "parent_id" integer, "department_id" integer, "service_center_id" integer, "squad_id" integer, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_org_units_type" CHECK (type IN ('company','department','service_center','territory','supply_point','squad','route')), CONSTRAINT "PK_b4a19b7f3756560cd75643be5a7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_org_units_supply_point_per_center" ON "org_units"  ("parent_id") WHERE type = 'supply_point'`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_org_units_code" ON "org_units"  ("code") `);
    await queryRunner.query(`CREATE INDEX "ix_org_units_squad" ON "org_units"  ("squad_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_org_units_service_center_type" ON "org_units"  ("service_center_id", "type") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_org_units_department_type" ON "org_units"  ("department_id", "type") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_org_units_parent" ON "org_units"  ("parent_id") `);
    await queryRunner.query(
      `CREATE TABLE "territory_routes" ("territory_id" integer NOT NULL, "route_id" integer NOT NULL, CONSTRAINT "PK_ab0680e4bf1ec58ec9783966f44" PRIMARY KEY ("territory_id", "route_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_territory_routes_route" ON "territory_routes"  ("route_id") `);
    await queryRunner.query(
      `CREATE TABLE "users" ("id" SERIAL NOT NULL, "username" text NOT NULL, "display_name" text NOT NULL, "role" text NOT NULL, "org_unit_id" integer, "retailer_id" integer, "phone" text, "password_hash" text NOT NULL, "status" text NOT NULL DEFAULT 'active', "token_version" integer NOT NULL DEFAULT '1', "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_users_status" CHECK (status IN ('active','disabled')), CONSTRAINT "ck_users_role" CHECK (role IN ('admin','department_head','market_manager','account_manager','retailer','supply_clerk','enforcement_officer','delivery_staff','inspector')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_users_retailer" ON "users"  ("retailer_id") WHERE retailer_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_users_account_manager_per_territory" ON "users"  ("org_unit_id") WHERE role = 'account_manager' AND status = 'active'`,
    );
    await queryRunner.query(`CREATE INDEX "ix_users_role" ON "users"  ("role") `);
    await queryRunner.query(`CREATE INDEX "ix_users_org_unit_role" ON "users"  ("org_unit_id", "role") `);
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("key" text NOT NULL, "failures" integer NOT NULL, "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_14c03bac82292a8310c54cb98d0" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_units" ADD CONSTRAINT "FK_93e336d1c079edb2cecd9c8f599" FOREIGN KEY ("parent_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_units" ADD CONSTRAINT "FK_edfdd8ae618f211a60f63d969fc" FOREIGN KEY ("department_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_units" ADD CONSTRAINT "FK_5525e489dcda39e8cedc9b70f8c" FOREIGN KEY ("service_center_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_units" ADD CONSTRAINT "FK_b1e22055e264a435eb714ababcb" FOREIGN KEY ("squad_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "territory_routes" ADD CONSTRAINT "FK_183f4d4b04e77771fdbb8989919" FOREIGN KEY ("territory_id") REFERENCES "org_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "territory_routes" ADD CONSTRAINT "FK_f684cfe7b95a14a1f27614c69c7" FOREIGN KEY ("route_id") REFERENCES "org_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_758b37f4f8ca8be4ddaefa51c9e" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Usernames are unique ignoring case (licence numbers and pinyin names are typed both ways).
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_username_lower" ON "users" (lower("username"))`);
    // The audit trail is append-only: the database itself refuses to change or remove it.
    await queryRunner.query(`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege'; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await queryRunner.query(`DROP TRIGGER audit_log_no_change ON audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_append_only()`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_username_lower"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_758b37f4f8ca8be4ddaefa51c9e"`);
    await queryRunner.query(
      `ALTER TABLE "territory_routes" DROP CONSTRAINT "FK_f684cfe7b95a14a1f27614c69c7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "territory_routes" DROP CONSTRAINT "FK_183f4d4b04e77771fdbb8989919"`,
    );
    await queryRunner.query(`ALTER TABLE "org_units" DROP CONSTRAINT "FK_b1e22055e264a435eb714ababcb"`);
    await queryRunner.query(`ALTER TABLE "org_units" DROP CONSTRAINT "FK_5525e489dcda39e8cedc9b70f8c"`);
    await queryRunner.query(`ALTER TABLE "org_units" DROP CONSTRAINT "FK_edfdd8ae618f211a60f63d969fc"`);
    await queryRunner.query(`ALTER TABLE "org_units" DROP CONSTRAINT "FK_93e336d1c079edb2cecd9c8f599"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(`DROP INDEX "public"."ix_users_org_unit_role"`);
    await queryRunner.query(`DROP INDEX "public"."ix_users_role"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_account_manager_per_territory"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_retailer"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."ix_territory_routes_route"`);
    await queryRunner.query(`DROP TABLE "territory_routes"`);
    await queryRunner.query(`DROP INDEX "public"."ix_org_units_parent"`);
    await queryRunner.query(`DROP INDEX "public"."ix_org_units_department_type"`);
    await queryRunner.query(`DROP INDEX "public"."ix_org_units_service_center_type"`);
    await queryRunner.query(`DROP INDEX "public"."ix_org_units_squad"`);
    await queryRunner.query(`DROP INDEX "public"."uq_org_units_code"`);
    await queryRunner.query(`DROP INDEX "public"."uq_org_units_supply_point_per_center"`);
    await queryRunner.query(`DROP TABLE "org_units"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_entity"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_actor"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_department_at"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
