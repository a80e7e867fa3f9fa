import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A closed month in versions: the month close writes version 1; an approved correction (opened by a department
 * head, approved by an inspector) writes the next version of the snapshot and workbook, the old ones kept.
 * Existing closes become version 1. `down` cannot undo a month that has been corrected (the immutable
 * tables would hold two rows for one key): revert only before any correction was approved.
 */
export class KpiMonthVersions1796628685875 implements MigrationInterface {
  name = 'KpiMonthVersions1796628685875';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "kpi_snapshot_rows" DROP CONSTRAINT "FK_418767d953357a7b8de22cdf8d9"`,
    );
    await queryRunner.query(`ALTER TABLE "kpi_workbooks" DROP CONSTRAINT "FK_23eb391a4ff40ad79099a9cacea"`);
    await queryRunner.query(`DROP INDEX "public"."uq_kpi_snapshot_rows_subject"`);
    await queryRunner.query(
      `CREATE TABLE "kpi_month_corrections" ("id" SERIAL NOT NULL, "month" date NOT NULL, "department_id" integer NOT NULL, "reason" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "opened_by" integer NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_by" integer, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, CONSTRAINT "ck_kpi_month_corrections_two_people" CHECK (decided_by IS NULL OR decided_by <> opened_by), CONSTRAINT "ck_kpi_month_corrections_decision" CHECK ((status = 'open') = (decided_by IS NULL AND decided_at IS NULL)), CONSTRAINT "ck_kpi_month_corrections_status" CHECK (status IN ('open','approved','rejected')), CONSTRAINT "ck_kpi_month_corrections_month" CHECK (EXTRACT(DAY FROM month) = 1), CONSTRAINT "PK_0c60d80ba04aecf82d87398d826" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_kpi_month_corrections_department_status" ON "kpi_month_corrections"  ("department_id", "status", "opened_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_kpi_month_corrections_open" ON "kpi_month_corrections"  ("month", "department_id") WHERE status = 'open'`,
    );
    await queryRunner.query(`ALTER TABLE "kpi_month_closes" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(
      `ALTER TABLE "kpi_month_closes" DROP CONSTRAINT "PK_d0942808562cc78c596b2394737"`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_month_closes" ADD CONSTRAINT "PK_6d79f262a453c30b04ac2cbf6c9" PRIMARY KEY ("department_id", "month", "version")`,
    );
    await queryRunner.query(`ALTER TABLE "kpi_month_closes" ADD "correction_id" integer`);
    await queryRunner.query(`ALTER TABLE "kpi_snapshot_rows" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "kpi_workbooks" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "kpi_workbooks" DROP CONSTRAINT "PK_23eb391a4ff40ad79099a9cacea"`);
    await queryRunner.query(
      `ALTER TABLE "kpi_workbooks" ADD CONSTRAINT "PK_68edebb412171fdc96058e92b84" PRIMARY KEY ("department_id", "month", "version")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_kpi_month_closes_correction" ON "kpi_month_closes"  ("correction_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_kpi_snapshot_rows_subject" ON "kpi_snapshot_rows"  ("month", "department_id", "version", "level", "subject_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_month_closes" ADD CONSTRAINT "ck_kpi_month_closes_version" CHECK ((version = 1) = (correction_id IS NULL) AND version >= 1)`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_month_corrections" ADD CONSTRAINT "FK_ef76910526122704a5b8a701c55" FOREIGN KEY ("department_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_month_corrections" ADD CONSTRAINT "FK_4b30f817d48670b932c5a6bbb6c" FOREIGN KEY ("opened_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_month_corrections" ADD CONSTRAINT "FK_536d82a509d5fde1186972170fd" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_month_closes" ADD CONSTRAINT "FK_2c936851a4ec832f40881459c02" FOREIGN KEY ("correction_id") REFERENCES "kpi_month_corrections"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_snapshot_rows" ADD CONSTRAINT "FK_8834d644972a53c760f40ae65d9" FOREIGN KEY ("month", "department_id", "version") REFERENCES "kpi_month_closes"("month","department_id","version") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_workbooks" ADD CONSTRAINT "FK_68edebb412171fdc96058e92b84" FOREIGN KEY ("month", "department_id", "version") REFERENCES "kpi_month_closes"("month","department_id","version") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kpi_workbooks" DROP CONSTRAINT "FK_68edebb412171fdc96058e92b84"`);
    await queryRunner.query(
      `ALTER TABLE "kpi_snapshot_rows" DROP CONSTRAINT "FK_8834d644972a53c760f40ae65d9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_month_closes" DROP CONSTRAINT "FK_2c936851a4ec832f40881459c02"`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_month_corrections" DROP CONSTRAINT "FK_536d82a509d5fde1186972170fd"`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_month_corrections" DROP CONSTRAINT "FK_4b30f817d48670b932c5a6bbb6c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_month_corrections" DROP CONSTRAINT "FK_ef76910526122704a5b8a701c55"`,
    );
    await queryRunner.query(`ALTER TABLE "kpi_month_closes" DROP CONSTRAINT "ck_kpi_month_closes_version"`);
    await queryRunner.query(`DROP INDEX "public"."uq_kpi_snapshot_rows_subject"`);
    await queryRunner.query(`DROP INDEX "public"."uq_kpi_month_closes_correction"`);
    await queryRunner.query(`ALTER TABLE "kpi_workbooks" DROP CONSTRAINT "PK_68edebb412171fdc96058e92b84"`);
    await queryRunner.query(
      `ALTER TABLE "kpi_workbooks" ADD CONSTRAINT "PK_23eb391a4ff40ad79099a9cacea" PRIMARY KEY ("department_id", "month")`,
    );
    await queryRunner.query(`ALTER TABLE "kpi_workbooks" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "kpi_snapshot_rows" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "kpi_month_closes" DROP COLUMN "correction_id"`);
    await queryRunner.query(
      `ALTER TABLE "kpi_month_closes" DROP CONSTRAINT "PK_6d79f262a453c30b04ac2cbf6c9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_month_closes" ADD CONSTRAINT "PK_d0942808562cc78c596b2394737" PRIMARY KEY ("department_id", "month")`,
    );
    await queryRunner.query(`ALTER TABLE "kpi_month_closes" DROP COLUMN "version"`);
    await queryRunner.query(`DROP INDEX "public"."uq_kpi_month_corrections_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kpi_month_corrections_department_status"`);
    await queryRunner.query(`DROP TABLE "kpi_month_corrections"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_kpi_snapshot_rows_subject" ON "kpi_snapshot_rows" USING btree ("month", "department_id", "level", "subject_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_workbooks" ADD CONSTRAINT "FK_23eb391a4ff40ad79099a9cacea" FOREIGN KEY ("month", "department_id") REFERENCES "kpi_month_closes"("month","department_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_snapshot_rows" ADD CONSTRAINT "FK_418767d953357a7b8de22cdf8d9" FOREIGN KEY ("month", "department_id") REFERENCES "kpi_month_closes"("month","department_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }
}
