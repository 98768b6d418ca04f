import { MigrationInterface, QueryRunner } from 'typeorm';

/** Kolada (issue 10): an indicator's KPI id, and the plan year's municipality or organisational unit. */
export class Kolada1764170000000 implements MigrationInterface {
  name = 'Kolada1764170000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plan_year" ADD "kolada_municipality" character varying(10)`);
    await queryRunner.query(`ALTER TABLE "plan_year" ADD "kolada_ou" character varying(30)`);
    await queryRunner.query(`ALTER TABLE "indicator" ADD "kolada_kpi" character varying(20)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "indicator" DROP COLUMN "kolada_kpi"`);
    await queryRunner.query(`ALTER TABLE "plan_year" DROP COLUMN "kolada_ou"`);
    await queryRunner.query(`ALTER TABLE "plan_year" DROP COLUMN "kolada_municipality"`);
  }
}
