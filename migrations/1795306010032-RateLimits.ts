import { MigrationInterface, QueryRunner } from "typeorm";

export class RateLimits1795306010032 implements MigrationInterface {
    name = 'RateLimits1795306010032'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "rate_limit_bucket" ("key" character varying(200) NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, CONSTRAINT "PK_297f92caac7bd103dfaf6d95490" PRIMARY KEY ("key", "window_start"))`);
        await queryRunner.query(`CREATE INDEX "IDX_de7e6cbe0f10bb7902ec5b4905" ON "rate_limit_bucket"  ("window_start") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_de7e6cbe0f10bb7902ec5b4905"`);
        await queryRunner.query(`DROP TABLE "rate_limit_bucket"`);
    }

}
