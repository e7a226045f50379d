import { MigrationInterface, QueryRunner } from "typeorm";

export class MailOutbox1796169358627 implements MigrationInterface {
    name = 'MailOutbox1796169358627'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "mail_outbox" (
                "id" SERIAL NOT NULL,
                "kind" character varying(40) NOT NULL,
                "recipient" character varying(320) NOT NULL,
                "subject" character varying(300) NOT NULL,
                "text" text NOT NULL,
                "html" text NOT NULL,
                "status" character varying(10) NOT NULL,
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" character varying(100),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "sent_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_mail_outbox_status" CHECK (
                    "status" IN ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'KEPT')
                ),
                CONSTRAINT "PK_fecc63c96385bc35a39ccf2a72e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_mail_outbox_status_created" ON "mail_outbox" ("status", "created_at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_mail_outbox_status_created"
        `);
        await queryRunner.query(`
            DROP TABLE "mail_outbox"
        `);
    }

}
