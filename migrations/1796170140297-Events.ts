import { MigrationInterface, QueryRunner } from "typeorm";

export class Events1796170140297 implements MigrationInterface {
    name = 'Events1796170140297'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."event_kind" AS ENUM(
                'STAMMTISCH',
                'WORKSHOP',
                'INFO_EVENT',
                'TRAINING',
                'NETWORK_MEETING',
                'OTHER'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."event_status" AS ENUM('SCHEDULED', 'CANCELLED')
        `);
        await queryRunner.query(`
            CREATE TABLE "event" (
                "id" SERIAL NOT NULL,
                "kind" "public"."event_kind" NOT NULL,
                "title" character varying(200) NOT NULL,
                "description" text,
                "topics" text array NOT NULL DEFAULT '{}',
                "organizer_id" integer NOT NULL,
                "region_id" integer NOT NULL,
                "venue" character varying(300),
                "latitude" double precision,
                "longitude" double precision,
                "contact_point_id" integer,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "capacity" integer,
                "registered_seats" integer NOT NULL DEFAULT '0',
                "waitlisted_seats" integer NOT NULL DEFAULT '0',
                "registration_deadline" TIMESTAMP WITH TIME ZONE,
                "status" "public"."event_status" NOT NULL DEFAULT 'SCHEDULED',
                "cancel_reason" character varying(500),
                "visibility" "public"."visibility" NOT NULL DEFAULT 'PUBLIC',
                "series_id" integer,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_event_times" CHECK ("ends_at" >= "starts_at"),
                CONSTRAINT "CHK_event_capacity" CHECK (
                    "capacity" IS NULL
                    OR (
                        "capacity" >= 1
                        AND "registered_seats" <= "capacity"
                    )
                ),
                CONSTRAINT "CHK_event_seats" CHECK (
                    "registered_seats" >= 0
                    AND "waitlisted_seats" >= 0
                ),
                CONSTRAINT "PK_30c2f3bbaf6d34a55f8ae6e4614" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_fbc9b6120d8394996948eb5325" ON "event" ("organizer_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_9c68540164026e1a070a0a227f" ON "event" ("series_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_event_starts_at" ON "event" ("starts_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_event_region_starts" ON "event" ("region_id", "starts_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."registration_status" AS ENUM(
                'UNCONFIRMED',
                'CONFIRMED',
                'WAITLISTED',
                'CANCELLED',
                'ATTENDED',
                'NO_SHOW'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "event_registration" (
                "id" SERIAL NOT NULL,
                "event_id" integer NOT NULL,
                "actor_id" integer,
                "registered_by" character varying(200),
                "name" character varying(200),
                "email" character varying(254),
                "email_confirmed" boolean NOT NULL DEFAULT false,
                "seats" integer NOT NULL DEFAULT '1',
                "status" "public"."registration_status" NOT NULL,
                "hold_until" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_event_registration_who" CHECK (
                    ("actor_id" IS NOT NULL) <> ("email" IS NOT NULL)
                ),
                CONSTRAINT "CHK_event_registration_seats" CHECK ("seats" >= 1),
                CONSTRAINT "PK_10aedff1bd0d0ef534d1106ddec" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_registration_email" ON "event_registration" ("event_id", "email")
            WHERE "email" IS NOT NULL
                AND "status" <> 'CANCELLED'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_event_registration_actor" ON "event_registration" ("event_id", "actor_id")
            WHERE "actor_id" IS NOT NULL
                AND "status" <> 'CANCELLED'
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_event_registration_event_status" ON "event_registration" ("event_id", "status", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "topic_proposal" (
                "id" SERIAL NOT NULL,
                "event_id" integer NOT NULL,
                "title" character varying(200) NOT NULL,
                "description" text,
                "proposed_by_id" integer,
                "votes" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_33e158a33c8222e33adadd07dbb" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_77da48996b4ec77319bbb27e0e" ON "topic_proposal" ("event_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "topic_vote" (
                "id" SERIAL NOT NULL,
                "proposal_id" integer NOT NULL,
                "voter" character varying(220) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6716ec9a6eb18c230b945c6dde4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_topic_vote" ON "topic_vote" ("proposal_id", "voter")
        `);
        await queryRunner.query(`
            ALTER TABLE "event"
            ADD CONSTRAINT "FK_fbc9b6120d8394996948eb5325b" FOREIGN KEY ("organizer_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event"
            ADD CONSTRAINT "FK_3b8611db92bd4c4a44366dd577c" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event"
            ADD CONSTRAINT "FK_e8e02aafacb6c64e7f395b49f60" FOREIGN KEY ("contact_point_id") REFERENCES "contact_point"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_registration"
            ADD CONSTRAINT "FK_d42836e8ed00e2586af913934a6" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "event_registration"
            ADD CONSTRAINT "FK_62c05e98670e0b3ae225100fd42" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "topic_proposal"
            ADD CONSTRAINT "FK_77da48996b4ec77319bbb27e0ec" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "topic_proposal"
            ADD CONSTRAINT "FK_75bc2928017d8034cf88d419e47" FOREIGN KEY ("proposed_by_id") REFERENCES "actor"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "topic_vote"
            ADD CONSTRAINT "FK_6f9344918f8314d57e25d25f63f" FOREIGN KEY ("proposal_id") REFERENCES "topic_proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "topic_vote" DROP CONSTRAINT "FK_6f9344918f8314d57e25d25f63f"
        `);
        await queryRunner.query(`
            ALTER TABLE "topic_proposal" DROP CONSTRAINT "FK_75bc2928017d8034cf88d419e47"
        `);
        await queryRunner.query(`
            ALTER TABLE "topic_proposal" DROP CONSTRAINT "FK_77da48996b4ec77319bbb27e0ec"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_registration" DROP CONSTRAINT "FK_62c05e98670e0b3ae225100fd42"
        `);
        await queryRunner.query(`
            ALTER TABLE "event_registration" DROP CONSTRAINT "FK_d42836e8ed00e2586af913934a6"
        `);
        await queryRunner.query(`
            ALTER TABLE "event" DROP CONSTRAINT "FK_e8e02aafacb6c64e7f395b49f60"
        `);
        await queryRunner.query(`
            ALTER TABLE "event" DROP CONSTRAINT "FK_3b8611db92bd4c4a44366dd577c"
        `);
        await queryRunner.query(`
            ALTER TABLE "event" DROP CONSTRAINT "FK_fbc9b6120d8394996948eb5325b"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_topic_vote"
        `);
        await queryRunner.query(`
            DROP TABLE "topic_vote"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_77da48996b4ec77319bbb27e0e"
        `);
        await queryRunner.query(`
            DROP TABLE "topic_proposal"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_event_registration_event_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_event_registration_actor"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_event_registration_email"
        `);
        await queryRunner.query(`
            DROP TABLE "event_registration"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."registration_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_event_region_starts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_event_starts_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_9c68540164026e1a070a0a227f"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_fbc9b6120d8394996948eb5325"
        `);
        await queryRunner.query(`
            DROP TABLE "event"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."event_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."event_kind"
        `);
    }

}
