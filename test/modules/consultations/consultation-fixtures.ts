// Shared set-up of the consultation tests: pilots created by an ADMIN, tokens for each party,
// and a PILOT token with the claim pilotId as the hub's sessions issue it.
import { Role } from '../../../src/graphql/viewer';
import { GqlResponse, TestHub } from '../../helpers/test-hub';

type Err = { extensions?: Record<string, unknown> };
export const code = (res: { errors?: Err[] }) => res.errors?.[0]?.extensions?.code;

export const CREATE_PILOT = `mutation($input: CreatePilotInput!) { createPilot(input: $input) {
  id displayName areas bio monthlyCapacity active openConsultationCount regions { name } } }`;
export const ASK = `mutation($input: AskPilotsInput!) { askPilots(input: $input) {
  id status area subject question dueAt createdAt actor { name } pilot { id } } }`;
export const ASSIGN = `mutation($id: ID!, $pilotId: ID!, $over: Boolean) {
  assignConsultation(id: $id, pilotId: $pilotId, overCapacity: $over) { id status pilot { id displayName } } }`;
export const REPLY = `mutation($id: ID!, $body: String!) { replyToConsultation(id: $id, body: $body) {
  id status messages { id author body createdAt } } }`;
export const CONSULTATION = `query($id: ID!) { node(id: $id) { ... on Consultation {
  id status subject question area dueAt pilot { id } messages { author body }
  suggestedPilots(first: 5) { score reasons pilot { id displayName } } } } }`;

export function must<T>(res: GqlResponse<T>): T {
  if (!res.data || res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

export async function createPilot(
  t: TestHub,
  token: string,
  input: Record<string, unknown>,
): Promise<string> {
  const res = await t.gql<{ createPilot: { id: string } }>(
    CREATE_PILOT,
    { input: { areas: ['ASSOCIATION_LAW'], monthlyCapacity: 2, ...input } },
    token,
  );
  return must(res).createPilot.id;
}

export const pilotToken = (t: TestHub, pilotId: string, sub = `pilot-${pilotId}`) =>
  t.hub.auth.sign({ sub, role: Role.PILOT, pilotId });

export async function ask(
  t: TestHub,
  token: string,
  actorId: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await t.gql<{ askPilots: { id: string } }>(
    ASK,
    {
      input: {
        actorId,
        area: 'ASSOCIATION_LAW',
        subject: 'Frage zur Satzung',
        question: 'Wie ändern wir die Satzung?',
        ...extra,
      },
    },
    token,
  );
  return must(res).askPilots.id;
}
