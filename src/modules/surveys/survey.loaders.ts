import { byIdLoader, groupedInKeyOrder, HubLoader, inKeyOrder } from '../../graphql/dataloader';
import type { SurveyResults } from './survey-results';
import type { SurveyService } from './survey.service';

/** Raw rows: callers apply canSeeSurvey / canRunSurvey (survey-access.ts). */
export function createSurveyLoaders(surveys: SurveyService, results: SurveyResults) {
  return {
    byId: byIdLoader(
      (ids) => surveys.byIds(ids),
      (s) => s.id,
    ),
    responseById: byIdLoader(
      (ids) => surveys.responsesByIds(ids),
      (r) => r.id,
    ),
    /** Need ids made from each response's NEED answers, in question order. */
    needIdsOfResponse: new HubLoader<number, number[]>(async (ids) =>
      groupedInKeyOrder(ids, await results.needLinks([...ids]), (l) => l.responseId).map((ls) =>
        ls.map((l) => l.needId),
      ),
    ),
    counts: new HubLoader<number, { invited: number; responded: number }>(async (ids) =>
      inKeyOrder(ids, await results.counts([...ids]), (c) => c.surveyId).map(
        (c) => c ?? { invited: 0, responded: 0 },
      ),
    ),
  };
}
