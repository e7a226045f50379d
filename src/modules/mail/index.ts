// Mail: the outbox (written in the caller's transaction), its sender (the job mail.send through
// nodemailer, retried with backoff), the /mailbox page when no SMTP server is configured, the
// German renderer (./render.ts) and the mail figures at /metrics.
import client from 'prom-client';
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import { MailOutbox } from './mail-outbox.entity';
import { MAIL_SEND_TASK, MailService } from './mail.service';
import { registerMailboxRoutes } from './mailbox.routes';

export const mailModule = defineModule({
  name: 'mail',
  entities: [MailOutbox],
  services: ({ db, queue, config }: HubInfra) => ({ mail: new MailService(db, queue, config) }),
  tasks: ({ mail }) => ({
    [MAIL_SEND_TASK]: async (payload, helpers) => {
      const id = Number((payload as { id?: unknown }).id);
      if (Number.isSafeInteger(id)) await mail.send(id, helpers);
    },
    'mail.prune': async (_payload, { log }) => {
      const erased = await mail.prune();
      if (erased) log.info({ erased }, 'old mails erased');
    },
  }),
  schedules: [{ task: 'mail.prune', pattern: '17 3 * * *' }],
  routes: (app, { mail }, deps) => registerMailboxRoutes(app, mail, mail.keeping, deps),
  metrics: (registry, { mail }) => {
    const gauge: client.Gauge<'kind' | 'status'> = new client.Gauge({
      name: 'hub_mails',
      help: 'Mails in the outbox by kind and status (queued, sending, sent, failed, kept)',
      labelNames: ['kind', 'status'],
      registers: [registry],
      async collect() {
        try {
          const rows = await mail.counts();
          gauge.reset();
          for (const r of rows) gauge.set({ kind: r.kind, status: r.status.toLowerCase() }, r.n);
        } catch {
          // The database is away: the scrape still answers, with the last figures.
        }
      },
    });
  },
});

/** What the mail module adds to ctx.services, for the factories of modules after it. */
export type MailServices = ServicesOf<typeof mailModule>;
export { formatBerlin, renderMail } from './render';
