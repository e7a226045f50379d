import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tombstones for the open-data formats' incremental sync: a row that leaves the public record
 * (deleted, or its visibility changed away from PUBLIC) is noted here by a trigger, in the same
 * transaction and whichever code path changed it; coming back to PUBLIC removes the note.
 */
export class OpenDataRemovals1796191182881 implements MigrationInterface {
  name = 'OpenDataRemovals1796191182881';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "open_data_removal" (
        "subject_type" varchar(30) NOT NULL,
        "subject_id" integer NOT NULL,
        "removed_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("subject_type", "subject_id")
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_open_data_removal_at" ON "open_data_removal" ("removed_at")`,
    );
    await queryRunner.query(`
      CREATE FUNCTION open_data_note_removal() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        was_public boolean;
        is_public boolean;
      BEGIN
        IF TG_TABLE_NAME = 'actor' THEN
          was_public := true;
          is_public := TG_OP <> 'DELETE';
        ELSE
          was_public := OLD.visibility = 'PUBLIC';
          is_public := TG_OP <> 'DELETE' AND NEW.visibility = 'PUBLIC';
        END IF;
        IF was_public AND NOT is_public THEN
          INSERT INTO open_data_removal (subject_type, subject_id, removed_at)
          VALUES (TG_ARGV[0], OLD.id, now())
          ON CONFLICT (subject_type, subject_id) DO UPDATE SET removed_at = EXCLUDED.removed_at;
        ELSIF is_public AND NOT was_public THEN
          DELETE FROM open_data_removal WHERE subject_type = TG_ARGV[0] AND subject_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER open_data_removal AFTER DELETE ON "actor"
      FOR EACH ROW EXECUTE FUNCTION open_data_note_removal('Actor')
    `);
    for (const [table, type] of [
      ['offer', 'Offer'],
      ['contact_point', 'ContactPoint'],
    ]) {
      await queryRunner.query(`
        CREATE TRIGGER open_data_removal AFTER DELETE OR UPDATE OF visibility ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION open_data_note_removal('${type}')
      `);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['actor', 'offer', 'contact_point']) {
      await queryRunner.query(`DROP TRIGGER open_data_removal ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION open_data_note_removal()`);
    await queryRunner.query(`DROP TABLE "open_data_removal"`);
  }
}
