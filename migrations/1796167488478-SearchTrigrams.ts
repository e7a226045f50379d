import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search that finds parts of German compounds and survives small typos. Each searchable table
 * keeps `search_name`, the umlaut-folded name (actors) or title (needs, offers), written by the
 * triggers that already keep the full-text vector, and a trigram index on it (pg_trgm, a contrib
 * extension that PostgreSQL and the embedded server both ship; trusted, so the database owner
 * may create it). The search matches `search_name %> hub_fold(word)` (word similarity:
 * "Schule" in "Grundschule") beside the stemmed vector, in one statement. A stored column
 * rather than an index on hub_fold(name): the score reads the folded name again for every
 * matching row, and folding it each time doubled the time of a search that matches thousands.
 */
export class SearchTrigrams1796167488478 implements MigrationInterface {
  name = 'SearchTrigrams1796167488478';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    for (const [table, source] of [
      ['actor', 'name'],
      ['need', 'title'],
      ['offer', 'title'],
    ]) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN search_name text`);
      await q.query(`UPDATE ${table} SET search_name = hub_fold(${source})`);
      await q.query(
        `CREATE INDEX "IDX_${table}_search_name" ON ${table} USING gin (search_name gin_trgm_ops)`,
      );
    }
    await q.query(`
      CREATE OR REPLACE FUNCTION hub_actor_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := hub_search_doc(NEW.name, NEW.topics, NEW.description);
        NEW.search_name := hub_fold(NEW.name);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION hub_need_offer_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := hub_search_doc(NEW.title, NEW.tags, NEW.description);
        NEW.search_name := hub_fold(NEW.title);
        RETURN NEW;
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION hub_actor_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := hub_search_doc(NEW.name, NEW.topics, NEW.description);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION hub_need_offer_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := hub_search_doc(NEW.title, NEW.tags, NEW.description);
        RETURN NEW;
      END $$`);
    for (const table of ['offer', 'need', 'actor']) {
      await q.query(`DROP INDEX "IDX_${table}_search_name"`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN search_name`);
    }
    await q.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
