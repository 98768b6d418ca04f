import { MigrationInterface, QueryRunner } from 'typeorm';

/** The report's narrative texts (SPEC 2.2): per-period texts, and a comment per verksamhetsområde. */
export class ReportTexts1763990000000 implements MigrationInterface {
  name = 'ReportTexts1763990000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "period_text" ("id" SERIAL NOT NULL, "followup_period_id" integer NOT NULL, "key" character varying(400) NOT NULL, "heading" text, "text" text NOT NULL, "position" integer NOT NULL, CONSTRAINT "UQ_b466746397a3f681a11ebfa6d83" UNIQUE ("followup_period_id", "key"), CONSTRAINT "PK_period_text" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "period_text" ADD CONSTRAINT "FK_7f958ee85649c411deb9ba31ff4" FOREIGN KEY ("followup_period_id") REFERENCES "followup_period"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "operating_area_result" ADD "comment" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "operating_area_result" DROP COLUMN "comment"`);
    await queryRunner.query(`DROP TABLE "period_text" CASCADE`);
  }
}
