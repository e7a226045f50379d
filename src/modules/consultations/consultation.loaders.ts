import { byIdLoader, groupedInKeyOrder, HubLoader } from '../../graphql/dataloader';
import { ConsultationMessage } from './consultation.entity';
import type { ConsultationService } from './consultation.service';
import type { KnowledgeService } from './knowledge.service';

/** Raw rows: callers apply canSeeConsultation (consultation-access.ts). */
export function createConsultationLoaders(
  consultations: ConsultationService,
  knowledge: KnowledgeService,
) {
  return {
    byId: byIdLoader(
      (ids) => consultations.byIds(ids),
      (c) => c.id,
    ),
    messages: new HubLoader<number, ConsultationMessage[]>(async (ids) =>
      groupedInKeyOrder(ids, await consultations.messagesOf([...ids]), (m) => m.consultationId),
    ),
    openCount: new HubLoader<number, number>(async (ids) => {
      const counts = await consultations.openCounts([...ids]);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    articleById: byIdLoader(
      (ids) => knowledge.byIds(ids),
      (k) => k.id,
    ),
  };
}
