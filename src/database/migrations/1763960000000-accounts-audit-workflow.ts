import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC 7: accounts with roles per board and their sign-in tokens; the audit trail, which a
 * trigger keeps append-only; the period workflow (open → submitted → approved), where an
 * earlier lock becomes an approval; and a version per period row for If-Match.
 */
export class AccountsAuditWorkflow1763960000000 implements MigrationInterface {
  name = 'AccountsAuditWorkflow1763960000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "app_user" ("id" SERIAL NOT NULL, "username" character varying(100) NOT NULL, "password_hash" text, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_c480e576dd71729addbc2d51b67" UNIQUE ("username"), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "user_grant" ("id" SERIAL NOT NULL, "user_id" integer NOT NULL, "role" character varying(20) NOT NULL, "board_code" character varying(50), CONSTRAINT "CHK_user_grant_board" CHECK (("role" = 'admin') = ("board_code" IS NULL)), CONSTRAINT "CHK_user_grant_role" CHECK ("role" IN ('controller', 'manager', 'auditor', 'admin')), CONSTRAINT "PK_e9eea2349b9a7cc21b068b56dec" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "auth_token" ("id" SERIAL NOT NULL, "token_hash" character varying(64) NOT NULL, "user_id" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_4572ff5d1264c4a523f01aa86a0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_bf636362c6d210728e4539630b" ON "auth_token" ("token_hash") `);
    await queryRunner.query(`ALTER TABLE "user_grant" ADD CONSTRAINT "FK_0be169db8e75929dc755b9ef7bb" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "auth_token" ADD CONSTRAINT "FK_26b580c89e141c75426f44317bc" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    await queryRunner.query(`CREATE TABLE "audit_entry" ("id" BIGSERIAL NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "username" character varying(100), "source" character varying(10) NOT NULL, "board_code" character varying(50) NOT NULL, "year" integer NOT NULL, "period" character varying(10), "object_kind" character varying(50) NOT NULL, "object_code" text NOT NULL, "field" character varying(100) NOT NULL, "old_value" text, "new_value" text, CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_abbac939bfe3f2ee522cc5c8ac" ON "audit_entry" ("board_code", "year", "period") `);
    // Append-only, whoever connects: an UPDATE or DELETE of the audit trail is refused by the database itself.
    await queryRunner.query(`CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'Ändringsloggen kan inte ändras eller tas bort.';
      END;
    $$`);
    await queryRunner.query(`CREATE TRIGGER "audit_entry_append_only" BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"()`);

    await queryRunner.query(`ALTER TABLE "followup_period" ADD "state" character varying(10) NOT NULL DEFAULT 'open'`);
    await queryRunner.query(`ALTER TABLE "followup_period" ADD "submitted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "followup_period" ADD "submitted_by" character varying(100)`);
    await queryRunner.query(`ALTER TABLE "followup_period" ADD "approved_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "followup_period" ADD "approved_by" character varying(100)`);
    // A period locked before the workflow existed is an approved one.
    await queryRunner.query(`UPDATE "followup_period" SET "state" = 'approved', "approved_at" = "locked_at" WHERE "locked_at" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "followup_period" DROP COLUMN "locked_at"`);
    await queryRunner.query(`ALTER TABLE "followup_period" ADD CONSTRAINT "CHK_followup_period_state" CHECK ("state" IN ('open', 'submitted', 'approved'))`);

    for (const table of ['indicator_result', 'goal_assessment', 'activity_result', 'operating_area_result', 'account_group_result']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "version" integer NOT NULL DEFAULT '1'`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['indicator_result', 'goal_assessment', 'activity_result', 'operating_area_result', 'account_group_result']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "version"`);
    }
    await queryRunner.query(`ALTER TABLE "followup_period" DROP CONSTRAINT "CHK_followup_period_state"`);
    await queryRunner.query(`ALTER TABLE "followup_period" ADD "locked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "followup_period" SET "locked_at" = "approved_at" WHERE "state" = 'approved'`);
    for (const column of ['approved_by', 'approved_at', 'submitted_by', 'submitted_at', 'state']) {
      await queryRunner.query(`ALTER TABLE "followup_period" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`DROP TRIGGER "audit_entry_append_only" ON "audit_entry"`);
    await queryRunner.query(`DROP FUNCTION "audit_entry_append_only"()`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP TABLE "auth_token"`);
    await queryRunner.query(`DROP TABLE "user_grant"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
  }
}
