import { MigrationInterface, QueryRunner } from "typeorm";

export class Surveys1796194224319 implements MigrationInterface {
    name = 'Surveys1796194224319'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."survey_status" AS ENUM('DRAFT', 'OPEN', 'CLOSED')
        `);
        await queryRunner.query(`
            CREATE TABLE "survey" (
                "id" SERIAL NOT NULL,
                "title" character varying(200) NOT NULL,
                "introduction" text,
                "region_id" integer NOT NULL,
                "audience" "public"."actor_kind" array NOT NULL DEFAULT '{}',
                "status" "public"."survey_status" NOT NULL DEFAULT 'DRAFT',
                "opens_at" TIMESTAMP WITH TIME ZONE,
                "closes_at" TIMESTAMP WITH TIME ZONE,
                "questions" jsonb NOT NULL DEFAULT '[]',
                "copied_from_id" integer,
                "last_reminded_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f0da32b9181e9c02ecf0be11ed3" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_survey_region_status" ON "survey" ("region_id", "status")
        `);
        await queryRunner.query(`
            CREATE TABLE "survey_invitation" (
                "id" SERIAL NOT NULL,
                "survey_id" integer NOT NULL,
                "actor_id" integer NOT NULL,
                "region_id" integer NOT NULL,
                "reachable" boolean NOT NULL,
                "responded_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_survey_invitation_actor" UNIQUE ("survey_id", "actor_id"),
                CONSTRAINT "PK_cec5c4bf3e2b8193d2b88f11c22" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_02a80a282ca3b79c9e70f18a1f" ON "survey_invitation" ("actor_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "survey_response" (
                "id" SERIAL NOT NULL,
                "survey_id" integer NOT NULL,
                "actor_id" integer NOT NULL,
                "answers" jsonb NOT NULL,
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_survey_response_actor" UNIQUE ("survey_id", "actor_id"),
                CONSTRAINT "CHK_survey_response_answers" CHECK (jsonb_typeof("answers") = 'array'),
                CONSTRAINT "PK_d9326eb52bf8b23d56a39ce419a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_eac6ab9275f35e6bd5cb770b51" ON "survey_response" ("actor_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "survey"
            ADD CONSTRAINT "FK_93726e1b8d5d8f2e9c95ffe55e8" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "survey"
            ADD CONSTRAINT "FK_11c144e3483e89e094489a985d7" FOREIGN KEY ("copied_from_id") REFERENCES "survey"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_invitation"
            ADD CONSTRAINT "FK_583cd61450da7d20b90fe7487bf" FOREIGN KEY ("survey_id") REFERENCES "survey"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_invitation"
            ADD CONSTRAINT "FK_02a80a282ca3b79c9e70f18a1f5" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_invitation"
            ADD CONSTRAINT "FK_7e5f10f8f2db43e099185d43367" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_response"
            ADD CONSTRAINT "FK_3282a960be3ebb4c396bc1e391a" FOREIGN KEY ("survey_id") REFERENCES "survey"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_response"
            ADD CONSTRAINT "FK_eac6ab9275f35e6bd5cb770b515" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "survey_response" DROP CONSTRAINT "FK_eac6ab9275f35e6bd5cb770b515"
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_response" DROP CONSTRAINT "FK_3282a960be3ebb4c396bc1e391a"
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_invitation" DROP CONSTRAINT "FK_7e5f10f8f2db43e099185d43367"
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_invitation" DROP CONSTRAINT "FK_02a80a282ca3b79c9e70f18a1f5"
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_invitation" DROP CONSTRAINT "FK_583cd61450da7d20b90fe7487bf"
        `);
        await queryRunner.query(`
            ALTER TABLE "survey" DROP CONSTRAINT "FK_11c144e3483e89e094489a985d7"
        `);
        await queryRunner.query(`
            ALTER TABLE "survey" DROP CONSTRAINT "FK_93726e1b8d5d8f2e9c95ffe55e8"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_eac6ab9275f35e6bd5cb770b51"
        `);
        await queryRunner.query(`
            DROP TABLE "survey_response"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_02a80a282ca3b79c9e70f18a1f"
        `);
        await queryRunner.query(`
            DROP TABLE "survey_invitation"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_survey_region_status"
        `);
        await queryRunner.query(`
            DROP TABLE "survey"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."survey_status"
        `);
    }

}
