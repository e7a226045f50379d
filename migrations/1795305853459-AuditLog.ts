import { MigrationInterface, QueryRunner } from "typeorm";

export class AuditLog1795305853459 implements MigrationInterface {
    name = 'AuditLog1795305853459'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_entry" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "subject" character varying(200) NOT NULL, "role" character varying(20) NOT NULL, "operation" character varying(100) NOT NULL, "target_ids" text array NOT NULL DEFAULT '{}', "region_id" integer, CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_15cd16d652cff9278f9c0f0e93" ON "audit_entry"  ("occurred_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_7581e7b6b07cc2aae2381d00bd" ON "audit_entry"  ("region_id") `);
        // Append-only: the log cannot be edited or pruned through the application's connection.
        await queryRunner.query(`CREATE FUNCTION hub_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'audit_entry is append-only'; END $$`);
        await queryRunner.query(`CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
            FOR EACH STATEMENT EXECUTE FUNCTION hub_audit_append_only()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER audit_entry_append_only ON audit_entry`);
        await queryRunner.query(`DROP FUNCTION hub_audit_append_only()`);
        await queryRunner.query(`DROP INDEX "public"."IDX_7581e7b6b07cc2aae2381d00bd"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_15cd16d652cff9278f9c0f0e93"`);
        await queryRunner.query(`DROP TABLE "audit_entry"`);
    }

}
