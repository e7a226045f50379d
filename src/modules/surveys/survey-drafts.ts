// NEED answers become DRAFT needs of the answering actor (kind from the question), in the
// submission's transaction. Answering again replaces the response's drafts that are still
// unpublished; needs already published keep their link and are never touched.
import type { Transaction } from '../../db/database';
import type { NeedDrafts } from '../needs/need-drafts';
import type { CheckedAnswer } from './survey-validation';
import { QuestionKind, Survey, SurveyResponse } from './survey.entity';

export function draftNeedsHook(drafts: NeedDrafts) {
  return async (
    tx: Transaction,
    survey: Survey,
    response: SurveyResponse,
    answers: CheckedAnswer[],
  ): Promise<void> => {
    const linked = await tx.rows<{ need_id: number }>(
      'SELECT need_id FROM survey_need WHERE response_id = $1',
      [response.id],
    );
    await drafts.deleteDrafts(
      tx,
      linked.map((r) => Number(r.need_id)),
    );
    for (const a of answers) {
      const q = survey.questions.find((x) => x.id === a.questionId);
      if (!q || q.kind !== QuestionKind.NEED || !q.needKind || !a.need) continue;
      const needId = await drafts.createDraft(tx, {
        actorId: response.actorId,
        kind: q.needKind,
        title: a.need.title,
        description: a.need.description,
        quantity: a.need.quantity,
        startsAt: a.need.startsAt,
      });
      await tx.query(
        'INSERT INTO survey_need (need_id, response_id, question_id) VALUES ($1, $2, $3)',
        [needId, response.id, q.id],
      );
    }
  };
}
