import { MigrationInterface, QueryRunner } from "typeorm";

export class VolunteerOptIn1796172614030 implements MigrationInterface {
    name = 'VolunteerOptIn1796172614030'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "pledge"
            ADD "email_confirmed_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "pledge"
            ADD "reminder_sent_for" TIMESTAMP WITH TIME ZONE
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "pledge" DROP COLUMN "reminder_sent_for"
        `);
        await queryRunner.query(`
            ALTER TABLE "pledge" DROP COLUMN "email_confirmed_at"
        `);
    }

}
