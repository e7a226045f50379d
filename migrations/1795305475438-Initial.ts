import { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795305475438 implements MigrationInterface {
    name = 'Initial1795305475438'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."need_event_type" AS ENUM('OPENED', 'UPDATED', 'PLEDGED', 'PLEDGE_WITHDRAWN', 'FILLED', 'REOPENED', 'CLOSED', 'EXPIRED')`);
        await queryRunner.query(`CREATE TABLE "need_event" ("position" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "type" "public"."need_event_type" NOT NULL, "need_id" integer NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7b942bf2cc1f1b9e0c503dd82b5" PRIMARY KEY ("position"))`);
        await queryRunner.query(`CREATE INDEX "IDX_55d7c144c71a8cfd4320dd4d96" ON "need_event"  ("need_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_234017c36a55ef5e77fddbb1a2" ON "need_event"  ("occurred_at") `);
        await queryRunner.query(`CREATE TYPE "public"."region_level" AS ENUM('STATE', 'DISTRICT', 'AMT', 'MUNICIPALITY', 'VILLAGE')`);
        await queryRunner.query(`CREATE TABLE "region" ("id" SERIAL NOT NULL, "name" character varying(200) NOT NULL, "level" "public"."region_level" NOT NULL, "official_key" character varying(20), "parent_id" integer, "path" character varying(400) COLLATE "C" NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5f48ffc3af96bc486f5f3f3a6da" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_2547f55866c0274d35fdd9a29c" ON "region"  ("parent_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_fe5ebce493b47061fe693b660a" ON "region"  ("path") `);
        await queryRunner.query(`CREATE TYPE "public"."actor_kind" AS ENUM('SCHOOL', 'CLUB', 'INITIATIVE', 'NETWORK_ROLE', 'MUNICIPALITY', 'VOLUNTEER_AGENCY', 'COMPANY', 'FOUNDATION', 'ADVISORY_BOARD', 'FIRE_BRIGADE', 'RELIGIOUS_COMMUNITY', 'OTHER')`);
        await queryRunner.query(`CREATE TABLE "actor" ("id" SERIAL NOT NULL, "kind" "public"."actor_kind" NOT NULL, "name" character varying(200) NOT NULL, "description" text, "region_id" integer NOT NULL, "topics" text array NOT NULL DEFAULT '{}', "website" character varying(500), "latitude" double precision, "longitude" double precision, "contact_email" character varying(320), "contact_phone" character varying(50), "contact_address" character varying(500), "school_type" character varying(100), "pupil_count" integer, "member_count" integer, "registered_association" boolean, "open_board_positions" text array, "founded_on" date, "role_title" character varying(200), "hosted_by_id" integer, "import_key" character varying(300), "search_vector" tsvector, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_05b325494fcc996a44ae6928e5e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_aee661d08698b227d22b77bb9a" ON "actor"  ("kind") `);
        await queryRunner.query(`CREATE INDEX "IDX_9b04253ee5fa38b2133b65e9b3" ON "actor"  ("region_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_9a5e9b173716693405af487349" ON "actor"  ("hosted_by_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8fa2f0a93b1973982f6d2f313f" ON "actor"  ("import_key") `);
        await queryRunner.query(`CREATE INDEX "IDX_actor_lat_lon" ON "actor"  ("latitude", "longitude") `);
        await queryRunner.query(`CREATE TYPE "public"."cooperation_kind" AS ENUM('PARTNERSHIP', 'SCHOOL_COOPERATION', 'SHARED_PROJECT', 'SPONSORSHIP', 'UMBRELLA_MEMBERSHIP', 'RESOURCE_SHARING')`);
        await queryRunner.query(`CREATE TYPE "public"."cooperation_status" AS ENUM('PROPOSED', 'ACTIVE', 'ENDED')`);
        await queryRunner.query(`CREATE TABLE "cooperation" ("id" SERIAL NOT NULL, "kind" "public"."cooperation_kind" NOT NULL, "status" "public"."cooperation_status" NOT NULL, "title" character varying(200) NOT NULL, "description" text, "started_on" date, "ended_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_359852a99f2cb00a468cb0f01b6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "cooperation_participant" ("cooperation_id" integer NOT NULL, "actor_id" integer NOT NULL, "status" "public"."cooperation_status" NOT NULL, CONSTRAINT "PK_4a582637a09209c233f153228fa" PRIMARY KEY ("cooperation_id", "actor_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_participant_actor_status" ON "cooperation_participant"  ("actor_id", "status", "cooperation_id") `);
        await queryRunner.query(`CREATE TYPE "public"."need_kind" AS ENUM('HELPERS', 'EQUIPMENT', 'ROOM', 'EXPERTISE', 'TRANSPORT', 'FUNDING', 'BOARD_POSITION', 'OTHER')`);
        await queryRunner.query(`CREATE TYPE "public"."need_status" AS ENUM('OPEN', 'FILLED', 'CLOSED', 'EXPIRED')`);
        await queryRunner.query(`CREATE TYPE "public"."urgency" AS ENUM('LOW', 'NORMAL', 'HIGH')`);
        await queryRunner.query(`CREATE TYPE "public"."visibility" AS ENUM('PUBLIC', 'NETWORK')`);
        await queryRunner.query(`CREATE TABLE "need" ("id" SERIAL NOT NULL, "actor_id" integer NOT NULL, "kind" "public"."need_kind" NOT NULL, "title" character varying(200) NOT NULL, "description" text, "region_id" integer NOT NULL, "latitude" double precision, "longitude" double precision, "quantity" integer NOT NULL, "unit" character varying(100), "pledged_quantity" integer NOT NULL DEFAULT '0', "status" "public"."need_status" NOT NULL DEFAULT 'OPEN', "urgency" "public"."urgency" NOT NULL DEFAULT 'NORMAL', "visibility" "public"."visibility" NOT NULL DEFAULT 'PUBLIC', "tags" text array NOT NULL DEFAULT '{}', "starts_at" TIMESTAMP WITH TIME ZONE, "ends_at" TIMESTAMP WITH TIME ZONE, "deadline" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "search_vector" tsvector, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_need_pledged" CHECK ("pledged_quantity" >= 0 AND "pledged_quantity" <= "quantity"), CONSTRAINT "CHK_need_quantity" CHECK ("quantity" >= 1), CONSTRAINT "PK_218b14514f334ee6f39954f86ba" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_9e02e8c7259871dd5ec4aab221" ON "need"  ("actor_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_df9159f353d86e265a68311af3" ON "need"  ("deadline") `);
        await queryRunner.query(`CREATE INDEX "IDX_need_status_ends_at" ON "need"  ("status", "ends_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_need_lat_lon" ON "need"  ("latitude", "longitude") `);
        await queryRunner.query(`CREATE INDEX "IDX_need_region_status" ON "need"  ("region_id", "status") `);
        await queryRunner.query(`CREATE TYPE "public"."pledge_status" AS ENUM('PENDING', 'CONFIRMED', 'DECLINED', 'WITHDRAWN')`);
        await queryRunner.query(`CREATE TABLE "pledge" ("id" SERIAL NOT NULL, "need_id" integer NOT NULL, "actor_id" integer, "volunteer_name" character varying(200), "volunteer_email" character varying(320), "quantity" integer NOT NULL, "note" text, "status" "public"."pledge_status" NOT NULL, "anonymized_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_pledge_quantity" CHECK ("quantity" >= 1), CONSTRAINT "PK_45ccbbcda634f9a57e8b9c41fee" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_d424e3ddec6cf2b10b4d3d071c" ON "pledge"  ("need_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_61b5cfd5762864e40e54c680e9" ON "pledge"  ("actor_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_d1dc1367f000cffcc213e64f39" ON "pledge"  ("volunteer_email") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_pledge_need_volunteer" ON "pledge"  ("need_id", "volunteer_email") WHERE "volunteer_email" IS NOT NULL AND "status" IN ('PENDING', 'CONFIRMED')`);
        await queryRunner.query(`CREATE TYPE "public"."offer_kind" AS ENUM('HELPERS', 'EQUIPMENT', 'ROOM', 'EXPERTISE', 'TRANSPORT', 'OTHER')`);
        await queryRunner.query(`CREATE TABLE "offer" ("id" SERIAL NOT NULL, "actor_id" integer NOT NULL, "kind" "public"."offer_kind" NOT NULL, "title" character varying(200) NOT NULL, "description" text, "region_id" integer NOT NULL, "latitude" double precision, "longitude" double precision, "quantity" integer, "unit" character varying(100), "tags" text array NOT NULL DEFAULT '{}', "visibility" "public"."visibility" NOT NULL DEFAULT 'PUBLIC', "available_from" TIMESTAMP WITH TIME ZONE, "available_until" TIMESTAMP WITH TIME ZONE, "active" boolean NOT NULL DEFAULT true, "search_vector" tsvector, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_57c6ae1abe49201919ef68de900" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_209a911a3ec7cebb2c06cc79b1" ON "offer"  ("actor_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_5f766b309210fe8217b7c5ef3b" ON "offer"  ("region_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_offer_lat_lon" ON "offer"  ("latitude", "longitude") `);
        await queryRunner.query(`ALTER TABLE "region" ADD CONSTRAINT "FK_2547f55866c0274d35fdd9a29c0" FOREIGN KEY ("parent_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "actor" ADD CONSTRAINT "FK_9b04253ee5fa38b2133b65e9b3a" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "actor" ADD CONSTRAINT "FK_9a5e9b173716693405af4873499" FOREIGN KEY ("hosted_by_id") REFERENCES "actor"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "cooperation_participant" ADD CONSTRAINT "FK_82a7042ce5450e6fb32297e4589" FOREIGN KEY ("cooperation_id") REFERENCES "cooperation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "cooperation_participant" ADD CONSTRAINT "FK_d6554856711f70958fd787c0eec" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "need" ADD CONSTRAINT "FK_9e02e8c7259871dd5ec4aab221f" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "need" ADD CONSTRAINT "FK_669727a43813b9152ee1b0f43cb" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "pledge" ADD CONSTRAINT "FK_d424e3ddec6cf2b10b4d3d071c1" FOREIGN KEY ("need_id") REFERENCES "need"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "pledge" ADD CONSTRAINT "FK_61b5cfd5762864e40e54c680e99" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "offer" ADD CONSTRAINT "FK_209a911a3ec7cebb2c06cc79b10" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "offer" ADD CONSTRAINT "FK_5f766b309210fe8217b7c5ef3b6" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "offer" DROP CONSTRAINT "FK_5f766b309210fe8217b7c5ef3b6"`);
        await queryRunner.query(`ALTER TABLE "offer" DROP CONSTRAINT "FK_209a911a3ec7cebb2c06cc79b10"`);
        await queryRunner.query(`ALTER TABLE "pledge" DROP CONSTRAINT "FK_61b5cfd5762864e40e54c680e99"`);
        await queryRunner.query(`ALTER TABLE "pledge" DROP CONSTRAINT "FK_d424e3ddec6cf2b10b4d3d071c1"`);
        await queryRunner.query(`ALTER TABLE "need" DROP CONSTRAINT "FK_669727a43813b9152ee1b0f43cb"`);
        await queryRunner.query(`ALTER TABLE "need" DROP CONSTRAINT "FK_9e02e8c7259871dd5ec4aab221f"`);
        await queryRunner.query(`ALTER TABLE "cooperation_participant" DROP CONSTRAINT "FK_d6554856711f70958fd787c0eec"`);
        await queryRunner.query(`ALTER TABLE "cooperation_participant" DROP CONSTRAINT "FK_82a7042ce5450e6fb32297e4589"`);
        await queryRunner.query(`ALTER TABLE "actor" DROP CONSTRAINT "FK_9a5e9b173716693405af4873499"`);
        await queryRunner.query(`ALTER TABLE "actor" DROP CONSTRAINT "FK_9b04253ee5fa38b2133b65e9b3a"`);
        await queryRunner.query(`ALTER TABLE "region" DROP CONSTRAINT "FK_2547f55866c0274d35fdd9a29c0"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_offer_lat_lon"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_5f766b309210fe8217b7c5ef3b"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_209a911a3ec7cebb2c06cc79b1"`);
        await queryRunner.query(`DROP TABLE "offer"`);
        await queryRunner.query(`DROP TYPE "public"."offer_kind"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_pledge_need_volunteer"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d1dc1367f000cffcc213e64f39"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_61b5cfd5762864e40e54c680e9"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d424e3ddec6cf2b10b4d3d071c"`);
        await queryRunner.query(`DROP TABLE "pledge"`);
        await queryRunner.query(`DROP TYPE "public"."pledge_status"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_need_region_status"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_need_lat_lon"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_need_status_ends_at"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_df9159f353d86e265a68311af3"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_9e02e8c7259871dd5ec4aab221"`);
        await queryRunner.query(`DROP TABLE "need"`);
        await queryRunner.query(`DROP TYPE "public"."visibility"`);
        await queryRunner.query(`DROP TYPE "public"."urgency"`);
        await queryRunner.query(`DROP TYPE "public"."need_status"`);
        await queryRunner.query(`DROP TYPE "public"."need_kind"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_participant_actor_status"`);
        await queryRunner.query(`DROP TABLE "cooperation_participant"`);
        await queryRunner.query(`DROP TABLE "cooperation"`);
        await queryRunner.query(`DROP TYPE "public"."cooperation_status"`);
        await queryRunner.query(`DROP TYPE "public"."cooperation_kind"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_actor_lat_lon"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_8fa2f0a93b1973982f6d2f313f"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_9a5e9b173716693405af487349"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_9b04253ee5fa38b2133b65e9b3"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_aee661d08698b227d22b77bb9a"`);
        await queryRunner.query(`DROP TABLE "actor"`);
        await queryRunner.query(`DROP TYPE "public"."actor_kind"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_fe5ebce493b47061fe693b660a"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_2547f55866c0274d35fdd9a29c"`);
        await queryRunner.query(`DROP TABLE "region"`);
        await queryRunner.query(`DROP TYPE "public"."region_level"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_234017c36a55ef5e77fddbb1a2"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_55d7c144c71a8cfd4320dd4d96"`);
        await queryRunner.query(`DROP TABLE "need_event"`);
        await queryRunner.query(`DROP TYPE "public"."need_event_type"`);
    }

}
