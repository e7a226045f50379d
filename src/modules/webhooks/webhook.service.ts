// Webhooks: coordinators (their regions) and admins register endpoints; the job queue delivers
// the log to each in order, one queue per endpoint (a slow endpoint holds up only itself),
// signed with Standard Webhooks, retried with backoff, deactivated after 20 failures in a row.
import { randomBytes } from 'node:crypto';
import { Webhook as Signer } from 'standardwebhooks';
import type { Config } from '../../config/env';
import type { Database, Queryable } from '../../db/database';
import { makeHydrator } from '../../db/hydrate';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { publicViewer, Role, Viewer } from '../../graphql/viewer';
import type { JobQueue } from '../../queue/job-queue';
import { ActivityType } from '../activity/activity-type';
import {
  ACTIVITY_COLUMNS,
  ActivityRecord,
  encodeActivityCursor,
  hydrateActivity,
} from '../activity/activity.store';
import type { AccountService } from '../accounts/account.service';
import type { AuditService } from '../audit/audit.service';
import type { MailService } from '../mail/mail.service';
import { pathIds } from '../shared/region-path';
import { checkWebhookUrl, post } from './webhook-target';
import { WebhookDelivery } from './webhook-delivery.entity';
import { Webhook } from './webhook.entity';
import { webhookDeactivatedMail } from './webhook.mails';
import { canManageWebhooks } from './webhook.permissions';

/** Waits after the 1st, 2nd, ... failed attempt of one activity (then 6 h each). */
export const BACKOFF_MS = [10_000, 60_000, 600_000, 3_600_000, 21_600_000];
export const MAX_CONSECUTIVE_FAILURES = 20;
export const DELIVER_TASK = 'webhooks.deliver';

/** Whether a PUBLIC caller may see the activity's subject (the payload is for the public). */
export type PublicCheck = (records: ActivityRecord[]) => Promise<Set<number>>;

export interface WebhookData {
  url: string;
  regionId: number;
  types: ActivityType[];
  description?: string | null;
}

export class WebhookService {
  private readonly hydrate;
  private readonly hydrateDelivery;

  constructor(
    private readonly db: Database,
    private readonly config: Config,
    private readonly queue: JobQueue,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly accounts: AccountService,
  ) {
    this.hydrate = makeHydrator(db.dataSource, Webhook);
    this.hydrateDelivery = makeHydrator(db.dataSource, WebhookDelivery);
  }

  private async regionPath(q: Queryable, regionId: number): Promise<number[]> {
    const { rows } = await q.query<{ path: string }>('SELECT path FROM region WHERE id = $1', [
      regionId,
    ]);
    if (!rows[0]) throw new NotFoundError('Region', 'regionId');
    return pathIds(rows[0].path);
  }

  async create(viewer: Viewer, data: WebhookData): Promise<{ webhook: Webhook; secret: string }> {
    if (viewer.role !== Role.ADMIN && viewer.role !== Role.COORDINATOR)
      throw new ForbiddenError('Only coordinators and admins register webhooks');
    const url = checkWebhookUrl(data.url.trim(), this.config.nodeEnv === 'production');
    if (typeof url === 'string') throw new BadUserInputError(url, 'url');
    const types = [...new Set(data.types)];
    if (types.length === 0)
      throw new BadUserInputError('types must name at least one activity type', 'types');
    const description = data.description?.trim() || null;
    if (description && description.length > 500)
      throw new BadUserInputError('description must be at most 500 characters', 'description');
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    return this.db.transaction(async (tx) => {
      if (!canManageWebhooks(viewer, await this.regionPath(tx, data.regionId)))
        throw new ForbiddenError('You coordinate no region of this webhook');
      // It starts at the log's head: only what happens from now on is delivered.
      const [row] = await tx.rows(
        `INSERT INTO webhook (url, description, region_id, types, secret, created_by, position)
         VALUES ($1, $2, $3, $4, $5, $6, (SELECT coalesce(max(position), 0) FROM activity)) RETURNING *`,
        [url.toString(), description, data.regionId, types, secret, viewer.sub ?? 'unknown'],
      );
      const webhook = this.hydrate(row);
      await this.audit.record(tx, viewer, {
        operation: 'createWebhook',
        targetIds: [toGlobalId('Webhook', webhook.id)],
        regionId: data.regionId,
      });
      return { webhook, secret };
    });
  }

  async delete(viewer: Viewer, id: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx.rows('SELECT * FROM webhook WHERE id = $1 FOR UPDATE', [id]);
      const webhook = row ? this.hydrate(row) : null;
      if (!webhook || !(await this.mayManage(tx, viewer, webhook)))
        throw new NotFoundError('Webhook', toGlobalId('Webhook', id));
      await tx.query('DELETE FROM webhook_delivery WHERE webhook_id = $1', [id]);
      await tx.query('DELETE FROM webhook WHERE id = $1', [id]);
      await this.queue.removeJob(tx, `webhook:${id}`);
      await this.audit.record(tx, viewer, {
        operation: 'deleteWebhook',
        targetIds: [toGlobalId('Webhook', id)],
        regionId: webhook.regionId,
      });
    });
  }

  private async mayManage(q: Queryable, viewer: Viewer, w: Webhook): Promise<boolean> {
    if (viewer.role === Role.ADMIN) return true;
    return canManageWebhooks(viewer, await this.regionPath(q, w.regionId));
  }

  /** The webhooks the viewer manages (of a region and below, when given); newest first. */
  async list(viewer: Viewer, regionId?: number): Promise<Webhook[]> {
    if (viewer.role !== Role.ADMIN && viewer.role !== Role.COORDINATOR)
      throw new ForbiddenError('Only coordinators and admins see webhooks');
    const params: unknown[] = [];
    const where: string[] = [];
    if (regionId !== undefined) {
      params.push(regionId);
      where.push(`r.path LIKE (SELECT path FROM region WHERE id = $${params.length}) || '%'`);
    }
    if (viewer.role === Role.COORDINATOR) {
      params.push(viewer.regionIds);
      where.push(
        `string_to_array(trim(both '/' from r.path), '/')::int[] && $${params.length}::int[]`,
      );
    }
    const rows = await this.db.read(
      `SELECT w.* FROM webhook w JOIN region r ON r.id = w.region_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY w.id DESC`,
      params,
    );
    return rows.map(this.hydrate);
  }

  async byIds(ids: number[]): Promise<Webhook[]> {
    if (ids.length === 0) return [];
    return (await this.db.read('SELECT * FROM webhook WHERE id = ANY($1)', [ids])).map(
      this.hydrate,
    );
  }

  /** The viewer's webhook by id, or null (node()). */
  async visible(viewer: Viewer, id: number): Promise<Webhook | null> {
    const [w] = await this.byIds([id]);
    return w && (await this.mayManage(this.db.primary, viewer, w)) ? w : null;
  }

  async deliveries(webhookId: number, first: number): Promise<WebhookDelivery[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw new BadUserInputError('first must be between 1 and 100', 'first');
    const rows = await this.db.read(
      'SELECT * FROM webhook_delivery WHERE webhook_id = $1 ORDER BY id DESC LIMIT $2',
      [webhookId, first],
    );
    return rows.map(this.hydrateDelivery);
  }

  /** Enqueues a delivery run for every active webhook that has something after its position. */
  async wake(q: Queryable, ids?: number[]): Promise<number> {
    const { rows } = await q.query<{ id: number }>(
      `SELECT w.id FROM webhook w
        WHERE w.active AND ($1::int[] IS NULL OR w.id = ANY($1))
          AND EXISTS (SELECT 1 FROM activity a WHERE a.position > w.position)`,
      [ids ?? null],
    );
    for (const { id } of rows) await this.enqueue(q, id);
    return rows.length;
  }

  wakeAll(): Promise<number> {
    return this.wake(this.db.primary);
  }

  private enqueue(q: Queryable, id: number, runAt?: Date): Promise<void> {
    // One queue per endpoint: its activities go out one after another, in log order, and a
    // slow endpoint holds up no other. The key keeps one pending run per endpoint.
    return this.queue.add(
      q,
      DELIVER_TASK,
      { webhookId: id },
      {
        jobKey: `webhook:${id}`,
        queueName: `webhook:${id}`,
        runAt,
        maxAttempts: 3,
      },
    );
  }

  /**
   * Delivers what the endpoint has not had yet, in log order, until it fails or is done (at
   * most 100 a run). A failure is recorded with the next attempt's time and the run is
   * scheduled again then. The log is read in slices of 200 and each slice's visibility is
   * checked once, not once per delivery.
   */
  async deliver(webhookId: number, isPublic: PublicCheck): Promise<void> {
    let sent = 0;
    while (sent < 100) {
      const [row] = await this.db.query('SELECT * FROM webhook WHERE id = $1', [webhookId]);
      const w = row ? this.hydrate(row) : null;
      if (!w || !w.active) return;
      const due = await this.pending(w, isPublic);
      if (due.length === 0) return;
      const regionNames = new Map<number, string | null>();
      for (const next of due) {
        if ((await this.attempt(w, next, regionNames)) !== 'delivered') return;
        if (++sent >= 100) break;
      }
    }
    // More than a run's share: go on in a new run, after other queues had their turn.
    await this.enqueue(this.db.primary, webhookId);
  }

  /** One attempt at one activity: 'delivered', or why the run stops here. */
  private async attempt(
    w: Webhook,
    next: ActivityRecord,
    regionNames: Map<number, string | null>,
  ): Promise<'delivered' | 'failed' | 'waiting' | 'gone'> {
    const { rows: tries } = await this.db.primary.query<{ n: number; next: Date | null }>(
      `SELECT count(*)::int AS n, max(next_attempt_at) AS next FROM webhook_delivery
        WHERE webhook_id = $1 AND activity_position = $2`,
      [w.id, next.position],
    );
    const attempt = tries[0].n + 1;
    if (tries[0].next && tries[0].next.getTime() > Date.now()) {
      await this.enqueue(this.db.primary, w.id, tries[0].next);
      return 'waiting';
    }
    if (!regionNames.has(next.regionId)) {
      const region = await this.db.query<{ name: string }>(
        'SELECT name FROM region WHERE id = $1',
        [next.regionId],
      );
      regionNames.set(next.regionId, region[0]?.name ?? null);
    }
    const body = JSON.stringify({
      type: next.type,
      cursor: encodeActivityCursor(next.position),
      occurredAt: next.occurredAt.toISOString(),
      region: { id: toGlobalId('Region', next.regionId), name: regionNames.get(next.regionId) },
      subject: {
        id: toGlobalId(next.subjectType as 'Need', next.subjectId),
        __typename: next.subjectType,
      },
      summary: next.summary,
    });
    // Stable per activity and endpoint: receivers deduplicate retries with it.
    const msgId = `msg_${w.id}_${next.position}`;
    const timestamp = new Date();
    const signature = new Signer(w.secret).sign(msgId, timestamp, body);
    const result = await post(
      w.url,
      {
        'webhook-id': msgId,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
      this.config.webhookAllowPrivate,
    );
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const nextAttemptAt = ok
      ? null
      : new Date(Date.now() + BACKOFF_MS[Math.min(attempt - 1, BACKOFF_MS.length - 1)]);
    return this.db.transaction(async (tx) => {
      // Only an active row moves on or counts a failure (it may have been switched off or
      // deleted meanwhile); the one attempt that reaches the limit is the one that switches it
      // off and mails its owners, in this transaction.
      const [u] = ok
        ? await tx.rows<{ active: boolean; consecutive_failures: number }>(
            `UPDATE webhook SET position = GREATEST(position, $2), consecutive_failures = 0
              WHERE id = $1 AND active RETURNING active, consecutive_failures`,
            [w.id, next.position],
          )
        : await tx.rows<{ active: boolean; consecutive_failures: number }>(
            `UPDATE webhook SET consecutive_failures = consecutive_failures + 1,
                    active = consecutive_failures + 1 < $2
              WHERE id = $1 AND active RETURNING active, consecutive_failures`,
            [w.id, MAX_CONSECUTIVE_FAILURES],
          );
      if (!u) return 'gone';
      await tx.query(
        `INSERT INTO webhook_delivery (webhook_id, activity_position, attempt, status_code, error, delivered_at, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          w.id,
          next.position,
          attempt,
          result.statusCode,
          ok ? null : (result.error ?? `Antwort ${result.statusCode}`),
          ok ? new Date() : null,
          u.active ? nextAttemptAt : null,
        ],
      );
      if (ok) return 'delivered';
      if (u.active) await this.enqueue(tx, w.id, nextAttemptAt as Date);
      else
        await this.mailDeactivated(
          tx,
          w,
          u.consecutive_failures,
          result.error ?? `Antwort ${result.statusCode}`,
        );
      return 'failed';
    });
  }

  /** Tells the webhook's owners (see AccountService.ownerAddresses) that it was switched off. */
  private async mailDeactivated(
    tx: Queryable,
    w: Webhook,
    failures: number,
    lastError: string,
  ): Promise<void> {
    const { rows } = await tx.query<{ name: string; path: string }>(
      'SELECT name, path FROM region WHERE id = $1',
      [w.regionId],
    );
    const region = rows[0];
    const to = await this.accounts.ownerAddresses(
      tx,
      w.createdBy,
      region ? pathIds(region.path) : [],
    );
    const content = webhookDeactivatedMail({
      host: new URL(w.url).host,
      regionName: region?.name ?? 'eine gelöschte Region',
      description: w.description,
      failures,
      lastError,
    });
    for (const address of to)
      await this.mail.enqueue(tx, { to: address, kind: 'webhook-deactivated', ...content });
  }

  /**
   * The activities after the endpoint's position that are for it, in log order, from the
   * first slice of the log that has any; the position skips (advances past) those that are not.
   */
  private async pending(w: Webhook, isPublic: PublicCheck): Promise<ActivityRecord[]> {
    let position = Number(w.position);
    const [{ path }] = await this.db.query<{ path: string }>(
      'SELECT path FROM region WHERE id = $1',
      [w.regionId],
    );
    for (;;) {
      const rows = (
        await this.db.query(
          `SELECT ${ACTIVITY_COLUMNS} FROM activity a JOIN region r ON r.id = a.region_id
            WHERE a.position > $1 ORDER BY a.position LIMIT 200`,
          [position],
        )
      ).map(hydrateActivity);
      if (rows.length === 0) return [];
      const candidates = rows.filter(
        (r) =>
          r.regionPath.startsWith(path) && w.types.includes(r.type) && r.visibility === 'PUBLIC',
      );
      const visible = candidates.length ? await isPublic(candidates) : new Set<number>();
      const hits = candidates.filter((r) => visible.has(r.position));
      const skipTo = hits.length ? hits[0].position - 1 : rows[rows.length - 1].position;
      if (skipTo > position) {
        await this.db.query('UPDATE webhook SET position = GREATEST(position, $2) WHERE id = $1', [
          w.id,
          skipTo,
        ]);
        position = skipTo;
      }
      if (hits.length) return hits;
      if (rows.length < 200) return [];
    }
  }

  static readonly publicViewer = publicViewer('webhooks');
}
