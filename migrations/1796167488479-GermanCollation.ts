import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The collation lists of names are sorted by (`ORDER BY name COLLATE hub_german`): German as
 * ICU knows it (Ä sorts with A, not after Z as in the C locale the embedded server uses). The
 * best one the server has: ICU German, else ICU's root order (also Ä with A), else the
 * operating system's de_DE, else plain "C" so the statements still run on a server built
 * without ICU and German locales.
 */
export class GermanCollation1796167488479 implements MigrationInterface {
  name = 'GermanCollation1796167488479';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE
        source text;
      BEGIN
        SELECT c.collname INTO source
          FROM unnest(ARRAY['de-DE-x-icu', 'de-x-icu', 'und-x-icu', 'de_DE.utf8', 'de_DE.UTF-8'])
               WITH ORDINALITY AS wanted(name, ord)
          JOIN pg_collation c ON c.collname = wanted.name
               AND c.collencoding IN (-1, (SELECT encoding FROM pg_database WHERE datname = current_database()))
         ORDER BY wanted.ord LIMIT 1;
        EXECUTE format('CREATE COLLATION hub_german FROM %I', coalesce(source, 'C'));
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP COLLATION hub_german`);
  }
}
