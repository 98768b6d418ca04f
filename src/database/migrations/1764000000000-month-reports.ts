import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Månadsrapporter (SPEC 1, 2.2, 3.4): the periods M01–M12 besides T1, T2 and VB, and per
 * verksamhetsområde and period the prestationsförändring and the återredovisning.
 */
export class MonthReports1764000000000 implements MigrationInterface {
  name = 'MonthReports1764000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "followup_period" DROP CONSTRAINT "CHK_followup_period_period"`);
    await queryRunner.query(`ALTER TABLE "followup_period" ALTER COLUMN "period" TYPE character varying(3)`);
    await queryRunner.query(
      `ALTER TABLE "followup_period" ADD CONSTRAINT "CHK_followup_period_period" CHECK ("period" IN ('T1', 'T2', 'VB', 'M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12'))`,
    );
    await queryRunner.query(`ALTER TABLE "operating_area_result" ADD "volume_change" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "operating_area_result" ADD "returned" bigint NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "operating_area_result" DROP COLUMN "returned"`);
    await queryRunner.query(`ALTER TABLE "operating_area_result" DROP COLUMN "volume_change"`);
    await queryRunner.query(`DELETE FROM "followup_period" WHERE "period" LIKE 'M%'`);
    await queryRunner.query(`ALTER TABLE "followup_period" DROP CONSTRAINT "CHK_followup_period_period"`);
    await queryRunner.query(`ALTER TABLE "followup_period" ALTER COLUMN "period" TYPE character varying(2)`);
    await queryRunner.query(`ALTER TABLE "followup_period" ADD CONSTRAINT "CHK_followup_period_period" CHECK ("period" IN ('T1', 'T2', 'VB'))`);
  }
}
