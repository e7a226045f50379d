import { MigrationInterface, QueryRunner } from "typeorm";

// Issue 18: NeedStatus DRAFT (needs made from survey answers, hidden until published) and the
// link of a NEED answer to the need it became.

export class SurveyDraftNeeds1796194839779 implements MigrationInterface {
    name = 'SurveyDraftNeeds1796194839779'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "survey_need" (
                "need_id" integer NOT NULL,
                "response_id" integer NOT NULL,
                "question_id" character varying(20) NOT NULL,
                CONSTRAINT "PK_231c4f6dd727b1ce81db4dadfa9" PRIMARY KEY ("need_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d7f2e9bbaddc2fe7fa7753c820" ON "survey_need" ("response_id")
        `);
        // ADD VALUE may run in the migration's transaction (PostgreSQL 12+); nothing here uses it.
        await queryRunner.query(`
            ALTER TYPE "public"."need_status"
            ADD VALUE 'DRAFT'
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_need"
            ADD CONSTRAINT "FK_231c4f6dd727b1ce81db4dadfa9" FOREIGN KEY ("need_id") REFERENCES "need"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_need"
            ADD CONSTRAINT "FK_d7f2e9bbaddc2fe7fa7753c820a" FOREIGN KEY ("response_id") REFERENCES "survey_response"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "survey_need" DROP CONSTRAINT "FK_d7f2e9bbaddc2fe7fa7753c820a"
        `);
        await queryRunner.query(`
            ALTER TABLE "survey_need" DROP CONSTRAINT "FK_231c4f6dd727b1ce81db4dadfa9"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_need_region_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_need_status_ends_at"
        `);
        // Drafts have no status to go back to: they were never published.
        await queryRunner.query(`
            DELETE FROM "need" WHERE "status" = 'DRAFT'
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."need_status_old" AS ENUM('OPEN', 'FILLED', 'CLOSED', 'EXPIRED')
        `);
        await queryRunner.query(`
            ALTER TABLE "need" ALTER COLUMN "status" DROP DEFAULT
        `);
        await queryRunner.query(`
            ALTER TABLE "need"
            ALTER COLUMN "status" TYPE "public"."need_status_old" USING "status"::"text"::"public"."need_status_old"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."need_status"
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."need_status_old"
            RENAME TO "need_status"
        `);
        await queryRunner.query(`
            ALTER TABLE "need" ALTER COLUMN "status" SET DEFAULT 'OPEN'
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_need_region_status" ON "need" USING btree ("region_id", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_need_status_ends_at" ON "need" USING btree ("status", "ends_at")
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d7f2e9bbaddc2fe7fa7753c820"
        `);
        await queryRunner.query(`
            DROP TABLE "survey_need"
        `);
    }

}
