import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Runs of reports for many boards (issue 11) and their finished files, kept in the database
 * so that any app instance can show a run's progress and serve its files.
 */
export class ReportJobs1764300000000 implements MigrationInterface {
  name = 'ReportJobs1764300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report_job" ("id" uuid NOT NULL, "requested_by" character varying(100) NOT NULL, "year" integer NOT NULL, "period" character varying(3) NOT NULL, "formats" text NOT NULL, "boards" jsonb NOT NULL, "state" character varying(10) NOT NULL, "done" integer NOT NULL DEFAULT '0', "total" integer NOT NULL, "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_35e715439e5691b45a9e4710aeb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_91ad42bc36a462506d1a111098" ON "report_job" ("requested_by", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "report_job_file" ("id" BIGSERIAL NOT NULL, "job_id" uuid NOT NULL, "board_code" character varying(50) NOT NULL, "format" character varying(4) NOT NULL, "file_name" character varying(300) NOT NULL, "content_type" character varying(200) NOT NULL, "size" integer NOT NULL, "content" bytea NOT NULL, CONSTRAINT "PK_23063ccf11d039e904b9a987039" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_186d232fbad7064d3df8d9bfad" ON "report_job_file" ("job_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_186d232fbad7064d3df8d9bfad"`);
    await queryRunner.query(`DROP TABLE "report_job_file"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_91ad42bc36a462506d1a111098"`);
    await queryRunner.query(`DROP TABLE "report_job"`);
  }
}
