import { MigrationInterface, QueryRunner } from 'typeorm';

/** The city's reader (`city`): a role on every board at once, like the administrator, without a board code. */
export class CityRole1764200000000 implements MigrationInterface {
  name = 'CityRole1764200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_grant" DROP CONSTRAINT "CHK_user_grant_role"`);
    await queryRunner.query(`ALTER TABLE "user_grant" DROP CONSTRAINT "CHK_user_grant_board"`);
    await queryRunner.query(`ALTER TABLE "user_grant" ADD CONSTRAINT "CHK_user_grant_role" CHECK ("role" IN ('controller', 'manager', 'auditor', 'city', 'admin'))`);
    await queryRunner.query(`ALTER TABLE "user_grant" ADD CONSTRAINT "CHK_user_grant_board" CHECK (("role" IN ('admin', 'city')) = ("board_code" IS NULL))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "user_grant" WHERE "role" = 'city'`);
    await queryRunner.query(`ALTER TABLE "user_grant" DROP CONSTRAINT "CHK_user_grant_board"`);
    await queryRunner.query(`ALTER TABLE "user_grant" DROP CONSTRAINT "CHK_user_grant_role"`);
    await queryRunner.query(`ALTER TABLE "user_grant" ADD CONSTRAINT "CHK_user_grant_role" CHECK ("role" IN ('controller', 'manager', 'auditor', 'admin'))`);
    await queryRunner.query(`ALTER TABLE "user_grant" ADD CONSTRAINT "CHK_user_grant_board" CHECK (("role" = 'admin') = ("board_code" IS NULL))`);
  }
}
