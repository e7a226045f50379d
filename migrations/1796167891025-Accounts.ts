import { MigrationInterface, QueryRunner } from "typeorm";

export class Accounts1796167891025 implements MigrationInterface {
    name = 'Accounts1796167891025'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."account_role" AS ENUM(
                'MEMBER',
                'NETWORKER',
                'COORDINATOR',
                'ADMIN',
                'PILOT'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "account" (
                "id" SERIAL NOT NULL,
                "email" character varying(254) NOT NULL,
                "display_name" character varying(200) NOT NULL,
                "role" "public"."account_role" NOT NULL,
                "actor_ids" integer array NOT NULL DEFAULT '{}',
                "region_ids" integer array NOT NULL DEFAULT '{}',
                "pilot_id" integer,
                "disabled" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_sign_in_at" TIMESTAMP WITH TIME ZONE,
                "session_generation" integer NOT NULL DEFAULT '1',
                CONSTRAINT "account_email_lower" CHECK ("email" = lower("email")),
                CONSTRAINT "PK_54115ee388cdb6d86bb4bf5b2ea" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_4c8f96ccf523e9a3faefd5bdd4" ON "account" ("email")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_4c8f96ccf523e9a3faefd5bdd4"
        `);
        await queryRunner.query(`
            DROP TABLE "account"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."account_role"
        `);
    }

}
