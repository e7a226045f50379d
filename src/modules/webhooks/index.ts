// Webhooks: partner systems receive the activity log as signed POSTs (Standard Webhooks),
// delivered by the job queue, one queue per endpoint.
import { createContext } from '../../graphql/context';
import { createLoaders } from '../../graphql/loaders';
import type { Services } from '../../graphql/services';
import type { AccountsServices } from '../accounts';
import type { ActivityServices } from '../activity';
import { visiblePositions } from '../activity/activity-access';
import type { AuditServices } from '../audit';
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import type { MailServices } from '../mail';
import { WebhookDelivery } from './webhook-delivery.entity';
import { Webhook } from './webhook.entity';
import { canManageWebhooks } from './webhook.permissions';
import { WebhookResolver } from './webhook.resolver';
import { DELIVER_TASK, WebhookService } from './webhook.service';

export const webhooksModule = defineModule({
  name: 'webhooks',
  entities: [Webhook, WebhookDelivery],
  resolvers: [WebhookResolver],
  nodeTypes: [
    {
      name: 'Webhook',
      fetch: (ctx, id): Promise<object | null> => ctx.services.webhooks.visible(ctx.viewer, id),
    },
  ],
  services: ({
    db,
    config,
    queue,
    audit,
    activityHub,
    mail,
    accounts,
  }: HubInfra & AuditServices & ActivityServices & MailServices & AccountsServices) => {
    const webhooks = new WebhookService(db, config, queue, audit, mail, accounts);
    // Each committed batch of the log wakes the endpoints it may be for (one pending run each).
    // Batches that commit while a wake runs share the next one: under a burst of writes that is
    // one wake at a time per instance, not one per commit (each enqueues a job per endpoint).
    let waking = false;
    let again = false;
    activityHub.onBatch(() => {
      if (waking) {
        again = true;
        return;
      }
      waking = true;
      void (async () => {
        do {
          again = false;
          await webhooks.wake(db.primary).catch(() => undefined);
        } while (again);
        waking = false;
      })();
    });
    return { webhooks };
  },
  tasks: (services) => ({
    [DELIVER_TASK]: async (payload) => {
      const { webhookId } = payload as { webhookId: number };
      const all = services as unknown as Services;
      // What a PUBLIC caller may see of each subject: the payload is for the public.
      await services.webhooks.deliver(webhookId, (records) => {
        const ctx = createContext(all, WebhookService.publicViewer);
        ctx.loaders = createLoaders(all, { primary: true });
        return visiblePositions(ctx, records);
      });
    },
    'webhooks.wake': async () => {
      await services.webhooks.wakeAll();
    },
  }),
  // A safety net for notifications missed while no instance listened.
  schedules: [{ task: 'webhooks.wake', pattern: '* * * * *' }],
  permissions: { canManageWebhooks },
});

export type WebhooksServices = ServicesOf<typeof webhooksModule>;
