import { MigrationInterface, QueryRunner } from "typeorm";

export class ActivityLog1796167812729 implements MigrationInterface {
    name = 'ActivityLog1796167812729'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "activity" (
                "position" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "type" character varying(40) NOT NULL,
                "region_id" integer NOT NULL,
                "subject_type" character varying(40) NOT NULL,
                "subject_id" integer NOT NULL,
                "visibility" "public"."visibility" NOT NULL,
                "actor_ids" integer array NOT NULL DEFAULT '{}',
                "summary" character varying(300) NOT NULL,
                "data" jsonb NOT NULL DEFAULT '{}',
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b5894d41bc3498bdd546e807175" PRIMARY KEY ("position")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_6824ce1f071df6d601abc587c9" ON "activity" ("occurred_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_activity_region_position" ON "activity" ("region_id", "position")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_activity_region_position"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_6824ce1f071df6d601abc587c9"
        `);
        await queryRunner.query(`
            DROP TABLE "activity"
        `);
    }

}
