import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LeadDeadlineIndexes1796619110278 implements MigrationInterface {
  name = 'LeadDeadlineIndexes1796619110278';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_leads_squad_deadline" ON "leads"  ("squad_id", "deadline_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_leads_department_deadline" ON "leads"  ("department_id", "deadline_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_leads_department_deadline"`);
    await queryRunner.query(`DROP INDEX "public"."ix_leads_squad_deadline"`);
  }
}
