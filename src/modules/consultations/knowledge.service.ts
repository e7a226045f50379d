// The knowledge base: answers a coordinator anonymised and published (publishAnswer), public
// and searched with the hub's German full text (shared/text-search). An article names its
// consultation, but the link is shown only to those who may see the consultation.
import { Database } from '../../db/database';
import { columnList, makeHydrator, selectList } from '../../db/hydrate';
import { ConflictError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { Connection, ConnectionArgs, paginate } from '../../graphql/pagination';
import { Viewer } from '../../graphql/viewer';
import type { AuditService } from '../audit/audit.service';
import { ExpertiseArea } from '../pilots/expertise-area';
import { requiredText, searchText } from '../shared/text';
import { textMatchSql } from '../shared/text-search';
import { ConsultationStatus } from './consultation.entity';
import { assertCanCoordinateConsultation } from './consultation.permissions';
import type { ConsultationService } from './consultation.service';
import { KnowledgeArticle } from './knowledge-article.entity';

export interface PublishData {
  consultationId: number;
  title: string;
  body: string;
}

export class KnowledgeService {
  readonly hydrate;
  private readonly columns: string;
  private readonly returning: string;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly consultations: ConsultationService,
  ) {
    this.hydrate = makeHydrator(db.dataSource, KnowledgeArticle);
    this.columns = selectList(db.dataSource, KnowledgeArticle, 'k');
    this.returning = columnList(db.dataSource, KnowledgeArticle);
  }

  async byIds(ids: number[]): Promise<KnowledgeArticle[]> {
    if (ids.length === 0) return [];
    return (
      await this.db.read(
        `SELECT ${this.columns} FROM knowledge_article k WHERE k.id = ANY($1::int[])`,
        [ids],
      )
    ).map(this.hydrate);
  }

  /** Newest first; `text` narrows (every word matches), `areas` too. */
  list(
    text: string | null | undefined,
    areas: ExpertiseArea[] | undefined,
    args: ConnectionArgs,
  ): Promise<Connection<KnowledgeArticle>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const t = searchText(text, 'text');
    if (t) {
      const match = textMatchSql('k', t, params, 'every');
      if (match) where.push(match.where);
    }
    if (areas?.length) {
      params.push(areas);
      where.push(`k.area = ANY($${params.length}::expertise_area[])`);
    }
    return paginate(
      this.db,
      {
        sql: `SELECT ${this.columns}, k.id AS _k0 FROM knowledge_article k
              ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
        params,
        // Ids grow with time: newest first is id order, one key.
        directions: ['DESC'],
        hydrate: this.hydrate,
      },
      args,
    );
  }

  /** Ranked matches of any word, best first (the global search). */
  async search(text: string, regionId: number | undefined, limit: number) {
    const params: unknown[] = [limit];
    if (regionId != null) params.push(regionId);
    const match = textMatchSql('k', text, params);
    if (!match) return [];
    const region =
      regionId == null
        ? ''
        : `AND (k.region_id IS NULL OR k.region_id IN (SELECT sub.id FROM region sub
             WHERE sub.path LIKE (SELECT r.path FROM region r WHERE r.id = $2) || '%'))`;
    const rows = await this.db.read(
      `SELECT ${this.columns}, ${match.score}::float8 AS _rank FROM knowledge_article k
        WHERE ${match.where} ${region} ORDER BY _rank DESC, k.id LIMIT $1`,
      params,
    );
    return rows.map((r) => ({ article: this.hydrate(r), rank: Number(r._rank) }));
  }

  /** ANSWERED or CLOSED consultations only, by the coordinators of its region. */
  async publish(viewer: Viewer, data: PublishData): Promise<KnowledgeArticle> {
    const title = requiredText(data.title, 'title', 1, 200);
    const body = requiredText(data.body, 'body', 1, 20000);
    return this.db.transaction(async (tx) => {
      const { c, target } = await this.consultations.lock(tx, viewer, data.consultationId);
      assertCanCoordinateConsultation(viewer, target);
      if (c.status !== ConsultationStatus.ANSWERED && c.status !== ConsultationStatus.CLOSED) {
        throw new ConflictError('Only an answered consultation can be published');
      }
      const [row] = await tx.rows(
        `INSERT INTO knowledge_article (area, title, body, region_id, consultation_id)
         VALUES ($1, $2, $3, $4, $5) RETURNING ${this.returning}`,
        [c.area, title, body, c.regionId, c.id],
      );
      const article = this.hydrate(row);
      await this.audit.record(tx, viewer, {
        operation: 'publishAnswer',
        targetIds: [toGlobalId('KnowledgeArticle', article.id), toGlobalId('Consultation', c.id)],
        regionId: c.regionId,
      });
      return article;
    });
  }
}
