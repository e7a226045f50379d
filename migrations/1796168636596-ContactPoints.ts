import { MigrationInterface, QueryRunner } from "typeorm";

export class ContactPoints1796168636596 implements MigrationInterface {
    name = 'ContactPoints1796168636596'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."contact_point_kind" AS ENUM('CENTRAL_OFFICE', 'BRANCH_OFFICE', 'REMOTE')
        `);
        await queryRunner.query(`
            CREATE TABLE "contact_point" (
                "id" SERIAL NOT NULL,
                "kind" "public"."contact_point_kind" NOT NULL,
                "name" character varying(200) NOT NULL,
                "description" text,
                "region_id" integer NOT NULL,
                "address" character varying(300),
                "latitude" double precision,
                "longitude" double precision,
                "hosted_by_id" integer,
                "staffed_by_ids" integer array NOT NULL DEFAULT '{}',
                "accessibility" character varying(500),
                "hours" jsonb NOT NULL DEFAULT '[]',
                "exceptions" jsonb NOT NULL DEFAULT '[]',
                "visibility" "public"."visibility" NOT NULL DEFAULT 'PUBLIC',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a4953bfa453e555c2185e51dd4a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_633c46b1ec3f6accdcbe0fe4ff" ON "contact_point" ("region_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_contact_point_lat_lon" ON "contact_point" ("latitude", "longitude")
        `);
        await queryRunner.query(`
            ALTER TABLE "contact_point"
            ADD CONSTRAINT "FK_633c46b1ec3f6accdcbe0fe4ffe" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "contact_point"
            ADD CONSTRAINT "FK_ece29b83e40c9005864998a3a44" FOREIGN KEY ("hosted_by_id") REFERENCES "actor"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "contact_point" DROP CONSTRAINT "FK_ece29b83e40c9005864998a3a44"
        `);
        await queryRunner.query(`
            ALTER TABLE "contact_point" DROP CONSTRAINT "FK_633c46b1ec3f6accdcbe0fe4ffe"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_contact_point_lat_lon"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_633c46b1ec3f6accdcbe0fe4ff"
        `);
        await queryRunner.query(`
            DROP TABLE "contact_point"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."contact_point_kind"
        `);
    }

}
