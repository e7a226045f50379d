// B0: raw node http, one hand-written SQL statement, JSON.stringify. The ceiling for W1/W2.
import http from 'node:http';
import { decodeGlobalId } from '../../graphql/global-id';
import { benchPool, listen, readBody, sendJson } from './baseline-server';
import { widgetQuery } from './widget-sql';

const pool = benchPool();
const server = http.createServer(async (req, res) => {
  try {
    const body = JSON.parse(await readBody(req)) as {
      variables?: { regionId?: string; first?: number };
    };
    const region = decodeGlobalId(body.variables?.regionId ?? '');
    if (!region) return sendJson(res, 400, { errors: [{ message: 'regionId' }] });
    sendJson(
      res,
      200,
      await widgetQuery(pool, region.id, Math.min(100, body.variables?.first ?? 20)),
    );
  } catch (e) {
    sendJson(res, 500, { errors: [{ message: String(e) }] });
  }
});
listen(server, 'B0');
