// One error shape on every transport: the same bad operation gets the same message, locations
// and `extensions` (with the same `code`) over HTTP, WebSocket and SSE, and no transport leaks
// internals such as `extensions.http`.
import { startTestHub, TestHub } from '../helpers/test-hub';
import {
  FirstAnswer,
  GraphqlError,
  overHttp,
  overMultipart,
  overSse,
  overWebSocket,
  Payload,
  Transport,
} from '../helpers/transports';

let t: TestHub;

beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.stop());

const deep = `{ regions { ${'parent { '.repeat(13)}id${' }'.repeat(13)} } }`;

interface Case {
  name: string;
  payload: Payload;
  code: string;
}

const CASES: Case[] = [
  { name: 'a syntax error', payload: { query: '{ regions { id ' }, code: 'GRAPHQL_PARSE_FAILED' },
  {
    name: 'an unknown field',
    payload: { query: '{ regions { nope } }' },
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'an operation name the document does not have',
    payload: { query: 'query A { __typename }', operationName: 'B' },
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'several operations and no name',
    payload: { query: 'query A { __typename } query B { __typename }' },
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'a variable of the wrong type',
    payload: {
      query: 'query($n: Int!) { needs(first: $n) { totalCount } }',
      variables: { n: 'x' },
    },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a missing required variable',
    payload: { query: 'query($n: Int!) { needs(first: $n) { totalCount } }' },
    code: 'BAD_USER_INPUT',
  },
  { name: 'a query nested too deeply', payload: { query: deep }, code: 'QUERY_TOO_COMPLEX' },
  { name: 'a blank query', payload: { query: '   ' }, code: 'BAD_REQUEST' },
  {
    name: 'a page size out of bounds (a resolver refusal)',
    payload: { query: '{ needs(first: 500) { totalCount } }' },
    code: 'BAD_USER_INPUT',
  },
];

/** What a client reads of an error; `extensions` in full, so extra keys show up too. */
function shape(errors: GraphqlError[] | undefined) {
  return (errors ?? []).map((e) => ({
    message: e.message,
    locations: e.locations,
    path: e.path,
    extensions: e.extensions,
  }));
}

const TRANSPORTS: Record<string, Transport> = {
  WebSocket: overWebSocket,
  SSE: overSse,
};

describe('the same bad operation on every transport', () => {
  it.each(CASES)('$name: $code, with the same shape as over HTTP', async ({ payload, code }) => {
    const http = await overHttp(t.url, payload);
    expect(http.errors?.[0]?.extensions?.code).toBe(code);
    const answers: Record<string, FirstAnswer> = {};
    for (const [name, send] of Object.entries(TRANSPORTS))
      answers[name] = await send(t.url, payload);
    for (const [name, answer] of Object.entries(answers)) {
      expect({ transport: name, errors: shape(answer.errors) }).toEqual({
        transport: name,
        errors: shape(http.errors),
      });
    }
    for (const answer of [http, ...Object.values(answers)]) {
      for (const e of answer.errors ?? []) expect(e.extensions).not.toHaveProperty('http');
    }
  });

  it('refuses a bad token the same way (401 UNAUTHENTICATED) on HTTP and SSE', async () => {
    const payload = { query: '{ __typename }' };
    const http = await overHttp(t.url, payload, 'not-a-token');
    const sse = await overSse(t.url, payload, 'not-a-token');
    expect(http.status).toBe(401);
    expect(sse.status).toBe(401);
    expect(shape(sse.errors)).toEqual(shape(http.errors));
    expect(http.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('subscription errors on the streaming transports', () => {
  // Multipart answers a refusal before the stream as JSON, with the status HTTP would give.
  const STREAMING: Record<string, Transport> = { SSE: overSse, multipart: overMultipart };

  it.each([
    {
      name: 'a malformed cursor',
      payload: { query: 'subscription { needEvents(after: "bogus") { cursor } }' },
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'an unknown field',
      payload: { query: 'subscription { needEvents { nope } }' },
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
    {
      name: 'a nesting too deep',
      payload: {
        query: `subscription { needEvents { need { actor { region { ${'parent { '.repeat(10)}id${' }'.repeat(10)} } } } } }`,
      },
      code: 'QUERY_TOO_COMPLEX',
    },
  ])('$name: $code over WebSocket, SSE and multipart alike', async ({ payload, code }) => {
    const ws = await overWebSocket(t.url, payload);
    expect(ws.errors?.[0]?.extensions?.code).toBe(code);
    for (const [name, send] of Object.entries(STREAMING)) {
      const answer = await send(t.url, payload);
      expect({ transport: name, errors: shape(answer.errors) }).toEqual({
        transport: name,
        errors: shape(ws.errors),
      });
    }
  });
});
