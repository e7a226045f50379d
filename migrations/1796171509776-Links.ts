import { MigrationInterface, QueryRunner } from "typeorm";

export class Links1796171509776 implements MigrationInterface {
    name = 'Links1796171509776'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "link" (
                "id" SERIAL NOT NULL,
                "token_hash" bytea NOT NULL,
                "action" character varying(20) NOT NULL,
                "kind" character varying(40) NOT NULL,
                "subject_type" character varying(40) NOT NULL,
                "subject_id" character varying(80) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_26206fb7186da72fbb9eaa3fac9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_link_token_hash" ON "link" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_17cf535aac492b01af06d369ef" ON "link" ("subject_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_2b0f315becbf282bc96f54fa1a" ON "link" ("expires_at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_2b0f315becbf282bc96f54fa1a"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_17cf535aac492b01af06d369ef"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_link_token_hash"
        `);
        await queryRunner.query(`
            DROP TABLE "link"
        `);
    }

}
