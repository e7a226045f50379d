// Topic proposals for an event and their votes: one vote per actor (for someone acting for it)
// or per signed-in account, held by the unique index UQ_topic_vote.
import { Database } from '../../db/database';
import { makeHydrator } from '../../db/hydrate';
import { ConflictError, ForbiddenError, NotFoundError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { Viewer } from '../../graphql/viewer';
import { canEditActor } from '../actors/actor.permissions';
import type { AuditService } from '../audit/audit.service';
import { pathIds } from '../shared/region-path';
import { boundedText } from '../shared/text';
import { EventStatus } from './event.entity';
import type { EventService } from './event.service';
import { TopicProposal } from './topic-proposal.entity';

export class TopicService {
  readonly hydrate;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly events: EventService,
  ) {
    this.hydrate = makeHydrator(db.dataSource, TopicProposal);
  }

  async byIds(ids: number[]): Promise<TopicProposal[]> {
    if (ids.length === 0) return [];
    return (await this.db.read('SELECT * FROM topic_proposal WHERE id = ANY($1)', [ids])).map(
      this.hydrate,
    );
  }

  /** Most votes first, then the oldest. */
  async byEventIds(eventIds: number[]): Promise<TopicProposal[]> {
    if (eventIds.length === 0) return [];
    const rows = await this.db.read(
      'SELECT * FROM topic_proposal WHERE event_id = ANY($1) ORDER BY votes DESC, id',
      [eventIds],
    );
    return rows.map(this.hydrate);
  }

  private async assertActsFor(viewer: Viewer, actorId: number): Promise<void> {
    const [actor] = await this.db.query<{ path: string }>(
      'SELECT r.path FROM actor a JOIN region r ON r.id = a.region_id WHERE a.id = $1',
      [actorId],
    );
    if (!actor) throw new NotFoundError('Actor', 'actorId');
    if (!canEditActor(viewer, actorId, pathIds(actor.path))) {
      throw new ForbiddenError('You may not act for this actor');
    }
  }

  async propose(
    viewer: Viewer,
    data: { eventId: number; title: string; description?: string | null; actorId?: number | null },
  ): Promise<TopicProposal> {
    const title = boundedText(data.title, 'title', 1, 200) as string;
    const description = boundedText(data.description, 'description', 0, 2000);
    if (data.actorId != null) await this.assertActsFor(viewer, data.actorId);
    return this.db.transaction(async (tx) => {
      const { event } = await this.events.lock(tx, viewer, data.eventId);
      if (event.status !== EventStatus.SCHEDULED) throw new ConflictError('The event is cancelled');
      const [row] = await tx.rows(
        `INSERT INTO topic_proposal (event_id, title, description, proposed_by_id) VALUES ($1, $2, $3, $4) RETURNING *`,
        [event.id, title, description, data.actorId ?? null],
      );
      const proposal = this.hydrate(row);
      await this.audit.record(tx, viewer, {
        operation: 'proposeTopic',
        targetIds: [toGlobalId('TopicProposal', proposal.id), toGlobalId('Event', event.id)],
        regionId: event.regionId,
      });
      return proposal;
    });
  }

  async vote(
    viewer: Viewer,
    id: number,
    actorId: number | null | undefined,
  ): Promise<TopicProposal> {
    if (actorId != null) await this.assertActsFor(viewer, actorId);
    const voter = actorId != null ? `actor:${actorId}` : `account:${viewer.sub}`;
    const [found] = await this.byIds([id]);
    if (!found) throw new NotFoundError('TopicProposal', toGlobalId('TopicProposal', id));
    return this.db.transaction(async (tx) => {
      // The event's visibility decides whether the proposal exists for the viewer.
      const { event } = await this.events.lock(tx, viewer, found.eventId);
      const inserted = await tx.rows(
        `INSERT INTO topic_vote (proposal_id, voter) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id`,
        [id, voter],
      );
      if (inserted.length === 0) {
        throw new ConflictError(
          actorId != null
            ? 'This actor has already voted for this topic'
            : 'You have already voted for this topic',
        );
      }
      const [row] = await tx.rows(
        'UPDATE topic_proposal SET votes = votes + 1 WHERE id = $1 RETURNING *',
        [id],
      );
      await this.audit.record(tx, viewer, {
        operation: 'voteTopic',
        targetIds: [toGlobalId('TopicProposal', id)],
        regionId: event.regionId,
      });
      return this.hydrate(row);
    });
  }
}
