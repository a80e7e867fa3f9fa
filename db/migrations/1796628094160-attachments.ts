import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Attachments1796628094160 implements MigrationInterface {
  name = 'Attachments1796628094160';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "attachments" ("id" SERIAL NOT NULL, "owner_kind" text NOT NULL, "owner_id" integer NOT NULL, "kind" text NOT NULL, "media_type" text NOT NULL, "size_bytes" integer NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "sha256" character(64) NOT NULL, "content" bytea NOT NULL, "uploaded_by" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_attachments_size" CHECK (size_bytes > 0 AND size_bytes = octet_length(content)), CONSTRAINT "ck_attachments_kind" CHECK (kind IN ('photo', 'signature')), CONSTRAINT "PK_5e1f050bcff31e3084a1d662412" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_attachments_owner" ON "attachments"  ("owner_kind", "owner_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "attachments" ADD CONSTRAINT "FK_e25812e3fd9b3f3edf11b2c5d58" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "attachments" DROP CONSTRAINT "FK_e25812e3fd9b3f3edf11b2c5d58"`);
    await queryRunner.query(`DROP INDEX "public"."ix_attachments_owner"`);
    await queryRunner.query(`DROP TABLE "attachments"`);
  }
}
