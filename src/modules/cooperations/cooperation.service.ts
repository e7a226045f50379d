import { Database, Queryable } from '../../db/database';
import { makeHydrator } from '../../db/hydrate';
import { BadUserInputError, NotFoundError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import {
  IdWindow,
  idWindowParams,
  idWindowSql,
  OwnerPage,
  ownerPages,
} from '../../graphql/pagination';
import { publicViewer, Viewer } from '../../graphql/viewer';
import type { ActivityInput } from '../activity';
import { ActivityType } from '../activity/activity-type';
import type { ActivityService } from '../activity/activity.service';
import { Actor } from '../actors/actor.entity';
import { pathIds } from '../shared/region-path';
import type { AuditService } from '../audit/audit.service';
import { Visibility } from '../shared/visibility';
import { Cooperation, CooperationKind, CooperationStatus } from './cooperation.entity';
import {
  assertCanWriteCooperation,
  canReadCooperation,
  ParticipantScope,
} from './cooperation.permissions';

export interface CreateCooperationData {
  kind: CooperationKind;
  title: string;
  description?: string | null;
  participantIds: number[];
  status?: CooperationStatus | null;
  startedOn?: string | null;
}

export interface UpdateCooperationData {
  title?: string | null;
  description?: string | null;
  status?: CooperationStatus | null;
  participantIds?: number[] | null;
  startedOn?: string | null;
  endedOn?: string | null;
}

/** One page of an actor's cooperations, as the batch loader hands it back. */
export const MAX_PARTICIPANTS = 50;

export class CooperationService {
  readonly hydrate;
  private readonly hydrateActor;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly activity: ActivityService,
  ) {
    this.hydrate = makeHydrator(db.dataSource, Cooperation);
    this.hydrateActor = makeHydrator(db.dataSource, Actor);
  }

  async byIds(ids: number[]): Promise<Cooperation[]> {
    const rows = await this.db.read('SELECT * FROM cooperation WHERE id = ANY($1)', [ids]);
    return rows.map(this.hydrate);
  }

  /** Participants of many cooperations in one statement, by name. */
  async participantsOf(
    cooperationIds: number[],
  ): Promise<Array<{ cooperationId: number; actor: Actor }>> {
    const rows = await this.db.read(
      `SELECT p.cooperation_id AS _cid, a.* FROM cooperation_participant p JOIN actor a ON a.id = p.actor_id
        WHERE p.cooperation_id = ANY($1) ORDER BY a.name, a.id`,
      [cooperationIds],
    );
    return rows.map((r) => ({ cooperationId: r._cid as number, actor: this.hydrateActor(r) }));
  }

  /**
   * Pages of the cooperations of many actors (newest first) in one statement: a lateral
   * subquery per actor walks the (actor_id, status, cooperation_id) index.
   */
  async pagesForActors(
    actorIds: number[],
    statuses: CooperationStatus[],
    window: IdWindow,
  ): Promise<Map<number, OwnerPage<Cooperation>>> {
    const w = idWindowSql(window, 4);
    const beyond = w.beyond('p.cooperation_id');
    // Whether rows lie beyond the cursor we came from (pageInfo's other side), only with one.
    const beyondJoin = beyond
      ? `LEFT JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM cooperation_participant p
           WHERE p.actor_id = o.actor_id AND p.status = ANY($2::cooperation_status[])
             AND ${beyond}) AS beyond) b ON true`
      : '';
    const rows = await this.db.read(
      `SELECT o.actor_id AS _owner, c.*, ${beyond ? 'b.beyond' : 'false'} AS _beyond
         FROM unnest($1::int[]) AS o(actor_id)
         LEFT JOIN LATERAL (
           SELECT c.* FROM cooperation_participant p JOIN cooperation c ON c.id = p.cooperation_id
            WHERE p.actor_id = o.actor_id AND p.status = ANY($2::cooperation_status[])
              AND ${w.inPage('p.cooperation_id')}
            ORDER BY ${w.order('p.cooperation_id')} LIMIT $3) c ON true
         ${beyondJoin}
        ORDER BY o.actor_id, ${w.order('c.id')}`,
      [actorIds, statuses, window.size + 1, ...idWindowParams(window)],
    );
    return ownerPages(actorIds, rows, window, this.hydrate);
  }

  async countsForActors(
    actorIds: number[],
    statuses: CooperationStatus[],
  ): Promise<Map<number, number>> {
    const rows = await this.db.read<{ actor_id: number; n: number }>(
      `SELECT actor_id, count(*)::int AS n FROM cooperation_participant
        WHERE actor_id = ANY($1) AND status = ANY($2::cooperation_status[]) GROUP BY actor_id`,
      [actorIds, statuses],
    );
    return new Map(rows.map((r) => [r.actor_id, r.n]));
  }

  /** Region scope of the given actors; NOT_FOUND (naming the missing actor) when one does not exist. */
  private async scopes(q: Queryable, actorIds: number[]): Promise<ParticipantScope[]> {
    const { rows } = await q.query<{ id: number; path: string }>(
      'SELECT a.id, r.path FROM actor a JOIN region r ON r.id = a.region_id WHERE a.id = ANY($1)',
      [actorIds],
    );
    const byId = new Map(rows.map((r) => [r.id, pathIds(r.path)]));
    const missing = actorIds.find((id) => !byId.has(id));
    if (missing !== undefined) throw new NotFoundError('Actor', toGlobalId('Actor', missing));
    return actorIds.map((id) => ({ actorId: id, regionPath: byId.get(id) as number[] }));
  }

  private static checkParticipants(ids: number[]): number[] {
    const distinct = [...new Set(ids)];
    if (distinct.length !== ids.length) {
      throw new BadUserInputError('participantIds must not repeat an actor', 'participantIds');
    }
    if (distinct.length < 2) {
      throw new BadUserInputError(
        'A cooperation needs two or more distinct actors',
        'participantIds',
      );
    }
    if (distinct.length > MAX_PARTICIPANTS) {
      throw new BadUserInputError(
        `A cooperation has at most ${MAX_PARTICIPANTS} participants`,
        'participantIds',
      );
    }
    return distinct;
  }

  private static checkText(
    title: string | null | undefined,
    description: string | null | undefined,
    creating: boolean,
  ) {
    if (title !== undefined || creating) {
      const t = (title ?? '').trim();
      if (t.length < 2 || t.length > 200)
        throw new BadUserInputError('title must be 2 to 200 characters long', 'title');
    }
    if (description != null && description.length > 5000) {
      throw new BadUserInputError(
        'description must be at most 5000 characters long',
        'description',
      );
    }
  }

  private static checkDates(startedOn: string | null, endedOn: string | null): void {
    if (startedOn && endedOn && endedOn < startedOn) {
      throw new BadUserInputError('endedOn must not be before startedOn', 'endedOn');
    }
  }

  private async writeParticipants(
    q: Queryable,
    id: number,
    actorIds: number[],
    status: CooperationStatus,
  ) {
    await q.query(
      'DELETE FROM cooperation_participant WHERE cooperation_id = $1 AND actor_id <> ALL($2)',
      [id, actorIds],
    );
    // Every participant row repeats the cooperation's status (the traversal index reads it).
    await q.query(
      `INSERT INTO cooperation_participant (cooperation_id, actor_id, status) SELECT $1, unnest($2::int[]), $3
       ON CONFLICT (cooperation_id, actor_id) DO UPDATE SET status = EXCLUDED.status`,
      [id, actorIds, status],
    );
  }

  /**
   * COOPERATION_CREATED in the region all participants share (the deepest common one), visible
   * like the cooperation: PROPOSED ones to partners only.
   */
  private async createdActivity(
    q: Queryable,
    coop: Cooperation,
    actorIds: number[],
    scopes: Array<{ regionPath: number[] }>,
  ): Promise<ActivityInput> {
    const common: number[] = [];
    for (let i = 0; scopes.every((s) => s.regionPath[i] !== undefined); i++) {
      const id = scopes[0].regionPath[i];
      if (!scopes.every((s) => s.regionPath[i] === id)) break;
      common.push(id);
    }
    const regionPath = common.length > 0 ? common : scopes[0].regionPath;
    const { rows } = await q.query<{ name: string }>(
      'SELECT name FROM actor WHERE id = ANY($1) ORDER BY name',
      [actorIds],
    );
    const names = rows.map((r) => r.name);
    const who =
      names.length <= 3
        ? names.join(', ').replace(/, ([^,]*)$/, ' und $1')
        : `${names.slice(0, 2).join(', ')} und ${names.length - 2} weitere`;
    return {
      type: ActivityType.COOPERATION_CREATED,
      regionId: regionPath[regionPath.length - 1],
      subject: { type: 'Cooperation', id: coop.id },
      visibility: canReadCooperation(publicViewer(), coop.status)
        ? Visibility.PUBLIC
        : Visibility.NETWORK,
      actorIds,
      summary: `Neue Kooperation „${coop.title}“: ${who}`,
      data: { kind: coop.kind, status: coop.status, participants: actorIds.length },
    };
  }

  async create(viewer: Viewer, data: CreateCooperationData): Promise<Cooperation> {
    CooperationService.checkText(data.title, data.description, true);
    const ids = CooperationService.checkParticipants(data.participantIds);
    const status = data.status ?? CooperationStatus.PROPOSED;
    return this.db.transaction(async (tx) => {
      const scopes = await this.scopes(tx, ids);
      assertCanWriteCooperation(viewer, scopes);
      const [row] = await tx.rows(
        `INSERT INTO cooperation (kind, status, title, description, started_on)
         VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [
          data.kind,
          status,
          data.title.trim(),
          data.description?.trim() || null,
          data.startedOn ?? null,
        ],
      );
      const coop = this.hydrate(row);
      await this.writeParticipants(tx, coop.id, ids, status);
      await this.audit.record(tx, viewer, {
        operation: 'createCooperation',
        targetIds: [toGlobalId('Cooperation', coop.id), ...ids.map((i) => toGlobalId('Actor', i))],
        regionId: scopes[0].regionPath[scopes[0].regionPath.length - 1],
      });
      await this.activity.record(tx, await this.createdActivity(tx, coop, ids, scopes));
      return coop;
    });
  }

  async update(viewer: Viewer, id: number, data: UpdateCooperationData): Promise<Cooperation> {
    CooperationService.checkText(data.title, data.description, false);
    if (data.title === null) throw new BadUserInputError('title cannot be removed', 'title');
    if (data.status === null) throw new BadUserInputError('status cannot be removed', 'status');
    const newIds =
      data.participantIds != null
        ? CooperationService.checkParticipants(data.participantIds)
        : null;
    return this.db.transaction(async (tx) => {
      const rows = await tx.rows('SELECT * FROM cooperation WHERE id = $1 FOR UPDATE', [id]);
      if (rows.length === 0) throw new NotFoundError('Cooperation', toGlobalId('Cooperation', id));
      const current = this.hydrate(rows[0]);
      const currentIds = (
        await tx.rows<{ actor_id: number }>(
          'SELECT actor_id FROM cooperation_participant WHERE cooperation_id = $1',
          [id],
        )
      ).map((r) => r.actor_id);
      assertCanWriteCooperation(viewer, await this.scopes(tx, currentIds));
      if (newIds) assertCanWriteCooperation(viewer, await this.scopes(tx, newIds));
      const startedOn = data.startedOn !== undefined ? data.startedOn : current.startedOn;
      const endedOn = data.endedOn !== undefined ? data.endedOn : current.endedOn;
      CooperationService.checkDates(startedOn, endedOn);
      const status = data.status ?? current.status;
      const [row] = await tx.rows(
        `UPDATE cooperation SET title = $2, description = $3, status = $4, started_on = $5, ended_on = $6,
                updated_at = now() WHERE id = $1 RETURNING *`,
        [
          id,
          data.title != null ? data.title.trim() : current.title,
          data.description !== undefined ? data.description?.trim() || null : current.description,
          status,
          startedOn,
          endedOn,
        ],
      );
      await this.writeParticipants(tx, id, newIds ?? currentIds, status);
      await this.audit.record(tx, viewer, {
        operation: 'updateCooperation',
        targetIds: [toGlobalId('Cooperation', id)],
      });
      return this.hydrate(row);
    });
  }
}
