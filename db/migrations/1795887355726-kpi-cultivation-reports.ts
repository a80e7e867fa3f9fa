import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KpiCultivationReports1795887355726 implements MigrationInterface {
  name = 'KpiCultivationReports1795887355726';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "kpi_targets" ("id" SERIAL NOT NULL, "department_id" integer NOT NULL, "territory_id" integer, "code" text NOT NULL, "kind" text NOT NULL, "value" numeric(18,6), "baseline" text, "updated_by" integer, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_kpi_targets_value" CHECK (value IS NULL OR value >= 0), CONSTRAINT "ck_kpi_targets_baseline" CHECK (baseline IS NULL OR baseline IN ('previousMonth','sameMonthLastYear')), CONSTRAINT "ck_kpi_targets_shape" CHECK ((kind IN ('atLeast','atMost')) = (value IS NOT NULL) AND (kind = 'rising') = (baseline IS NOT NULL)), CONSTRAINT "ck_kpi_targets_kind" CHECK (kind IN ('atLeast','atMost','rising','none')), CONSTRAINT "PK_88ef409223cd8f63665ca1cc0c4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_kpi_targets_territory_code" ON "kpi_targets"  ("territory_id", "code") WHERE territory_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_kpi_targets_department_code" ON "kpi_targets"  ("department_id", "code") WHERE territory_id IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "kpi_month_closes" ("month" date NOT NULL, "department_id" integer NOT NULL, "as_of" date NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_by" integer, "notes" jsonb NOT NULL, CONSTRAINT "ck_kpi_month_closes_month" CHECK (EXTRACT(DAY FROM month) = 1), CONSTRAINT "PK_d0942808562cc78c596b2394737" PRIMARY KEY ("month", "department_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "kpi_snapshot_rows" ("id" BIGSERIAL NOT NULL, "month" date NOT NULL, "department_id" integer NOT NULL, "level" text NOT NULL, "subject_id" integer NOT NULL, "service_center_id" integer, "subject" jsonb NOT NULL, "cells" jsonb NOT NULL, CONSTRAINT "ck_kpi_snapshot_rows_level" CHECK (level IN ('territory','service_center','department','squad','delivery_staff')), CONSTRAINT "PK_1d074bf95644d9439386cd5e81b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_kpi_snapshot_rows_subject" ON "kpi_snapshot_rows"  ("month", "department_id", "level", "subject_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cultivation_tasks" ("id" SERIAL NOT NULL, "brand_id" integer NOT NULL, "territory_id" integer NOT NULL, "service_center_id" integer NOT NULL, "department_id" integer NOT NULL, "assigned_to" integer, "launch_date" date NOT NULL, "due_on" date NOT NULL, "status" text NOT NULL DEFAULT 'open', "sales_trend" text, "consumer_opinion" text, "ordering_analysis" text, "submitted_by" integer, "submitted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_cultivation_tasks_submission" CHECK ((status = 'submitted') = (submitted_at IS NOT NULL AND submitted_by IS NOT NULL AND sales_trend IS NOT NULL AND consumer_opinion IS NOT NULL AND ordering_analysis IS NOT NULL)), CONSTRAINT "ck_cultivation_tasks_status" CHECK (status IN ('open','submitted')), CONSTRAINT "PK_4be65cb686403465f1cdf7ffc3e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_cultivation_tasks_department_status" ON "cultivation_tasks"  ("department_id", "status", "due_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_cultivation_tasks_territory_status" ON "cultivation_tasks"  ("territory_id", "status", "due_on") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cultivation_tasks_brand_territory" ON "cultivation_tasks"  ("brand_id", "territory_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "kpi_workbooks" ("month" date NOT NULL, "department_id" integer NOT NULL, "filename" text NOT NULL, "content" bytea NOT NULL, "sha256" text NOT NULL, "byte_size" integer NOT NULL, "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_23eb391a4ff40ad79099a9cacea" PRIMARY KEY ("month", "department_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_targets" ADD CONSTRAINT "FK_6484470bdd0163991fad219413e" FOREIGN KEY ("department_id") REFERENCES "org_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_targets" ADD CONSTRAINT "FK_dbcac3eff83db3e986c6b4b2071" FOREIGN KEY ("territory_id") REFERENCES "org_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_targets" ADD CONSTRAINT "FK_c57e2f99eafc5b4346ee1ecfeeb" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_month_closes" ADD CONSTRAINT "FK_3429a0c5d1a33d53b37011262fc" FOREIGN KEY ("department_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_snapshot_rows" ADD CONSTRAINT "FK_418767d953357a7b8de22cdf8d9" FOREIGN KEY ("month", "department_id") REFERENCES "kpi_month_closes"("month","department_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cultivation_tasks" ADD CONSTRAINT "FK_5e719f564b62388b53e1458fc40" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cultivation_tasks" ADD CONSTRAINT "FK_c42837ca7b9ee16ec014c2de0a5" FOREIGN KEY ("territory_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cultivation_tasks" ADD CONSTRAINT "FK_5617268bee406454a51f79c8003" FOREIGN KEY ("assigned_to") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cultivation_tasks" ADD CONSTRAINT "FK_9632e957f31611dfd10323cb514" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_workbooks" ADD CONSTRAINT "FK_23eb391a4ff40ad79099a9cacea" FOREIGN KEY ("month", "department_id") REFERENCES "kpi_month_closes"("month","department_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // A closed month is what was reported: its snapshot rows and workbook never change or go away.
    await queryRunner.query(`CREATE FUNCTION kpi_closed_month_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is immutable: a closed month stays as it was reported', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$`);
    for (const table of ['kpi_month_closes', 'kpi_snapshot_rows', 'kpi_workbooks']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION kpi_closed_month_immutable()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION kpi_closed_month_immutable()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['kpi_month_closes', 'kpi_snapshot_rows', 'kpi_workbooks']) {
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_no_change ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION kpi_closed_month_immutable()`);
    await queryRunner.query(`ALTER TABLE "kpi_workbooks" DROP CONSTRAINT "FK_23eb391a4ff40ad79099a9cacea"`);
    await queryRunner.query(
      `ALTER TABLE "cultivation_tasks" DROP CONSTRAINT "FK_9632e957f31611dfd10323cb514"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cultivation_tasks" DROP CONSTRAINT "FK_5617268bee406454a51f79c8003"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cultivation_tasks" DROP CONSTRAINT "FK_c42837ca7b9ee16ec014c2de0a5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cultivation_tasks" DROP CONSTRAINT "FK_5e719f564b62388b53e1458fc40"`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_snapshot_rows" DROP CONSTRAINT "FK_418767d953357a7b8de22cdf8d9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_month_closes" DROP CONSTRAINT "FK_3429a0c5d1a33d53b37011262fc"`,
    );
    await queryRunner.query(`ALTER TABLE "kpi_targets" DROP CONSTRAINT "FK_c57e2f99eafc5b4346ee1ecfeeb"`);
    await queryRunner.query(`ALTER TABLE "kpi_targets" DROP CONSTRAINT "FK_dbcac3eff83db3e986c6b4b2071"`);
    await queryRunner.query(`ALTER TABLE "kpi_targets" DROP CONSTRAINT "FK_6484470bdd0163991fad219413e"`);
    await queryRunner.query(`DROP TABLE "kpi_workbooks"`);
    await queryRunner.query(`DROP INDEX "public"."uq_cultivation_tasks_brand_territory"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cultivation_tasks_territory_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cultivation_tasks_department_status"`);
    await queryRunner.query(`DROP TABLE "cultivation_tasks"`);
    await queryRunner.query(`DROP INDEX "public"."uq_kpi_snapshot_rows_subject"`);
    await queryRunner.query(`DROP TABLE "kpi_snapshot_rows"`);
    await queryRunner.query(`DROP TABLE "kpi_month_closes"`);
    await queryRunner.query(`DROP INDEX "public"."uq_kpi_targets_department_code"`);
    await queryRunner.query(`DROP INDEX "public"."uq_kpi_targets_territory_code"`);
    await queryRunner.query(`DROP TABLE "kpi_targets"`);
  }
}
