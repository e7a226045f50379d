import { MigrationInterface, QueryRunner } from "typeorm";

export class EventRegistrationReminder1796192654414 implements MigrationInterface {
    name = 'EventRegistrationReminder1796192654414'

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
