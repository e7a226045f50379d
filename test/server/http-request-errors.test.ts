// Request errors over HTTP: each gets the status code the GraphQL-over-HTTP spec asks for and a
// GraphQL error body ({ errors: [{ message, extensions.code }] }), never a framework's own shape.
import { answersLegacyJson } from '../../src/server/graphql-http-rules';
import { startTestHub, TestHub } from '../helpers/test-hub';

interface ErrorBody {
  data?: unknown;
  errors: Array<{ message: string; extensions?: { code?: string } }>;
}

describe('GraphQL over HTTP request errors', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(() => t.stop());

  async function send(init: RequestInit & { path?: string }) {
    const res = await fetch(t.url + (init.path ?? ''), init);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: JSON.parse(text) as ErrorBody };
  }

  const json = { 'content-type': 'application/json' };
  const graphqlResponse = { ...json, accept: 'application/graphql-response+json' };

  it('answers malformed JSON with 400 and a GraphQL error body', async () => {
    const r = await send({ method: 'POST', headers: json, body: '{"query": "{ regions { id } }"' });
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
    expect(r.body.errors[0].message).toMatch(/not valid JSON/);
  });

  it('answers a wrong or missing content type with 415', async () => {
    for (const headers of [
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/xml' },
    ]) {
      const r = await send({ method: 'POST', headers, body: '{"query":"{ __typename }"}' });
      expect(r.status).toBe(415);
      expect(r.body.errors[0].extensions?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const bare = await fetch(t.url, { method: 'POST', body: new Uint8Array([123, 125]) });
    expect(bare.status).toBe(415);
    expect(((await bare.json()) as ErrorBody).errors).toHaveLength(1);
  });

  it('refuses a mutation over GET with 405 and Allow: POST, but runs a query over GET', async () => {
    const mutation = encodeURIComponent('mutation { __typename }');
    const r = await send({ method: 'GET', path: `?query=${mutation}` });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('POST');
    expect(r.body.errors[0].extensions?.code).toBe('METHOD_NOT_ALLOWED');

    const query = encodeURIComponent('query Q { __typename }');
    const ok = await fetch(`${t.url}?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers an empty or missing query with 400', async () => {
    for (const body of ['{"query":""}', '{}', '{"query":"   "}']) {
      const r = await send({ method: 'POST', headers: json, body });
      expect(r.status).toBe(400);
      expect(r.body.errors[0].extensions?.code).toBe('BAD_REQUEST');
    }
  });

  it('answers an unsupported method with 405 and the allowed ones', async () => {
    const r = await send({ method: 'PUT', headers: json, body: '{}' });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, POST');
  });

  it('answers a body over the limit with 413', async () => {
    const body = JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(200 * 1024) });
    const r = await send({ method: 'POST', headers: json, body });
    expect(r.status).toBe(413);
    expect(r.body.errors[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  describe('parse and validation failures', () => {
    it('use 400 for application/graphql-response+json and carry no data entry', async () => {
      for (const query of ['{ regions { id }', '{ noSuchField }']) {
        const r = await send({
          method: 'POST',
          headers: graphqlResponse,
          body: JSON.stringify({ query }),
        });
        expect(r.status).toBe(400);
        expect(r.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
        expect(r.body).not.toHaveProperty('data');
        expect(r.body.errors.length).toBeGreaterThan(0);
      }
    });

    it('use 200 for application/json (the errors are in the body)', async () => {
      const parse = await send({
        method: 'POST',
        headers: json,
        body: '{"query":"{ regions { id }"}',
      });
      expect(parse.status).toBe(200);
      expect(parse.body.errors[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      const invalid = await send({
        method: 'POST',
        headers: json,
        body: '{"query":"{ noSuchField }"}',
      });
      expect(invalid.status).toBe(200);
      expect(invalid.body.errors[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });

  describe('answersLegacyJson (which media type the answer uses)', () => {
    it('follows quality, specificity and order like Apollo', () => {
      expect(answersLegacyJson(undefined)).toBe(true);
      expect(answersLegacyJson('*/*')).toBe(true);
      expect(answersLegacyJson('application/json')).toBe(true);
      expect(answersLegacyJson('application/graphql-response+json')).toBe(false);
      expect(answersLegacyJson('application/graphql-response+json, application/json')).toBe(false);
      expect(answersLegacyJson('application/json, application/graphql-response+json')).toBe(true);
      expect(answersLegacyJson('application/graphql-response+json;q=0.5, application/json')).toBe(
        true,
      );
      expect(answersLegacyJson('application/graphql-response+json, */*')).toBe(false);
      expect(answersLegacyJson('text/html')).toBe(false);
    });
  });
});
