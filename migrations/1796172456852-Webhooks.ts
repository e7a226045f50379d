import { MigrationInterface, QueryRunner } from "typeorm";

export class Webhooks1796172456852 implements MigrationInterface {
    name = 'Webhooks1796172456852'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "webhook_delivery" (
                "id" SERIAL NOT NULL,
                "webhook_id" integer NOT NULL,
                "activity_position" bigint NOT NULL,
                "attempt" integer NOT NULL,
                "status_code" integer,
                "error" character varying(300),
                "delivered_at" TIMESTAMP WITH TIME ZONE,
                "next_attempt_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_webhook_delivery_webhook" ON "webhook_delivery" ("webhook_id", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "webhook" (
                "id" SERIAL NOT NULL,
                "url" character varying(2000) NOT NULL,
                "description" character varying(500),
                "region_id" integer NOT NULL,
                "types" text array NOT NULL,
                "secret" character varying(100) NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "consecutive_failures" integer NOT NULL DEFAULT '0',
                "position" bigint NOT NULL DEFAULT '0',
                "created_by" character varying(200) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e6765510c2d078db49632b59020" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d0ef12ddc06172614d176fc371" ON "webhook" ("region_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d0ef12ddc06172614d176fc371"
        `);
        await queryRunner.query(`
            DROP TABLE "webhook"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_webhook_delivery_webhook"
        `);
        await queryRunner.query(`
            DROP TABLE "webhook_delivery"
        `);
    }

}
