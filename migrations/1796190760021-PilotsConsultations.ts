import { MigrationInterface, QueryRunner } from "typeorm";

export class PilotsConsultations1796190760021 implements MigrationInterface {
    name = 'PilotsConsultations1796190760021'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."expertise_area" AS ENUM(
                'ASSOCIATION_LAW',
                'TAX',
                'INSURANCE',
                'DATA_PROTECTION',
                'FUNDING',
                'STATUTES',
                'PUBLIC_RELATIONS',
                'DIGITAL_TOOLS',
                'VOLUNTEER_MANAGEMENT',
                'OTHER'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "pilot" (
                "id" SERIAL NOT NULL,
                "display_name" character varying(200) NOT NULL,
                "areas" "public"."expertise_area" array NOT NULL DEFAULT '{}',
                "region_ids" integer array NOT NULL DEFAULT '{}',
                "bio" text,
                "monthly_capacity" integer NOT NULL DEFAULT '2',
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_pilot_capacity" CHECK (
                    "monthly_capacity" >= 0
                    AND "monthly_capacity" <= 100
                ),
                CONSTRAINT "PK_921e16d425d1f58dcec5fe90bba" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."consultation_status" AS ENUM(
                'OPEN',
                'ASSIGNED',
                'ANSWERED',
                'CLOSED',
                'WITHDRAWN'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "consultation" (
                "id" SERIAL NOT NULL,
                "actor_id" integer NOT NULL,
                "region_id" integer NOT NULL,
                "area" "public"."expertise_area" NOT NULL,
                "subject" character varying(200) NOT NULL,
                "question" text NOT NULL,
                "status" "public"."consultation_status" NOT NULL DEFAULT 'OPEN',
                "pilot_id" integer,
                "assigned_month" date,
                "due_at" TIMESTAMP WITH TIME ZONE,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "reminded_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5203569fac28a4a626c42abe70b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d17e5f9d28c0882c3221947b05" ON "consultation" ("actor_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_consultation_pilot_status" ON "consultation" ("pilot_id", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_consultation_region_status" ON "consultation" ("region_id", "status")
        `);
        await queryRunner.query(`
            CREATE TABLE "consultation_message" (
                "id" SERIAL NOT NULL,
                "consultation_id" integer NOT NULL,
                "author_kind" character varying(20) NOT NULL,
                "author" character varying(200) NOT NULL,
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_010b1955bafa897c8e04bb227e9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_2949ef71e383c94dd33713f17f" ON "consultation_message" ("consultation_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "pilot_month_load" (
                "pilot_id" integer NOT NULL,
                "month" date NOT NULL,
                "assigned" integer NOT NULL DEFAULT '0',
                CONSTRAINT "CHK_pilot_month_load_assigned" CHECK ("assigned" >= 0),
                CONSTRAINT "PK_c6aa125471ed558bd1f482077e5" PRIMARY KEY ("pilot_id", "month")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "knowledge_article" (
                "id" SERIAL NOT NULL,
                "area" "public"."expertise_area" NOT NULL,
                "title" character varying(200) NOT NULL,
                "body" text NOT NULL,
                "region_id" integer,
                "consultation_id" integer,
                "search_vector" tsvector,
                "search_name" text,
                "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5e6c80ff5dc988b082b737db9df" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_f5af0a7db839e986fdec1e7fce" ON "knowledge_article" ("consultation_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "consultation"
            ADD CONSTRAINT "FK_d17e5f9d28c0882c3221947b05b" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "consultation"
            ADD CONSTRAINT "FK_34fb3ae62a3b3730db313166044" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "consultation"
            ADD CONSTRAINT "FK_6ce26a8e9199589ff491bc1e9d3" FOREIGN KEY ("pilot_id") REFERENCES "pilot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "consultation_message"
            ADD CONSTRAINT "FK_2949ef71e383c94dd33713f17fa" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "pilot_month_load"
            ADD CONSTRAINT "FK_ce323d41c42ebfd0cbc284b95d0" FOREIGN KEY ("pilot_id") REFERENCES "pilot"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "knowledge_article"
            ADD CONSTRAINT "FK_37486af7417fb773c68356c829b" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "knowledge_article"
            ADD CONSTRAINT "FK_f5af0a7db839e986fdec1e7fce3" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        // The knowledge base is searched like needs (shared/text-search): the trigger keeps the
        // weighted German vector (title A, body C) and the folded title for the trigram index.
        await queryRunner.query(`
            CREATE FUNCTION hub_knowledge_article_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              NEW.search_vector := hub_search_doc(NEW.title, '{}'::text[], NEW.body);
              NEW.search_name := hub_fold(NEW.title);
              RETURN NEW;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER knowledge_article_search_vector BEFORE INSERT OR UPDATE OF title, body
            ON knowledge_article FOR EACH ROW EXECUTE FUNCTION hub_knowledge_article_search_update()
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_knowledge_article_search" ON knowledge_article USING gin (search_vector)
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_knowledge_article_search_name" ON knowledge_article USING gin (search_name gin_trgm_ops)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_knowledge_article_search_name"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_knowledge_article_search"`);
        await queryRunner.query(`DROP TRIGGER knowledge_article_search_vector ON knowledge_article`);
        await queryRunner.query(`DROP FUNCTION hub_knowledge_article_search_update()`);
        await queryRunner.query(`
            ALTER TABLE "knowledge_article" DROP CONSTRAINT "FK_f5af0a7db839e986fdec1e7fce3"
        `);
        await queryRunner.query(`
            ALTER TABLE "knowledge_article" DROP CONSTRAINT "FK_37486af7417fb773c68356c829b"
        `);
        await queryRunner.query(`
            ALTER TABLE "pilot_month_load" DROP CONSTRAINT "FK_ce323d41c42ebfd0cbc284b95d0"
        `);
        await queryRunner.query(`
            ALTER TABLE "consultation_message" DROP CONSTRAINT "FK_2949ef71e383c94dd33713f17fa"
        `);
        await queryRunner.query(`
            ALTER TABLE "consultation" DROP CONSTRAINT "FK_6ce26a8e9199589ff491bc1e9d3"
        `);
        await queryRunner.query(`
            ALTER TABLE "consultation" DROP CONSTRAINT "FK_34fb3ae62a3b3730db313166044"
        `);
        await queryRunner.query(`
            ALTER TABLE "consultation" DROP CONSTRAINT "FK_d17e5f9d28c0882c3221947b05b"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f5af0a7db839e986fdec1e7fce"
        `);
        await queryRunner.query(`
            DROP TABLE "knowledge_article"
        `);
        await queryRunner.query(`
            DROP TABLE "pilot_month_load"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_2949ef71e383c94dd33713f17f"
        `);
        await queryRunner.query(`
            DROP TABLE "consultation_message"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_consultation_region_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_consultation_pilot_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d17e5f9d28c0882c3221947b05"
        `);
        await queryRunner.query(`
            DROP TABLE "consultation"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."consultation_status"
        `);
        await queryRunner.query(`
            DROP TABLE "pilot"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."expertise_area"
        `);
    }

}
