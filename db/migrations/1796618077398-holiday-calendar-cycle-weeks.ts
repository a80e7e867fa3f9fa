import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HolidayCalendarCycleWeeks1796618077398 implements MigrationInterface {
  name = 'HolidayCalendarCycleWeeks1796618077398';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_days" ("department_id" integer NOT NULL, "day" date NOT NULL, "kind" text NOT NULL, "name" text NOT NULL DEFAULT '', "updated_by" integer, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_calendar_days_working_weekend" CHECK (kind <> 'workingDay' OR extract(isodow FROM day) >= 6), CONSTRAINT "ck_calendar_days_kind" CHECK (kind IN ('dayOff','workingDay')), CONSTRAINT "PK_db7e669a75c39a12f27ddd09b55" PRIMARY KEY ("department_id", "day"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_calendar_days_day" ON "calendar_days"  ("day") `);
    await queryRunner.query(
      `CREATE TABLE "calendar_policies" ("department_id" integer NOT NULL, "order_day_off" text NOT NULL, "updated_by" integer, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_calendar_policies_day_off" CHECK (order_day_off IN ('earlier','later','cancel')), CONSTRAINT "PK_65dfb08ad8fe797c9f4bc3c7982" PRIMARY KEY ("department_id"))`,
    );
    // A cycle's week: the Monday of its order day for the cycles there already (none was moved out of its week
    // on purpose before weeks existed: a move kept the week or left a duplicate behind).
    await queryRunner.query(`ALTER TABLE "order_cycles" ADD "order_week" date`);
    await queryRunner.query(`UPDATE order_cycles SET order_week = date_trunc('week', order_date)::date`);
    // The duplicates the date-keyed generator made (a moved cycle recreated, a weekday change): per territory
    // and week the cycle furthest along stays; the others, never opened and without demand, go.
    await queryRunner.query(`
      DELETE FROM order_cycles c USING (
        SELECT id, row_number() OVER (PARTITION BY territory_id, order_week ORDER BY
                 CASE status WHEN 'consolidated' THEN 0 WHEN 'cut_off' THEN 1 WHEN 'open' THEN 2
                             WHEN 'scheduled' THEN 3 ELSE 4 END, id) AS rank
          FROM order_cycles) r
       WHERE c.id = r.id AND r.rank > 1 AND c.status IN ('scheduled', 'cancelled')
         AND NOT EXISTS (SELECT 1 FROM demands d WHERE d.cycle_id = c.id)`);
    await queryRunner.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM order_cycles GROUP BY territory_id, order_week HAVING count(*) > 1) THEN
          RAISE EXCEPTION 'order_cycles: a territory has two cycles that ran in one week; give one of them another order_week by hand, then migrate again';
        END IF;
      END $$`);
    await queryRunner.query(`ALTER TABLE "order_cycles" ALTER COLUMN "order_week" SET NOT NULL`);
    // An insert that leaves the week out (fixtures, the demo seed) gets its order day's: never a moved date's.
    await queryRunner.query(`
      CREATE FUNCTION order_cycles_default_week() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.order_week := coalesce(NEW.order_week, date_trunc('week', NEW.order_date)::date);
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER order_cycles_default_week BEFORE INSERT ON order_cycles
        FOR EACH ROW EXECUTE FUNCTION order_cycles_default_week()`);
    await queryRunner.query(`ALTER TABLE "order_cycles" ADD "placed_by" text NOT NULL DEFAULT 'schedule'`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_order_cycles_territory_week" ON "order_cycles"  ("territory_id", "order_week") `,
    );
    await queryRunner.query(
      `ALTER TABLE "order_cycles" ADD CONSTRAINT "ck_order_cycles_placed_by" CHECK (placed_by IN ('schedule','calendar','hand'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_cycles" ADD CONSTRAINT "ck_order_cycles_week_monday" CHECK (extract(isodow FROM order_week) = 1)`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_days" ADD CONSTRAINT "FK_935ed50509f1d18e1de97348710" FOREIGN KEY ("department_id") REFERENCES "org_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_policies" ADD CONSTRAINT "FK_65dfb08ad8fe797c9f4bc3c7982" FOREIGN KEY ("department_id") REFERENCES "org_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "calendar_policies" DROP CONSTRAINT "FK_65dfb08ad8fe797c9f4bc3c7982"`,
    );
    await queryRunner.query(`ALTER TABLE "calendar_days" DROP CONSTRAINT "FK_935ed50509f1d18e1de97348710"`);
    await queryRunner.query(`ALTER TABLE "order_cycles" DROP CONSTRAINT "ck_order_cycles_week_monday"`);
    await queryRunner.query(`ALTER TABLE "order_cycles" DROP CONSTRAINT "ck_order_cycles_placed_by"`);
    await queryRunner.query(`DROP INDEX "public"."uq_order_cycles_territory_week"`);
    await queryRunner.query(`ALTER TABLE "order_cycles" DROP COLUMN "placed_by"`);
    await queryRunner.query(`DROP TRIGGER order_cycles_default_week ON order_cycles`);
    await queryRunner.query(`DROP FUNCTION order_cycles_default_week()`);
    await queryRunner.query(`ALTER TABLE "order_cycles" DROP COLUMN "order_week"`);
    await queryRunner.query(`DROP TABLE "calendar_policies"`);
    await queryRunner.query(`DROP INDEX "public"."ix_calendar_days_day"`);
    await queryRunner.query(`DROP TABLE "calendar_days"`);
  }
}
