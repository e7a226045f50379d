// Writing a long-lived response (an SSE or multipart stream) to a reader that may go away at any
// moment. A reader that closes the connection is normal: the stream stops, its source is
// returned (so the subscription ends), and nothing is logged as an error. Writes wait for the
// reader (drain), so a slow reader holds back its own stream instead of filling memory.
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from './logger';

/**
 * Takes the response over from Fastify and sends the head: the headers Fastify collected so far
 * (CORS) go along, with the request id, since no onSend hook runs for a hijacked reply.
 */
export function startStream(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  headers: Record<string, string>,
): ServerResponse {
  reply.hijack();
  const collected: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) collected[name] = typeof value === 'number' ? String(value) : value;
  }
  reply.raw.writeHead(status, { ...collected, ...headers, 'x-request-id': String(req.id) });
  return reply.raw;
}

const CLOSED_READER_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
  'ERR_HTTP_HEADERS_SENT',
]);

/** True for the errors a write raises when the reader has gone. */
export function isClosedReader(err: unknown): boolean {
  return CLOSED_READER_CODES.has(String((err as { code?: unknown })?.code));
}

/** A reader that takes nothing for this long is dropped (its connection closed). */
export const STALLED_READER_MS = 30_000;

/** Resolves true once the reader took the buffered data; false when it went away or stalled. */
function drained(raw: ServerResponse, stallMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => () => {
      clearTimeout(timer);
      raw.off('drain', onDrain);
      raw.off('close', onClose);
      resolve(ok);
    };
    const onDrain = done(true);
    const onClose = done(false);
    const timer = setTimeout(done(false), stallMs);
    raw.once('drain', onDrain);
    raw.once('close', onClose);
  });
}

/** The streams an app has open, ended at shutdown (they would otherwise hold it up). */
export class OpenStreams {
  private readonly stops = new Set<() => void>();

  track(stop: () => void): () => void {
    this.stops.add(stop);
    return () => this.stops.delete(stop);
  }

  endAll(): void {
    for (const stop of [...this.stops]) stop();
  }
}

export interface PipeOptions {
  /** Where the stream is tracked, so that shutdown can end it. */
  streams?: OpenStreams;
  /** Called after each chunk was handed to the connection. */
  onWritten?: () => void;
  stallMs?: number;
}

/**
 * Writes every chunk of `source` to the response, then ends it. Stops when the reader goes
 * away, and drops a reader that takes nothing for STALLED_READER_MS (its buffers are freed).
 */
export async function pipeToReader(
  raw: ServerResponse,
  source: AsyncIterator<string> | AsyncIterableIterator<string>,
  log: Logger,
  options: PipeOptions = {},
): Promise<void> {
  const stallMs = options.stallMs ?? STALLED_READER_MS;
  const stop = () => void source.return?.(undefined)?.catch(() => undefined);
  // Write errors after the reader left are also emitted here: expected, not a crash.
  const onError = (err: unknown) => {
    if (!isClosedReader(err)) log.warn({ err }, 'stream write failed');
  };
  raw.on('error', onError);
  raw.once('close', stop);
  const untrack = options.streams?.track(stop);
  let stalled = false;
  try {
    for (;;) {
      if (raw.destroyed || raw.writableEnded) break;
      const { value, done } = await source.next();
      if (done) break;
      if (raw.destroyed || raw.writableEnded) break;
      const flushed = raw.write(value);
      options.onWritten?.();
      if (!flushed && !(await drained(raw, stallMs))) {
        stalled = !raw.destroyed;
        break;
      }
    }
  } catch (err) {
    if (!isClosedReader(err)) log.error({ err }, 'stream failed');
  } finally {
    untrack?.();
    raw.off('close', stop);
    if (stalled) raw.destroy();
    if (raw.destroyed || raw.writableEnded) stop();
    else raw.end();
    // Late write errors from a reader that left arrive after this; keep them quiet.
    raw.once('error', () => undefined);
    raw.off('error', onError);
  }
}
