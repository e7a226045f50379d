import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search with German stemming and umlaut folding. Documents and queries both go
 * through hub_fold(), which writes umlauts the way people type them without a German keyboard
 * (ü -> ue, ß -> ss), so "Buesum" and "Büsum" meet. The vectors are kept by triggers; the
 * application never writes them. GIN indexes serve text search and topic/tag containment.
 */
export class SearchVectors1795305500000 implements MigrationInterface {
  name = 'SearchVectors1795305500000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION hub_fold(input text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT translate(
          replace(replace(replace(replace(lower(coalesce(input, '')),
            'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'),
          'áàâéèêëíìîïóòôúùûçñ', 'aaaeeeeiiiiooouuucn')
      $$`);
    await q.query(`
      CREATE FUNCTION hub_search_doc(title text, keywords text[], body text) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector('german', hub_fold(title)), 'A')
            || setweight(to_tsvector('german', hub_fold(array_to_string(keywords, ' '))), 'B')
            || setweight(to_tsvector('german', hub_fold(body)), 'C')
      $$`);
    await q.query(`
      CREATE FUNCTION hub_actor_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := hub_search_doc(NEW.name, NEW.topics, NEW.description);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE FUNCTION hub_need_offer_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := hub_search_doc(NEW.title, NEW.tags, NEW.description);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER actor_search_vector BEFORE INSERT OR UPDATE OF name, topics, description
      ON actor FOR EACH ROW EXECUTE FUNCTION hub_actor_search_update()`);
    await q.query(`CREATE TRIGGER need_search_vector BEFORE INSERT OR UPDATE OF title, tags, description
      ON need FOR EACH ROW EXECUTE FUNCTION hub_need_offer_search_update()`);
    await q.query(`CREATE TRIGGER offer_search_vector BEFORE INSERT OR UPDATE OF title, tags, description
      ON offer FOR EACH ROW EXECUTE FUNCTION hub_need_offer_search_update()`);
    await q.query(`CREATE INDEX "IDX_actor_search" ON actor USING gin (search_vector)`);
    await q.query(`CREATE INDEX "IDX_actor_topics" ON actor USING gin (topics)`);
    await q.query(`CREATE INDEX "IDX_need_search" ON need USING gin (search_vector)`);
    await q.query(`CREATE INDEX "IDX_need_tags" ON need USING gin (tags)`);
    await q.query(`CREATE INDEX "IDX_offer_search" ON offer USING gin (search_vector)`);
    await q.query(`CREATE INDEX "IDX_offer_tags" ON offer USING gin (tags)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const idx of ['offer_tags', 'offer_search', 'need_tags', 'need_search', 'actor_topics', 'actor_search']) {
      await q.query(`DROP INDEX "IDX_${idx}"`);
    }
    await q.query(`DROP TRIGGER offer_search_vector ON offer`);
    await q.query(`DROP TRIGGER need_search_vector ON need`);
    await q.query(`DROP TRIGGER actor_search_vector ON actor`);
    await q.query(`DROP FUNCTION hub_need_offer_search_update()`);
    await q.query(`DROP FUNCTION hub_actor_search_update()`);
    await q.query(`DROP FUNCTION hub_search_doc(text, text[], text)`);
    await q.query(`DROP FUNCTION hub_fold(text)`);
  }
}
