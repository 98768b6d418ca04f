import { MigrationInterface, QueryRunner } from 'typeorm';

/** An indicator's own threshold for "Försämring mot föregående år" (null: 5 % of the årsmål). */
export class DeteriorationThreshold1764160000000 implements MigrationInterface {
  name = 'DeteriorationThreshold1764160000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "indicator" ADD "deterioration_threshold" numeric`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "indicator" DROP COLUMN "deterioration_threshold"`);
  }
}
