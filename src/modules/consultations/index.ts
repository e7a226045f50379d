// Consultations with the pilots (Anfragen an die Ehrenamtslotsen): confidential questions of
// actors, assignment within each pilot's monthly capacity (Europe/Berlin), the thread with
// link-only mails, the one overdue reminder, CONSULTATION_* activities, and the public
// knowledge base of published answers.
import type { AccountsServices } from '../accounts';
import type { ActivityServices } from '../activity';
import type { AuditServices } from '../audit';
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import type { LinksServices } from '../links';
import type { MailServices } from '../mail';
import type { PilotsServices } from '../pilots';
import type { SearchServices } from '../search';
import { registerSearchResultType } from '../search/search.resolver';
import { ConsultationAssignment } from './consultation-assignment';
import { visibleConsultation } from './consultation-access';
import { Consultation, ConsultationMessage, PilotMonthLoad } from './consultation.entity';
import { createConsultationLoaders } from './consultation.loaders';
import {
  assertCanCoordinateConsultation,
  canCoordinateConsultation,
  canSeeConsultation,
} from './consultation.permissions';
import { ConsultationResolver } from './consultation.resolver';
import { ConsultationService, REMIND_TASK } from './consultation.service';
import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeArticleType } from './consultation.type';
import { KnowledgeArticleResolver, PilotLoadResolver } from './knowledge.resolver';
import { KnowledgeService } from './knowledge.service';

// Published answers are hits of the global `search` too.
registerSearchResultType(KnowledgeArticleType);

export const consultationsModule = defineModule({
  name: 'consultations',
  entities: [Consultation, ConsultationMessage, PilotMonthLoad, KnowledgeArticle],
  resolvers: [ConsultationResolver, KnowledgeArticleResolver, PilotLoadResolver],
  nodeTypes: [
    // Only the three parties; null for everyone else, on node(), `_entities` and the feed.
    {
      name: 'Consultation',
      fetch: (ctx, id): Promise<object | null> => visibleConsultation(ctx, id),
      entities: ['Consultation'],
    },
    {
      name: 'KnowledgeArticle',
      fetch: (ctx, id): Promise<object | null> => ctx.loaders.consultations.articleById.load(id),
      entities: ['KnowledgeArticle'],
      displayName: (k) => (k as KnowledgeArticle).title,
    },
  ],
  services: ({
    db,
    queue,
    audit,
    activity,
    mail,
    links,
    pilots,
    search,
  }: HubInfra &
    SearchServices &
    AuditServices &
    ActivityServices &
    MailServices &
    LinksServices &
    AccountsServices &
    PilotsServices) => {
    const consultations = new ConsultationService(db, audit, activity, mail, links, queue);
    const knowledge = new KnowledgeService(db, audit, consultations);
    search.registerSource({
      typeOrder: 3,
      search: async (_viewer, text, regionId, limit) =>
        (await knowledge.search(text, regionId, limit)).map((h) => ({
          hit: h.article,
          rank: h.rank,
        })),
    });
    return {
      consultations,
      consultationAssignment: new ConsultationAssignment(consultations, pilots),
      knowledge,
    };
  },
  loaders: ({ consultations, knowledge }) => createConsultationLoaders(consultations, knowledge),
  tasks: ({ consultations }) => ({
    // At dueAt: one reminder to the pilot of a consultation still unanswered.
    [REMIND_TASK]: async (payload, { log }) => {
      const id = Number((payload as { consultationId?: unknown }).consultationId);
      if (Number.isSafeInteger(id) && (await consultations.remindOverdue(id))) {
        log.info('overdue consultation: pilot reminded');
      }
    },
  }),
  permissions: { canSeeConsultation, canCoordinateConsultation, assertCanCoordinateConsultation },
});

/** What the consultations module adds to ctx.services, for the modules after it. */
export type ConsultationsServices = ServicesOf<typeof consultationsModule>;
