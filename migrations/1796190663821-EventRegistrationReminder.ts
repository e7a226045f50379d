import { MigrationInterface, QueryRunner } from "typeorm";

export class EventRegistrationReminder1796190663821 implements MigrationInterface {
    name = 'EventRegistrationReminder1796190663821'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "event_registration"
            ADD "reminder_sent_for" TIMESTAMP WITH TIME ZONE
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "event_registration" DROP COLUMN "reminder_sent_for"
        `);
    }

}
