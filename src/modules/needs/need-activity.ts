// The activities the needs module writes (NEED_OPENED, NEED_FILLED, PLEDGE_MADE), each in the
// transaction of its change. Summaries name the actors (organisations, public records) and the
// need's title, never a volunteer: a private person's pledge says "Eine Privatperson".
import type { Queryable } from '../../db/database';
import type { ActivityInput } from '../activity';
import { ActivityType } from '../activity/activity-type';
import type { Need } from './need.entity';

const KIND_WORDS: Record<string, [string, string]> = {
  HELPERS: ['helfende Person', 'Helfende'],
  EQUIPMENT: ['Ausrüstung', 'Ausrüstung'],
  ROOM: ['Raum', 'Räume'],
  EXPERTISE: ['Fachwissen', 'Fachwissen'],
  TRANSPORT: ['Fahrt', 'Fahrten'],
  FUNDING: ['Förderung', 'Förderung'],
  BOARD_POSITION: ['Vorstandsposten', 'Vorstandsposten'],
  OTHER: ['Unterstützung', 'Unterstützung'],
};

/** "4 Helfende", "1 Raum", "3 Stück": the need's quantity in plain words. */
function amount(need: Need, quantity = need.quantity): string {
  const words = KIND_WORDS[need.kind] ?? KIND_WORDS.OTHER;
  return `${quantity} ${need.unit ?? (quantity === 1 ? words[0] : words[1])}`;
}

async function actorName(q: Queryable, id: number): Promise<string> {
  const { rows } = await q.query<{ name: string }>('SELECT name FROM actor WHERE id = $1', [id]);
  return rows[0]?.name ?? 'Ein Akteur';
}

const base = (need: Need) => ({
  regionId: need.regionId,
  subject: { type: 'Need', id: need.id },
  visibility: need.visibility,
});

export async function needOpenedActivity(q: Queryable, need: Need): Promise<ActivityInput> {
  return {
    ...base(need),
    type: ActivityType.NEED_OPENED,
    actorIds: [need.actorId],
    summary: `${await actorName(q, need.actorId)} sucht ${amount(need)}: „${need.title}“`,
    data: { kind: need.kind, quantity: need.quantity, urgency: need.urgency },
  };
}

export async function needFilledActivity(q: Queryable, need: Need): Promise<ActivityInput> {
  return {
    ...base(need),
    type: ActivityType.NEED_FILLED,
    actorIds: [need.actorId],
    summary: `„${need.title}“ von ${await actorName(q, need.actorId)} ist vollständig zugesagt`,
    data: { kind: need.kind, quantity: need.quantity },
  };
}

/** A pledge of `quantity`; `byActorId` null for a private volunteer (never named). */
export async function pledgeMadeActivity(
  q: Queryable,
  need: Need,
  quantity: number,
  byActorId: number | null,
): Promise<ActivityInput> {
  const who = byActorId === null ? 'Eine Privatperson' : await actorName(q, byActorId);
  return {
    ...base(need),
    type: ActivityType.PLEDGE_MADE,
    actorIds: byActorId === null ? [need.actorId] : [need.actorId, byActorId],
    summary: `${who} sagt ${amount(need, quantity)} für „${need.title}“ zu`,
    data: {
      quantity,
      remaining: need.quantity - need.pledgedQuantity,
      byActor: byActorId !== null,
    },
  };
}
