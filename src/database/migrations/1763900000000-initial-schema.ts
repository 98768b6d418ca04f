import { MigrationInterface, QueryRunner } from 'typeorm';

/** The whole schema of SPEC section 1: boards and years, the goal tree, indicators, activities and budget, with their per-period results. */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "board" ("id" SERIAL NOT NULL, "code" character varying(50) NOT NULL, "name" character varying(300) NOT NULL, CONSTRAINT "UQ_677fd48b030e8ba19b2c0f1f8b6" UNIQUE ("code"), CONSTRAINT "PK_865a0f2e22c140d261b1df80eb1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "plan_year" ("id" SERIAL NOT NULL, "board_id" integer NOT NULL, "year" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_348f2c6e53489ee73c12e3f4453" UNIQUE ("board_id", "year"), CONSTRAINT "PK_78f2e70f6abbfb52513d7a86302" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "followup_period" ("id" SERIAL NOT NULL, "plan_year_id" integer NOT NULL, "period" character varying(2) NOT NULL, "locked_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_fa8c2547846efbbcf00cc057714" UNIQUE ("plan_year_id", "period"), CONSTRAINT "CHK_followup_period_period" CHECK ("period" IN ('T1', 'T2', 'VB')), CONSTRAINT "PK_34ed2ad27d6960e34d440c11ded" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "goal" ("id" SERIAL NOT NULL, "plan_year_id" integer NOT NULL, "level" character varying(20) NOT NULL, "code" character varying(50) NOT NULL, "name" text NOT NULL, "expected_result" text, "parent_id" integer, "position" integer NOT NULL, CONSTRAINT "UQ_c47888d7a7ab22d5076f9b5efc0" UNIQUE ("plan_year_id", "code"), CONSTRAINT "CHK_goal_level" CHECK ("level" IN ('councilAim', 'councilGoal', 'boardGoal')), CONSTRAINT "PK_88c8e2b461b711336c836b1e130" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "activity" ("id" SERIAL NOT NULL, "plan_year_id" integer NOT NULL, "goal_id" integer NOT NULL, "code" character varying(50) NOT NULL, "name" text NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "position" integer NOT NULL, CONSTRAINT "UQ_09c5177a5a303de249a72d3bab8" UNIQUE ("plan_year_id", "code"), CONSTRAINT "CHK_activity_dates" CHECK ("end_date" >= "start_date"), CONSTRAINT "PK_24625a1d6b1b089c8ae206fe467" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "activity_result" ("id" SERIAL NOT NULL, "followup_period_id" integer NOT NULL, "activity_id" integer NOT NULL, "deviation" boolean NOT NULL, "comment" text, CONSTRAINT "UQ_51e21bfef47caf6006f761fdd5d" UNIQUE ("followup_period_id", "activity_id"), CONSTRAINT "PK_064bb810650cf46d2a30ae15e9d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "account_group" ("id" SERIAL NOT NULL, "plan_year_id" integer NOT NULL, "name" character varying(300) NOT NULL, "type" character varying(10) NOT NULL, "budget" bigint NOT NULL, "position" integer NOT NULL, CONSTRAINT "UQ_82ff8d017f7dfa7cebb4c4ebd02" UNIQUE ("plan_year_id", "name"), CONSTRAINT "CHK_account_group_type" CHECK ("type" IN ('revenue', 'cost')), CONSTRAINT "PK_26903426dfff4c2d0ad461ed19b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "account_group_result" ("id" SERIAL NOT NULL, "followup_period_id" integer NOT NULL, "account_group_id" integer NOT NULL, "actual" bigint, "forecast" bigint, "previous_year_budget" bigint, "previous_year_actual" bigint, CONSTRAINT "UQ_9b19871d29d7f0a36a089c97a37" UNIQUE ("followup_period_id", "account_group_id"), CONSTRAINT "PK_4f26d8501822e23c7cfdc60d6a4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "operating_area" ("id" SERIAL NOT NULL, "plan_year_id" integer NOT NULL, "name" character varying(300) NOT NULL, "previous_year_actual" bigint, "budget" bigint NOT NULL, "position" integer NOT NULL, CONSTRAINT "UQ_742f7b79a41e4a25e12a3b15cf9" UNIQUE ("plan_year_id", "name"), CONSTRAINT "PK_cf506c60820c3072738e5806930" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "operating_area_result" ("id" SERIAL NOT NULL, "followup_period_id" integer NOT NULL, "operating_area_id" integer NOT NULL, "forecast" bigint NOT NULL, "adjustment" bigint NOT NULL DEFAULT '0', CONSTRAINT "UQ_fb71f672a616246dd3b0931f9a8" UNIQUE ("followup_period_id", "operating_area_id"), CONSTRAINT "PK_fb648216bfb3b6340a2f2143ed3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "goal_assessment" ("id" SERIAL NOT NULL, "followup_period_id" integer NOT NULL, "goal_id" integer NOT NULL, "assessment" character varying(10), "analysis" text, CONSTRAINT "UQ_9a26d03ca7c36f87f94fed9e933" UNIQUE ("followup_period_id", "goal_id"), CONSTRAINT "CHK_goal_assessment_assessment" CHECK ("assessment" IN ('full', 'partial', 'none')), CONSTRAINT "PK_ea15579b6edad07b5612e5c4293" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "indicator" ("id" SERIAL NOT NULL, "plan_year_id" integer NOT NULL, "goal_id" integer NOT NULL, "code" character varying(50) NOT NULL, "name" text NOT NULL, "source" character varying(10) NOT NULL, "unit" character varying(10) NOT NULL, "direction" character varying(10) NOT NULL, "gender_split" boolean NOT NULL, "frequency" character varying(10) NOT NULL, "annual_target" numeric, "council_target" numeric, "tolerance" numeric, "partial_threshold" numeric, "previous_year_outcome" numeric, "position" integer NOT NULL, CONSTRAINT "UQ_c1d9f2339e742f3cd7c8b96613b" UNIQUE ("plan_year_id", "code"), CONSTRAINT "CHK_indicator_frequency" CHECK ("frequency" IN ('tertial', 'halfyear', 'year')), CONSTRAINT "CHK_indicator_direction" CHECK ("direction" IN ('increase', 'decrease', 'range')), CONSTRAINT "CHK_indicator_unit" CHECK ("unit" IN ('percent', 'count', 'index', 'days', 'sek')), CONSTRAINT "CHK_indicator_source" CHECK ("source" IN ('board', 'council')), CONSTRAINT "PK_4693fe4c2cb912a71e05c589e7e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "indicator_result" ("id" SERIAL NOT NULL, "followup_period_id" integer NOT NULL, "indicator_id" integer NOT NULL, "outcome" numeric, "men" numeric, "women" numeric, "forecast" numeric, "analysis" text, CONSTRAINT "UQ_879d33f104a4f149b7c778b3a87" UNIQUE ("followup_period_id", "indicator_id"), CONSTRAINT "PK_16a97e42c58d56105544ee15732" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "plan_year" ADD CONSTRAINT "FK_95cba1a09264ef1b932c828cd43" FOREIGN KEY ("board_id") REFERENCES "board"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "followup_period" ADD CONSTRAINT "FK_86a1da68e8ed07345f39590fe65" FOREIGN KEY ("plan_year_id") REFERENCES "plan_year"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "goal" ADD CONSTRAINT "FK_f15963393e643d124f1cd7298f3" FOREIGN KEY ("plan_year_id") REFERENCES "plan_year"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "goal" ADD CONSTRAINT "FK_3ae07251b44c858216f47990e3b" FOREIGN KEY ("parent_id") REFERENCES "goal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "activity" ADD CONSTRAINT "FK_eeae09306dd7e925d10aadbb53a" FOREIGN KEY ("plan_year_id") REFERENCES "plan_year"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "activity" ADD CONSTRAINT "FK_ffba2360d2e004af483d51f8741" FOREIGN KEY ("goal_id") REFERENCES "goal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "activity_result" ADD CONSTRAINT "FK_f0b1de78f60520bad962f0d2133" FOREIGN KEY ("followup_period_id") REFERENCES "followup_period"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "activity_result" ADD CONSTRAINT "FK_80fd9735b8812d0ec0096eee7f8" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "account_group" ADD CONSTRAINT "FK_4a3001d0ce6f88cae46529ef150" FOREIGN KEY ("plan_year_id") REFERENCES "plan_year"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "account_group_result" ADD CONSTRAINT "FK_182f45ddfcbfcf45d3be5fef352" FOREIGN KEY ("followup_period_id") REFERENCES "followup_period"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "account_group_result" ADD CONSTRAINT "FK_563bce7f4b793150ec7f1ec66d1" FOREIGN KEY ("account_group_id") REFERENCES "account_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "operating_area" ADD CONSTRAINT "FK_37fc318f1949b3d210b59828b26" FOREIGN KEY ("plan_year_id") REFERENCES "plan_year"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "operating_area_result" ADD CONSTRAINT "FK_a30e246c5995b2417c7937ff949" FOREIGN KEY ("followup_period_id") REFERENCES "followup_period"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "operating_area_result" ADD CONSTRAINT "FK_b8894bfdad4967686e69142e374" FOREIGN KEY ("operating_area_id") REFERENCES "operating_area"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "goal_assessment" ADD CONSTRAINT "FK_a07099560507a572a1826fce309" FOREIGN KEY ("followup_period_id") REFERENCES "followup_period"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "goal_assessment" ADD CONSTRAINT "FK_4bdd2a04b53235e6179810e7934" FOREIGN KEY ("goal_id") REFERENCES "goal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "indicator" ADD CONSTRAINT "FK_4f941099e2d07ef54664bd548b9" FOREIGN KEY ("plan_year_id") REFERENCES "plan_year"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "indicator" ADD CONSTRAINT "FK_702c10922b291b216dce50a7623" FOREIGN KEY ("goal_id") REFERENCES "goal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "indicator_result" ADD CONSTRAINT "FK_9f6dd39a26b4d6e9d3898f3a29a" FOREIGN KEY ("followup_period_id") REFERENCES "followup_period"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "indicator_result" ADD CONSTRAINT "FK_b066a665d83652fe534b24ffa30" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "indicator_result" CASCADE`);
    await queryRunner.query(`DROP TABLE "indicator" CASCADE`);
    await queryRunner.query(`DROP TABLE "goal_assessment" CASCADE`);
    await queryRunner.query(`DROP TABLE "operating_area_result" CASCADE`);
    await queryRunner.query(`DROP TABLE "operating_area" CASCADE`);
    await queryRunner.query(`DROP TABLE "account_group_result" CASCADE`);
    await queryRunner.query(`DROP TABLE "account_group" CASCADE`);
    await queryRunner.query(`DROP TABLE "activity_result" CASCADE`);
    await queryRunner.query(`DROP TABLE "activity" CASCADE`);
    await queryRunner.query(`DROP TABLE "goal" CASCADE`);
    await queryRunner.query(`DROP TABLE "followup_period" CASCADE`);
    await queryRunner.query(`DROP TABLE "plan_year" CASCADE`);
    await queryRunner.query(`DROP TABLE "board" CASCADE`);
  }
}
