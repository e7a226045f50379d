// The outgoing side of webhooks, guarded: the target's addresses are resolved and checked at
// delivery time (a name that later points at the database or a private range is refused), the
// connection goes to the checked address (no second lookup to rebind), redirects are never
// followed, at most 64 KB of the answer is read and none of it is kept, 5 s per attempt.
import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

export const DELIVERY_TIMEOUT_MS = 5000;
const MAX_RESPONSE_BYTES = 64 * 1024;

/** Loopback, private, link-local, unique-local, CGNAT, unspecified, multicast and reserved ranges. */
export function isPrivateAddress(address: string): boolean {
  let a = address;
  if (net.isIPv6(a)) {
    const lower = a.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    if (mapped) a = mapped[1];
    else
      return (
        lower === '::' ||
        lower === '::1' ||
        /^f[cd]/.test(lower) ||
        /^fe[89ab]/.test(lower) ||
        /^ff/.test(lower) ||
        lower.startsWith('64:ff9b:') ||
        lower.startsWith('2001:db8')
      );
  }
  if (!net.isIPv4(a)) return true;
  const [x, y] = a.split('.').map(Number);
  return (
    x === 0 ||
    x === 10 ||
    x === 127 ||
    (x === 100 && y >= 64 && y <= 127) ||
    (x === 169 && y === 254) ||
    (x === 172 && y >= 16 && y <= 31) ||
    (x === 192 && y === 168) ||
    (x === 192 && y === 0) ||
    (x === 198 && (y === 18 || y === 19)) ||
    x >= 224
  );
}

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** A URL a webhook may be created with: https, or http to loopback outside production. */
export function checkWebhookUrl(raw: string, production: boolean): URL | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url ist keine gültige Adresse';
  }
  if (raw.length > 2000) return 'url ist länger als 2000 Zeichen';
  if (url.username || url.password) return 'url darf keine Zugangsdaten enthalten';
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && !production && isLoopbackHost(url.hostname)) return url;
  return 'url muss mit https:// beginnen (http:// nur zu localhost in der Entwicklung)';
}

export interface DeliveryResult {
  statusCode: number | null;
  error: string | null;
}

/** POSTs the body once; the result, never an exception. */
export async function post(
  rawUrl: string,
  headers: Record<string, string>,
  body: string,
  allowPrivate: boolean,
): Promise<DeliveryResult> {
  const url = new URL(rawUrl);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let address: string;
  let family: number;
  try {
    const found = net.isIP(host)
      ? [{ address: host, family: net.isIP(host) }]
      : await dns.lookup(host, { all: true });
    if (found.length === 0) return { statusCode: null, error: 'Adresse nicht gefunden' };
    if (!allowPrivate && found.some((f) => isPrivateAddress(f.address)))
      return { statusCode: null, error: 'Ziel liegt in einem privaten Netz: abgelehnt' };
    ({ address, family } = found[0]);
  } catch {
    return { statusCode: null, error: 'Adresse nicht gefunden' };
  }
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise<DeliveryResult>((resolve) => {
    let settled = false;
    const done = (r: DeliveryResult) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    const req = lib.request(
      url,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'engagement-hub-webhooks',
        },
        // Connect to the address that was checked, not to a second lookup's answer.
        lookup: (_h, opts, cb) => {
          if ((opts as { all?: boolean }).all) cb(null, [{ address, family }] as never, family);
          else cb(null, address, family);
        },
        timeout: DELIVERY_TIMEOUT_MS,
        servername: net.isIP(host) ? undefined : host,
      },
      (res) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) res.destroy();
        });
        const finish = () => done({ statusCode: res.statusCode ?? null, error: null });
        res.on('end', finish);
        res.on('close', finish);
        res.on('error', finish);
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      done({ statusCode: null, error: 'Zeitüberschreitung (5 s)' });
    }, DELIVERY_TIMEOUT_MS);
    req.on('timeout', () => {
      req.destroy();
      done({ statusCode: null, error: 'Zeitüberschreitung (5 s)' });
    });
    req.on('error', (err) =>
      done({
        statusCode: null,
        error: `Verbindung fehlgeschlagen: ${(err as NodeJS.ErrnoException).code ?? 'Fehler'}`,
      }),
    );
    req.on('close', () => clearTimeout(timer));
    req.end(body);
  });
}
