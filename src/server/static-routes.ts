// Serves the browser clients: the explorer at /, the coordinators' dashboard at /dashboard, the
// signed-in workspace at /app, the embeddable widget at /widget.js with its demo page at
// /widget-demo, and the hashed bundle files under /assets/. Bundles come from dist/clients/ (npm run build:clients); nothing is loaded
// from another host, so all of it works on a network without internet.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { printSchema, type GraphQLSchema } from 'graphql';
import type { Database } from '../db/database';
import { toGlobalId } from '../graphql/global-id';
import {
  appPage,
  dashboardPage,
  explorerPage,
  FAVICON_SVG,
  missingBundlesPage,
  widgetDemoPage,
} from './client-pages';

export interface StaticRoutesOptions {
  db: Database;
  /** Published as /schema.graphql (SDL) when introspection is on: for the explorer and partners' codegen. */
  schema?: GraphQLSchema;
  /** Where build-clients.ts put the bundles; defaults to <project>/dist/clients. */
  clientsDir?: string;
}

interface ClientManifest {
  widget: { js: string };
  dashboard: { js: string; css?: string };
  explorer: { js: string; css?: string };
  app: { js: string; css?: string };
}

/** The project root, found from this file whether it runs compiled (dist/src/server) or not. */
function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) {
    dir = path.dirname(dir);
  }
  return dir;
}

export const DEFAULT_CLIENTS_DIR = path.join(projectRoot(), 'dist', 'clients');

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Pages: scripts and connections to this hub only; the dashboard's map draws on a canvas. */
function securityHeaders(reply: FastifyReply, host: string, frameable: boolean): void {
  const ws = host ? ` ws://${host} wss://${host}` : '';
  reply.header(
    'content-security-policy',
    [
      "default-src 'self'",
      `connect-src 'self'${ws}`,
      "img-src 'self' data: blob:",
      "style-src 'self' 'unsafe-inline'",
      "font-src 'self' data:",
      "worker-src 'self' blob:",
      "base-uri 'none'",
      "form-action 'none'",
      frameable ? '' : "frame-ancestors 'none'",
    ]
      .filter(Boolean)
      .join('; '),
  );
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cache-control', 'no-cache');
  reply.type('text/html; charset=utf-8');
}

/** The municipality with the most open public needs: a region id that shows something. */
export async function demoRegion(db: Database): Promise<{ id: string; name: string } | null> {
  const rows = await db.read<{ id: number; name: string }>(
    `SELECT r.id, r.name
       FROM region r
       LEFT JOIN need n ON n.region_id = r.id AND n.status = 'OPEN' AND n.visibility = 'PUBLIC'
      GROUP BY r.id
      ORDER BY (r.level = 'MUNICIPALITY') DESC, count(n.id) DESC, r.id
      LIMIT 1`,
  );
  return rows[0] ? { id: toGlobalId('Region', rows[0].id), name: rows[0].name } : null;
}

interface CachedFile {
  body: Buffer;
  etag: string;
}

/** The bundle directory: its manifest (re-read when the build is swapped in) and its files. */
class BundleDirectory {
  private readonly files = new Map<string, CachedFile>();
  private manifestCache: { mtimeMs: number; manifest: ClientManifest } | null = null;

  constructor(private readonly dir: string) {}

  /** Null while the bundles are not built; re-read after `npm run build:clients` while running. */
  manifest(): ClientManifest | null {
    const file = path.join(this.dir, 'manifest.json');
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return null;
    }
    if (this.manifestCache?.mtimeMs !== stat.mtimeMs) {
      this.manifestCache = {
        mtimeMs: stat.mtimeMs,
        manifest: JSON.parse(fs.readFileSync(file, 'utf8')),
      };
      this.files.clear();
    }
    return this.manifestCache.manifest;
  }

  async load(name: string): Promise<CachedFile | null> {
    const cached = this.files.get(name);
    if (cached) return cached;
    const full = path.join(this.dir, name);
    if (!full.startsWith(this.dir + path.sep)) return null;
    try {
      const body = await fs.promises.readFile(full);
      const entry = {
        body,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      };
      this.files.set(name, entry);
      return entry;
    } catch {
      return null;
    }
  }

  /** A bundle file, pre-compressed when the browser takes gzip, revalidated by ETag. */
  async send(
    req: FastifyRequest,
    reply: FastifyReply,
    name: string,
    cacheControl: string,
  ): Promise<FastifyReply> {
    const plain = await this.load(name);
    if (!plain) return reply.code(404).type('text/plain').send('Not found');
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
      ? await this.load(`${name}.gz`)
      : null;
    const file = gzip ? { body: gzip.body, etag: gzip.etag.replace(/"$/, '-gz"') } : plain;
    if (gzip) reply.header('content-encoding', 'gzip');
    reply.header('vary', 'accept-encoding');
    reply.header('cache-control', cacheControl);
    reply.header('etag', file.etag);
    reply.header('x-content-type-options', 'nosniff');
    reply.type(CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream');
    if (req.headers['if-none-match'] === file.etag) return reply.code(304).send();
    return reply.send(file.body);
  }
}

/** The explorer, the dashboard, the workspace and the widget's demo page. */
function registerPages(app: FastifyInstance, bundles: BundleDirectory, db: Database): void {
  const page =
    (
      render: (m: ClientManifest, req: FastifyRequest) => string | Promise<string>,
      frameable = false,
    ) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      const m = bundles.manifest();
      securityHeaders(reply, req.headers.host ?? '', frameable);
      if (!m) return reply.code(503).send(missingBundlesPage());
      return reply.send(await render(m, req));
    };

  app.get(
    '/',
    page((m) => explorerPage(m.explorer)),
  );
  app.get(
    '/dashboard',
    page((m) => dashboardPage(m.dashboard)),
  );
  app.get(
    '/app',
    page((m) => appPage(m.app)),
  );
  app.get(
    '/widget-demo',
    page(
      async (_m, req) => widgetDemoPage(await demoRegion(db), `${req.protocol}://${req.host}`),
      true,
    ),
  );
}

/** The SDL for the explorer and partners' codegen, revalidated by ETag. */
function registerSchemaRoute(app: FastifyInstance, schema: GraphQLSchema): void {
  const sdl = printSchema(schema);
  const etag = `"${createHash('sha256').update(sdl).digest('base64url').slice(0, 27)}"`;
  app.get('/schema.graphql', async (req, reply) => {
    reply
      .header('access-control-allow-origin', '*')
      .header('cache-control', 'public, max-age=60, must-revalidate')
      .header('etag', etag)
      .type('text/plain; charset=utf-8');
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.send(sdl);
  });
}

/** The favicon, the widget's stable address and the hashed bundle files. */
function registerAssets(app: FastifyInstance, bundles: BundleDirectory): void {
  app.get('/favicon.svg', async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=86400').type('image/svg+xml').send(FAVICON_SVG),
  );
  app.get('/favicon.ico', async (_req, reply) => reply.redirect('/favicon.svg', 301));

  // A stable address for embedders: short cache, revalidated by ETag, loadable from any site.
  app.get('/widget.js', async (req, reply) => {
    const m = bundles.manifest();
    if (!m) return reply.code(503).type('text/plain').send('The widget is not built yet.');
    reply.header('access-control-allow-origin', '*');
    reply.header('cross-origin-resource-policy', 'cross-origin');
    return bundles.send(req, reply, m.widget.js, 'public, max-age=300, must-revalidate');
  });

  // Hashed names change with their content: cache them for a year.
  app.get<{ Params: { '*': string } }>('/assets/*', async (req, reply) => {
    if (!bundles.manifest()) return reply.code(404).send();
    const name = req.params['*'];
    if (!/^[\w.-]+(\/[\w.-]+)?$/.test(name)) return reply.code(404).send();
    return bundles.send(req, reply, name, 'public, max-age=31536000, immutable');
  });
}

export function registerStaticRoutes(app: FastifyInstance, options: StaticRoutesOptions): void {
  const bundles = new BundleDirectory(options.clientsDir ?? DEFAULT_CLIENTS_DIR);
  registerPages(app, bundles, options.db);
  if (options.schema) registerSchemaRoute(app, options.schema);
  registerAssets(app, bundles);
}
