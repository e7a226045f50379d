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
import { KnowledgeArticleResolver, PilotLoadResolver } from './knowledge.resolver';
import { KnowledgeService } from './knowledge.service';

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
  }: HubInfra &
    AuditServices &
    ActivityServices &
    MailServices &
    LinksServices &
    AccountsServices &
    PilotsServices) => {
    const consultations = new ConsultationService(db, audit, activity, mail, links, queue);
    return {
      consultations,
      consultationAssignment: new ConsultationAssignment(consultations, pilots),
      knowledge: new KnowledgeService(db, audit, consultations),
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
