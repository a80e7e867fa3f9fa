import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ThreeRoleInteraction1795883448693 implements MigrationInterface {
  name = 'ThreeRoleInteraction1795883448693';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "leads" ("id" SERIAL NOT NULL, "kind" text NOT NULL, "importance" text NOT NULL, "status" text NOT NULL DEFAULT 'new', "description" text NOT NULL, "evidence" text array NOT NULL DEFAULT '{}', "source" text NOT NULL DEFAULT 'report', "retailer_id" integer, "territory_id" integer NOT NULL, "service_center_id" integer NOT NULL, "department_id" integer NOT NULL, "squad_id" integer NOT NULL, "reported_by" integer NOT NULL, "reporter_role" text NOT NULL, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline_at" TIMESTAMP WITH TIME ZONE NOT NULL, "assigned_to" integer, "assigned_at" TIMESTAMP WITH TIME ZONE, "verification_result" text, "verification_note" text, "verified_by" integer, "verified_at" TIMESTAMP WITH TIME ZONE, "escalated_at" TIMESTAMP WITH TIME ZONE, "escalation_count" smallint NOT NULL DEFAULT '0', "action_due_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "source_cycle_id" integer, "source_brand_id" integer, "anomaly" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_leads_anomaly" CHECK (source <> 'anomaly' OR (retailer_id IS NOT NULL AND source_cycle_id IS NOT NULL AND source_brand_id IS NOT NULL)), CONSTRAINT "ck_leads_deadline" CHECK (deadline_at > reported_at), CONSTRAINT "ck_leads_closed" CHECK ((status = 'closed') = (closed_at IS NOT NULL)), CONSTRAINT "ck_leads_result_state" CHECK ((status IN ('verified','closed')) = (verification_result IS NOT NULL)), CONSTRAINT "ck_leads_result_recorded" CHECK ((verification_result IS NULL) = (verified_at IS NULL) AND (verification_result IS NULL) = (verified_by IS NULL)), CONSTRAINT "ck_leads_result" CHECK (verification_result IS NULL OR verification_result IN ('confirmed','unfounded','unverifiable')), CONSTRAINT "ck_leads_source" CHECK (source IN ('report','anomaly')), CONSTRAINT "ck_leads_status" CHECK (status IN ('new','assigned','verifying','verified','escalated','closed')), CONSTRAINT "ck_leads_importance" CHECK (importance IN ('important','normal')), CONSTRAINT "ck_leads_kind" CHECK (kind IN ('counterfeit','smuggled','unlicensed','priceViolation','abnormalPurchase','other')), CONSTRAINT "PK_cd102ed7a9a4ca7d4d8bfeba406" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_leads_anomaly" ON "leads"  ("source_cycle_id", "retailer_id", "source_brand_id") WHERE source = 'anomaly'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_leads_open_important" ON "leads"  ("deadline_at") WHERE importance = 'important' AND verification_result IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_leads_retailer_reported" ON "leads"  ("retailer_id", "reported_at") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_leads_status_reported" ON "leads"  ("status", "reported_at") `);
    await queryRunner.query(
      `CREATE INDEX "ix_leads_center_reported" ON "leads"  ("service_center_id", "reported_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_leads_department_reported" ON "leads"  ("department_id", "reported_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_leads_reporter_reported" ON "leads"  ("reported_by", "reported_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_leads_squad_reported" ON "leads"  ("squad_id", "reported_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "lead_events" ("id" BIGSERIAL NOT NULL, "lead_id" integer NOT NULL, "event" text NOT NULL, "from_status" text, "to_status" text, "actor_id" integer, "actor_role" text NOT NULL, "comment" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_lead_events_event" CHECK (event IN ('report','assign','startVerification','recordResult','escalate','requireAction','close','comment')), CONSTRAINT "PK_38013d55900c219b7bb52f90122" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_lead_events_lead" ON "lead_events"  ("lead_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "lead_policies" ("department_id" integer NOT NULL, "important_days" smallint NOT NULL, "normal_days" smallint NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_lead_policies_order" CHECK (important_days <= normal_days), CONSTRAINT "ck_lead_policies_days" CHECK (important_days BETWEEN 1 AND 90 AND normal_days BETWEEN 1 AND 90), CONSTRAINT "PK_66f4bb03fdb4c45548f2eb637e3" PRIMARY KEY ("department_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "delivery_runs" ("id" SERIAL NOT NULL, "route_id" integer NOT NULL, "delivery_date" date NOT NULL, "service_center_id" integer NOT NULL, "department_id" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_744433ad6764ac6d3823ca56452" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_delivery_runs_department_date" ON "delivery_runs"  ("department_id", "delivery_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_delivery_runs_center_date" ON "delivery_runs"  ("service_center_id", "delivery_date") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_delivery_runs_date" ON "delivery_runs"  ("delivery_date") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_delivery_runs_route_date" ON "delivery_runs"  ("route_id", "delivery_date") `,
    );
    await queryRunner.query(`CREATE TABLE "deliveries" ("id" SERIAL NOT NULL, "run_id" integer NOT NULL, "route_id" integer NOT NULL, "delivery_date" date NOT NULL, "position" smallint NOT NULL, "retailer_id" integer NOT NULL, "territory_id" integer NOT NULL, "service_center_id" integer NOT NULL, "department_id" integer NOT NULL, "supply_point_id" integer NOT NULL, "order_date" date NOT NULL, "attempt" smallint NOT NULL DEFAULT '1', "cartons" integer NOT NULL, "lines" jsonb NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "window_end" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'planned', "arrived_at" TIMESTAMP WITH TIME ZONE, "receiver" text, "receiver_name" text, "proxy_reason" text, "failure_reason" text, "completed_by" integer, "completed_at" TIMESTAMP WITH TIME ZONE, "confirmed_at" TIMESTAMP WITH TIME ZONE, "confirmed_by" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_deliveries_confirmed" CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL)), CONSTRAINT "ck_deliveries_proxy" CHECK (receiver IS DISTINCT FROM 'proxy' OR (receiver_name IS NOT NULL AND proxy_reason IS NOT NULL)), CONSTRAINT "ck_deliveries_outcome" CHECK (CASE status
     WHEN 'planned' THEN arrived_at IS NULL AND receiver IS NULL AND completed_by IS NULL
     WHEN 'failed' THEN arrived_at IS NULL AND receiver IS NULL AND completed_by IS NOT NULL AND failure_reason IS NOT NULL
     ELSE arrived_at IS NOT NULL AND receiver IS NOT NULL AND completed_by IS NOT NULL END), CONSTRAINT "ck_deliveries_position" CHECK (position >= 1 AND attempt >= 1), CONSTRAINT "ck_deliveries_cartons" CHECK (cartons > 0), CONSTRAINT "ck_deliveries_window" CHECK (window_start < window_end), CONSTRAINT "ck_deliveries_receiver" CHECK (receiver IS NULL OR receiver IN ('retailer','proxy')), CONSTRAINT "ck_deliveries_status" CHECK (status IN ('planned','delivered','failed','confirmed')), CONSTRAINT "PK_a6ef225c5c5f0974e503bfb731f" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE INDEX "ix_deliveries_proxy" ON "deliveries"  ("delivery_date") WHERE receiver = 'proxy'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_deliveries_completed_by_date" ON "deliveries"  ("completed_by", "delivery_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_deliveries_date_status" ON "deliveries"  ("delivery_date", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_deliveries_department_date" ON "deliveries"  ("department_id", "delivery_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_deliveries_center_date" ON "deliveries"  ("service_center_id", "delivery_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_deliveries_retailer_date" ON "deliveries"  ("retailer_id", "delivery_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_deliveries_territory_date" ON "deliveries"  ("territory_id", "delivery_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_deliveries_route_date" ON "deliveries"  ("route_id", "delivery_date") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_deliveries_run_position" ON "deliveries"  ("run_id", "position") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_deliveries_retailer_order_attempt" ON "deliveries"  ("retailer_id", "order_date", "attempt") `,
    );
    await queryRunner.query(
      `CREATE TABLE "delivery_feedback" ("id" SERIAL NOT NULL, "delivery_id" integer NOT NULL, "retailer_id" integer NOT NULL, "territory_id" integer NOT NULL, "service_center_id" integer NOT NULL, "department_id" integer NOT NULL, "route_id" integer NOT NULL, "kind" text NOT NULL, "description" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "raised_by" integer NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answer" text, "answered_by" integer, "answered_at" TIMESTAMP WITH TIME ZONE, "closed_by" integer, "closed_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_delivery_feedback_closed" CHECK ((status = 'closed') = (closed_at IS NOT NULL)), CONSTRAINT "ck_delivery_feedback_answered" CHECK (status <> 'answered' OR answer IS NOT NULL), CONSTRAINT "ck_delivery_feedback_answer" CHECK ((answer IS NULL) = (answered_at IS NULL) AND (answer IS NULL) = (answered_by IS NULL)), CONSTRAINT "ck_delivery_feedback_status" CHECK (status IN ('open','answered','closed')), CONSTRAINT "ck_delivery_feedback_kind" CHECK (kind IN ('late','wrongGoods','short','damaged','other')), CONSTRAINT "PK_dbafa480e4926a45dd9337067dc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_delivery_feedback_department" ON "delivery_feedback"  ("department_id", "status", "raised_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_delivery_feedback_center" ON "delivery_feedback"  ("service_center_id", "status", "raised_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_delivery_feedback_route" ON "delivery_feedback"  ("route_id", "status", "raised_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_delivery_feedback_territory" ON "delivery_feedback"  ("territory_id", "status", "raised_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_delivery_feedback_delivery" ON "delivery_feedback"  ("delivery_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "leads" ADD CONSTRAINT "FK_0bb4bfee7f438feb9b262b1871f" FOREIGN KEY ("retailer_id") REFERENCES "retailers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "leads" ADD CONSTRAINT "FK_aacdf1de558632b114c88810e41" FOREIGN KEY ("territory_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "leads" ADD CONSTRAINT "FK_4ba92db12ff84ff253c0be7f6e9" FOREIGN KEY ("squad_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "leads" ADD CONSTRAINT "FK_e817630279df5849fbf09695004" FOREIGN KEY ("reported_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "leads" ADD CONSTRAINT "FK_5c37aa54e3b06f6733d56007e0c" FOREIGN KEY ("assigned_to") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "leads" ADD CONSTRAINT "FK_415b3869d10fc81ae1e81bf4870" FOREIGN KEY ("verified_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lead_events" ADD CONSTRAINT "FK_5f01589188405d4107fff0362fe" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lead_policies" ADD CONSTRAINT "FK_66f4bb03fdb4c45548f2eb637e3" FOREIGN KEY ("department_id") REFERENCES "org_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "delivery_runs" ADD CONSTRAINT "FK_48cdb80165eb3e963389b266a80" FOREIGN KEY ("route_id") REFERENCES "org_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "FK_651be0e5bca18266a8128977089" FOREIGN KEY ("run_id") REFERENCES "delivery_runs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "FK_8dfba10581a4e31254087ac3f6e" FOREIGN KEY ("retailer_id") REFERENCES "retailers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "FK_ddeb3bf1956c81a4321c9f6256f" FOREIGN KEY ("completed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "FK_ec8de5527ea234547f85d1c4293" FOREIGN KEY ("confirmed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "delivery_feedback" ADD CONSTRAINT "FK_377af9ad3617adb4f61cff549b0" FOREIGN KEY ("delivery_id") REFERENCES "deliveries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "delivery_feedback" ADD CONSTRAINT "FK_65443df11ce2b8d514c7aa45464" FOREIGN KEY ("raised_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "delivery_feedback" ADD CONSTRAINT "FK_3b44118fda8ce4243b89af3781e" FOREIGN KEY ("answered_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "delivery_feedback" DROP CONSTRAINT "FK_3b44118fda8ce4243b89af3781e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "delivery_feedback" DROP CONSTRAINT "FK_65443df11ce2b8d514c7aa45464"`,
    );
    await queryRunner.query(
      `ALTER TABLE "delivery_feedback" DROP CONSTRAINT "FK_377af9ad3617adb4f61cff549b0"`,
    );
    await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "FK_ec8de5527ea234547f85d1c4293"`);
    await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "FK_ddeb3bf1956c81a4321c9f6256f"`);
    await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "FK_8dfba10581a4e31254087ac3f6e"`);
    await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "FK_651be0e5bca18266a8128977089"`);
    await queryRunner.query(`ALTER TABLE "delivery_runs" DROP CONSTRAINT "FK_48cdb80165eb3e963389b266a80"`);
    await queryRunner.query(`ALTER TABLE "lead_policies" DROP CONSTRAINT "FK_66f4bb03fdb4c45548f2eb637e3"`);
    await queryRunner.query(`ALTER TABLE "lead_events" DROP CONSTRAINT "FK_5f01589188405d4107fff0362fe"`);
    await queryRunner.query(`ALTER TABLE "leads" DROP CONSTRAINT "FK_415b3869d10fc81ae1e81bf4870"`);
    await queryRunner.query(`ALTER TABLE "leads" DROP CONSTRAINT "FK_5c37aa54e3b06f6733d56007e0c"`);
    await queryRunner.query(`ALTER TABLE "leads" DROP CONSTRAINT "FK_e817630279df5849fbf09695004"`);
    await queryRunner.query(`ALTER TABLE "leads" DROP CONSTRAINT "FK_4ba92db12ff84ff253c0be7f6e9"`);
    await queryRunner.query(`ALTER TABLE "leads" DROP CONSTRAINT "FK_aacdf1de558632b114c88810e41"`);
    await queryRunner.query(`ALTER TABLE "leads" DROP CONSTRAINT "FK_0bb4bfee7f438feb9b262b1871f"`);
    await queryRunner.query(`DROP INDEX "public"."ix_delivery_feedback_delivery"`);
    await queryRunner.query(`DROP INDEX "public"."ix_delivery_feedback_territory"`);
    await queryRunner.query(`DROP INDEX "public"."ix_delivery_feedback_route"`);
    await queryRunner.query(`DROP INDEX "public"."ix_delivery_feedback_center"`);
    await queryRunner.query(`DROP INDEX "public"."ix_delivery_feedback_department"`);
    await queryRunner.query(`DROP TABLE "delivery_feedback"`);
    await queryRunner.query(`DROP INDEX "public"."uq_deliveries_retailer_order_attempt"`);
    await queryRunner.query(`DROP INDEX "public"."uq_deliveries_run_position"`);
    await queryRunner.query(`DROP INDEX "public"."ix_deliveries_route_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_deliveries_territory_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_deliveries_retailer_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_deliveries_center_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_deliveries_department_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_deliveries_date_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_deliveries_completed_by_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_deliveries_proxy"`);
    await queryRunner.query(`DROP TABLE "deliveries"`);
    await queryRunner.query(`DROP INDEX "public"."uq_delivery_runs_route_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_delivery_runs_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_delivery_runs_center_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_delivery_runs_department_date"`);
    await queryRunner.query(`DROP TABLE "delivery_runs"`);
    await queryRunner.query(`DROP TABLE "lead_policies"`);
    await queryRunner.query(`DROP INDEX "public"."ix_lead_events_lead"`);
    await queryRunner.query(`DROP TABLE "lead_events"`);
    await queryRunner.query(`DROP INDEX "public"."ix_leads_squad_reported"`);
    await queryRunner.query(`DROP INDEX "public"."ix_leads_reporter_reported"`);
    await queryRunner.query(`DROP INDEX "public"."ix_leads_department_reported"`);
    await queryRunner.query(`DROP INDEX "public"."ix_leads_center_reported"`);
    await queryRunner.query(`DROP INDEX "public"."ix_leads_status_reported"`);
    await queryRunner.query(`DROP INDEX "public"."ix_leads_retailer_reported"`);
    await queryRunner.query(`DROP INDEX "public"."ix_leads_open_important"`);
    await queryRunner.query(`DROP INDEX "public"."uq_leads_anomaly"`);
    await queryRunner.query(`DROP TABLE "leads"`);
  }
}
