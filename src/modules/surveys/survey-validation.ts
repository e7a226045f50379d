// The checks of survey questions (createSurvey) and of answers (submitSurveyResponse). Every
// problem is BAD_USER_INPUT naming the field; an answer's problem also names the question by
// its number and text ("answers: question 2 (Wie viele Helfende ...) is required"), since the
// person answering knows the questions, not their ids.
import { BadUserInputError } from '../../graphql/errors';
import { NeedKind } from '../needs/need.entity';
import { boundedText, requiredText } from '../shared/text';
import { QuestionKind, StoredAnswer, StoredQuestion } from './survey.entity';

export interface QuestionData {
  kind: QuestionKind;
  text: string;
  options?: string[] | null;
  required?: boolean | null;
  needKind?: NeedKind | null;
}

export interface NeedAnswerData {
  title: string;
  description?: string | null;
  quantity?: number | null;
  startsAt?: Date | null;
}

export interface AnswerData {
  questionId: string;
  choices?: string[] | null;
  text?: string | null;
  number?: number | null;
  need?: NeedAnswerData | null;
}

/** A checked answer: what is stored, and for a NEED question the need to draft. */
export interface CheckedAnswer extends StoredAnswer {
  need: {
    title: string;
    description: string | null;
    quantity: number;
    startsAt: Date | null;
  } | null;
}

const CHOICE_KINDS = new Set([QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE]);
export const MAX_QUESTIONS = 50;
export const MAX_NUMBER = 1_000_000_000;

export function checkQuestions(questions: QuestionData[]): StoredQuestion[] {
  if (questions.length === 0 || questions.length > MAX_QUESTIONS) {
    throw new BadUserInputError(`questions must hold 1 to ${MAX_QUESTIONS} questions`, 'questions');
  }
  return questions.map((q, i) => {
    const field = `questions[${i}]`;
    const text = requiredText(q.text, `${field}.text`, 1, 500);
    let options: string[] = [];
    if (CHOICE_KINDS.has(q.kind)) {
      options = (q.options ?? []).map((o, j) => requiredText(o, `${field}.options[${j}]`, 1, 200));
      if (options.length < 2 || options.length > 30) {
        throw new BadUserInputError(
          `${field}.options must hold 2 to 30 options`,
          `${field}.options`,
        );
      }
      if (new Set(options).size !== options.length) {
        throw new BadUserInputError(
          `${field}.options must not repeat an option`,
          `${field}.options`,
        );
      }
    } else if (q.options?.length) {
      throw new BadUserInputError(
        `${field}.options are only for SINGLE_CHOICE and MULTIPLE_CHOICE questions`,
        `${field}.options`,
      );
    }
    if (q.kind === QuestionKind.NEED && q.needKind == null) {
      throw new BadUserInputError(
        `${field}.needKind is required for a NEED question`,
        `${field}.needKind`,
      );
    }
    if (q.kind !== QuestionKind.NEED && q.needKind != null) {
      throw new BadUserInputError(
        `${field}.needKind is only for NEED questions`,
        `${field}.needKind`,
      );
    }
    return {
      id: `q${i + 1}`,
      kind: q.kind,
      text,
      options,
      required: q.required ?? false,
      needKind: q.kind === QuestionKind.NEED ? (q.needKind ?? null) : null,
    };
  });
}

/** "question 2 (Wie viele ...)": how an answer's problem names its question. */
function named(q: StoredQuestion, index: number): string {
  const text = q.text.length > 60 ? `${q.text.slice(0, 57)}...` : q.text;
  return `question ${index + 1} (${text})`;
}

function bad(q: StoredQuestion, index: number, problem: string): never {
  throw new BadUserInputError(`answers: ${named(q, index)} ${problem}`, `answers.${q.id}`);
}

/** Checks answers against the questions; unanswered optional questions are left out. */
export function checkAnswers(questions: StoredQuestion[], answers: AnswerData[]): CheckedAnswer[] {
  const byId = new Map<string, AnswerData>();
  for (const a of answers) {
    if (!questions.some((q) => q.id === a.questionId)) {
      throw new BadUserInputError(
        `answers: questionId ${String(a.questionId).slice(0, 20)} is not a question of this survey`,
        'answers.questionId',
      );
    }
    if (byId.has(a.questionId)) {
      throw new BadUserInputError(`answers: question ${a.questionId} is answered twice`, 'answers');
    }
    byId.set(a.questionId, a);
  }
  const checked: CheckedAnswer[] = [];
  questions.forEach((q, i) => {
    const a = byId.get(q.id);
    const empty =
      !a ||
      (!(a.choices?.length ?? 0) &&
        (a.text == null || a.text.trim() === '') &&
        a.number == null &&
        a.need == null);
    if (empty) {
      if (q.required) bad(q, i, 'is required');
      return;
    }
    const out: CheckedAnswer = {
      questionId: q.id,
      choices: [],
      text: null,
      number: null,
      need: null,
    };
    switch (q.kind) {
      case QuestionKind.SINGLE_CHOICE:
      case QuestionKind.MULTIPLE_CHOICE: {
        const choices = [...new Set(a.choices ?? [])];
        if (choices.length === 0) bad(q, i, 'needs a choice');
        if (q.kind === QuestionKind.SINGLE_CHOICE && choices.length > 1) {
          bad(q, i, 'takes exactly one choice');
        }
        for (const c of choices) {
          if (!q.options.includes(c)) bad(q, i, 'has a choice that is not one of its options');
        }
        out.choices = choices;
        break;
      }
      case QuestionKind.TEXT:
        out.text = boundedText(a.text, `answers.${q.id}`, 0, 5000);
        if (out.text == null) bad(q, i, 'needs a text');
        break;
      case QuestionKind.NUMBER:
        if (a.number == null || !Number.isFinite(a.number) || Math.abs(a.number) > MAX_NUMBER) {
          bad(q, i, `needs a number from -${MAX_NUMBER} to ${MAX_NUMBER}`);
        }
        out.number = a.number;
        break;
      case QuestionKind.SCALE:
        if (a.number == null || !Number.isInteger(a.number) || a.number < 1 || a.number > 5) {
          bad(q, i, 'needs a whole number from 1 to 5');
        }
        out.number = a.number;
        break;
      case QuestionKind.NEED: {
        if (!a.need) bad(q, i, 'needs a need (title, quantity)');
        const quantity = a.need.quantity ?? 1;
        if (!Number.isInteger(quantity) || quantity < 1 || quantity > 10_000) {
          bad(q, i, 'needs a quantity from 1 to 10000');
        }
        const title = a.need.title?.trim() ?? '';
        if (title.length === 0 || title.length > 200)
          bad(q, i, 'needs a title of 1 to 200 characters');
        const description = a.need.description?.trim() || null;
        if (description && description.length > 5000) {
          bad(q, i, 'has a description longer than 5000 characters');
        }
        out.need = { title, description, quantity, startsAt: a.need.startsAt ?? null };
        out.text = title;
        out.number = quantity;
        break;
      }
    }
    checked.push(out);
  });
  return checked;
}
