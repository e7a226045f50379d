// Engagement funds (issue 19): programmes, applications and board reviews. Generated, read:
// the checks hold the money (committed <= budget, paid <= committed, paid <= approved) and the
// unique constraint holds one review per board member and application.
import { MigrationInterface, QueryRunner } from "typeorm";

export class EngagementFunds1796194165277 implements MigrationInterface {
    name = 'EngagementFunds1796194165277'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."programme_status" AS ENUM('OPEN', 'CLOSED')
        `);
        await queryRunner.query(`
            CREATE TABLE "funding_programme" (
                "id" SERIAL NOT NULL,
                "name" character varying(200) NOT NULL,
                "description" text,
                "region_id" integer NOT NULL,
                "period_start" date NOT NULL,
                "period_end" date NOT NULL,
                "budget_cents" integer NOT NULL,
                "committed_cents" integer NOT NULL DEFAULT '0',
                "paid_cents" integer NOT NULL DEFAULT '0',
                "max_grant_cents" integer,
                "eligible_kinds" "public"."actor_kind" array NOT NULL DEFAULT '{}',
                "board_id" integer,
                "review_quorum" integer NOT NULL DEFAULT '2',
                "application_deadline" TIMESTAMP WITH TIME ZONE,
                "status" "public"."programme_status" NOT NULL DEFAULT 'OPEN',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_funding_programme_quorum" CHECK ("review_quorum" >= 1),
                CONSTRAINT "CHK_funding_programme_period" CHECK ("period_end" >= "period_start"),
                CONSTRAINT "CHK_funding_programme_paid" CHECK (
                    "paid_cents" >= 0
                    AND "paid_cents" <= "committed_cents"
                ),
                CONSTRAINT "CHK_funding_programme_committed" CHECK (
                    "committed_cents" >= 0
                    AND "committed_cents" <= "budget_cents"
                ),
                CONSTRAINT "CHK_funding_programme_budget" CHECK ("budget_cents" > 0),
                CONSTRAINT "PK_37692af48dfd9ca2cf50a8abb6e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_aeda15b33525cece55e24f331c" ON "funding_programme" ("region_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."application_status" AS ENUM(
                'DRAFT',
                'SUBMITTED',
                'RECOMMENDED',
                'NOT_RECOMMENDED',
                'APPROVED',
                'REJECTED',
                'WITHDRAWN',
                'PAID',
                'REPORTED'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "funding_application" (
                "id" SERIAL NOT NULL,
                "programme_id" integer NOT NULL,
                "applicant_id" integer NOT NULL,
                "region_id" integer NOT NULL,
                "board_id" integer,
                "title" character varying(200) NOT NULL,
                "purpose" text NOT NULL,
                "requested_cents" integer NOT NULL,
                "approved_cents" integer,
                "paid_cents" integer NOT NULL DEFAULT '0',
                "status" "public"."application_status" NOT NULL DEFAULT 'DRAFT',
                "need_id" integer,
                "report" text,
                "spent_cents" integer,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_funding_application_spent" CHECK (
                    "spent_cents" IS NULL
                    OR (
                        "spent_cents" >= 0
                        AND "spent_cents" <= "paid_cents"
                    )
                ),
                CONSTRAINT "CHK_funding_application_paid" CHECK (
                    "paid_cents" >= 0
                    AND "paid_cents" <= coalesce("approved_cents", 0)
                ),
                CONSTRAINT "CHK_funding_application_requested" CHECK ("requested_cents" > 0),
                CONSTRAINT "PK_2c940efc264ee4641063d7db8df" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_8ec34f54e45d034312394712f8" ON "funding_application" ("applicant_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_funding_application_programme_status" ON "funding_application" ("programme_id", "status")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."review_vote" AS ENUM('APPROVE', 'REJECT', 'ABSTAIN')
        `);
        await queryRunner.query(`
            CREATE TABLE "funding_review" (
                "id" SERIAL NOT NULL,
                "application_id" integer NOT NULL,
                "reviewer_sub" character varying(200) NOT NULL,
                "reviewer" character varying(200) NOT NULL,
                "vote" "public"."review_vote" NOT NULL,
                "recommended_cents" integer,
                "comment" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_funding_review_member" UNIQUE ("application_id", "reviewer_sub"),
                CONSTRAINT "CHK_funding_review_recommended" CHECK (
                    "recommended_cents" IS NULL
                    OR "recommended_cents" >= 0
                ),
                CONSTRAINT "PK_588c51134262aa3748321457aa6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "funding_programme"
            ADD CONSTRAINT "FK_aeda15b33525cece55e24f331ce" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "funding_programme"
            ADD CONSTRAINT "FK_6fb2a4fca8d3a16083bbbd0407a" FOREIGN KEY ("board_id") REFERENCES "actor"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "funding_application"
            ADD CONSTRAINT "FK_1300c44c9345b9d1e236b6b485b" FOREIGN KEY ("programme_id") REFERENCES "funding_programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "funding_application"
            ADD CONSTRAINT "FK_8ec34f54e45d034312394712f8e" FOREIGN KEY ("applicant_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "funding_application"
            ADD CONSTRAINT "FK_5795ab2488ae2433a184134e043" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "funding_application"
            ADD CONSTRAINT "FK_5da06577fa74c904b42aaa38c8a" FOREIGN KEY ("need_id") REFERENCES "need"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "funding_review"
            ADD CONSTRAINT "FK_7a99c84a9e51147320783f34371" FOREIGN KEY ("application_id") REFERENCES "funding_application"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "funding_review" DROP CONSTRAINT "FK_7a99c84a9e51147320783f34371"
        `);
        await queryRunner.query(`
            ALTER TABLE "funding_application" DROP CONSTRAINT "FK_5da06577fa74c904b42aaa38c8a"
        `);
        await queryRunner.query(`
            ALTER TABLE "funding_application" DROP CONSTRAINT "FK_5795ab2488ae2433a184134e043"
        `);
        await queryRunner.query(`
            ALTER TABLE "funding_application" DROP CONSTRAINT "FK_8ec34f54e45d034312394712f8e"
        `);
        await queryRunner.query(`
            ALTER TABLE "funding_application" DROP CONSTRAINT "FK_1300c44c9345b9d1e236b6b485b"
        `);
        await queryRunner.query(`
            ALTER TABLE "funding_programme" DROP CONSTRAINT "FK_6fb2a4fca8d3a16083bbbd0407a"
        `);
        await queryRunner.query(`
            ALTER TABLE "funding_programme" DROP CONSTRAINT "FK_aeda15b33525cece55e24f331ce"
        `);
        await queryRunner.query(`
            DROP TABLE "funding_review"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."review_vote"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_funding_application_programme_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_8ec34f54e45d034312394712f8"
        `);
        await queryRunner.query(`
            DROP TABLE "funding_application"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."application_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_aeda15b33525cece55e24f331c"
        `);
        await queryRunner.query(`
            DROP TABLE "funding_programme"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."programme_status"
        `);
    }

}
