import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ThreeRoleProblems1796652916831 implements MigrationInterface {
  name = 'ThreeRoleProblems1796652916831';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "problems" ("id" SERIAL NOT NULL, "kind" text NOT NULL, "about_role" text NOT NULL, "description" text NOT NULL, "retailer_id" integer NOT NULL, "territory_id" integer NOT NULL, "service_center_id" integer NOT NULL, "department_id" integer NOT NULL, "raised_by" integer NOT NULL, "raiser_role" text NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'open', "answer" text, "answered_by" integer, "answered_at" TIMESTAMP WITH TIME ZONE, "escalated_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_problems_closed" CHECK ((status = 'closed') = (closed_at IS NOT NULL)), CONSTRAINT "ck_problems_answer" CHECK ((answer IS NULL) = (answered_at IS NULL) AND (answer IS NULL) = (answered_by IS NULL) AND (status IN ('answered','closed')) = (answer IS NOT NULL)), CONSTRAINT "ck_problems_deadline" CHECK (deadline_at > raised_at), CONSTRAINT "ck_problems_status" CHECK (status IN ('open','escalated','answered','closed')), CONSTRAINT "ck_problems_raiser_role" CHECK (raiser_role IN ('account_manager','enforcement_officer','delivery_staff') AND raiser_role <> about_role), CONSTRAINT "ck_problems_about_role" CHECK (about_role IN ('account_manager','enforcement_officer','delivery_staff')), CONSTRAINT "ck_problems_kind" CHECK (kind IN ('check_not_done','visit_not_done','delivery_late','proxy_receipt','other')), CONSTRAINT "PK_b3994afba6ab64a42cda1ccaeff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_problems_open_deadline" ON "problems"  ("deadline_at") WHERE status = 'open'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_problems_retailer_raised" ON "problems"  ("retailer_id", "raised_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_problems_department_status_raised" ON "problems"  ("department_id", "status", "raised_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_problems_center_status_raised" ON "problems"  ("service_center_id", "status", "raised_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_problems_raiser_raised" ON "problems"  ("raised_by", "raised_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "problem_policies" ("department_id" integer NOT NULL, "answer_hours" smallint NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_problem_policies_hours" CHECK (answer_hours BETWEEN 1 AND 720), CONSTRAINT "PK_5b580099e9f9b018f2a4baeeb4a" PRIMARY KEY ("department_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "problems" ADD CONSTRAINT "FK_e929b760715b713ee9730314153" FOREIGN KEY ("retailer_id") REFERENCES "retailers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "problems" ADD CONSTRAINT "FK_02ac7be94b012824720d4da827b" FOREIGN KEY ("territory_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "problems" ADD CONSTRAINT "FK_bde1d57fea81d1d804ae6a6272d" FOREIGN KEY ("raised_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "problems" ADD CONSTRAINT "FK_4a3ccc4c76f60d5312ef1487403" FOREIGN KEY ("answered_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "problem_policies" ADD CONSTRAINT "FK_5b580099e9f9b018f2a4baeeb4a" FOREIGN KEY ("department_id") REFERENCES "org_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "problem_policies" DROP CONSTRAINT "FK_5b580099e9f9b018f2a4baeeb4a"`,
    );
    await queryRunner.query(`ALTER TABLE "problems" DROP CONSTRAINT "FK_4a3ccc4c76f60d5312ef1487403"`);
    await queryRunner.query(`ALTER TABLE "problems" DROP CONSTRAINT "FK_bde1d57fea81d1d804ae6a6272d"`);
    await queryRunner.query(`ALTER TABLE "problems" DROP CONSTRAINT "FK_02ac7be94b012824720d4da827b"`);
    await queryRunner.query(`ALTER TABLE "problems" DROP CONSTRAINT "FK_e929b760715b713ee9730314153"`);
    await queryRunner.query(`DROP TABLE "problem_policies"`);
    await queryRunner.query(`DROP INDEX "public"."ix_problems_raiser_raised"`);
    await queryRunner.query(`DROP INDEX "public"."ix_problems_center_status_raised"`);
    await queryRunner.query(`DROP INDEX "public"."ix_problems_department_status_raised"`);
    await queryRunner.query(`DROP INDEX "public"."ix_problems_retailer_raised"`);
    await queryRunner.query(`DROP INDEX "public"."ix_problems_open_deadline"`);
    await queryRunner.query(`DROP TABLE "problems"`);
  }
}
