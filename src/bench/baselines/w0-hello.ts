// W0: hello world on raw node http, the machine's and the load driver's ceiling.
import http from 'node:http';
import { listen, readBody, sendJson } from './baseline-server';

const server = http.createServer(async (req, res) => {
  await readBody(req);
  sendJson(res, 200, { data: { hello: 'world' } });
});
listen(server, 'W0');
