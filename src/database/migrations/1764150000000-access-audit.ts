import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail of access (SPEC 7): every account created, role given or taken away and
 * account disabled, from the command line or the admin pages. Append-only like audit_entry.
 */
export class AccessAudit1764150000000 implements MigrationInterface {
  name = 'AccessAudit1764150000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "access_audit_entry" ("id" BIGSERIAL NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor" character varying(100), "source" character varying(10) NOT NULL, "target_username" character varying(100) NOT NULL, "action" character varying(20) NOT NULL, "role" character varying(20), "board_code" character varying(50), CONSTRAINT "PK_695058824b84a5a6d3507276246" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ff430ae01ad097a1bfec7c3b06" ON "access_audit_entry" ("target_username") `);
    await queryRunner.query(
      `CREATE TRIGGER "access_audit_entry_append_only" BEFORE UPDATE OR DELETE ON "access_audit_entry" FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "access_audit_entry_append_only" ON "access_audit_entry"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ff430ae01ad097a1bfec7c3b06"`);
    await queryRunner.query(`DROP TABLE "access_audit_entry"`);
  }
}
