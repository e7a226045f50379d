// Trusted documents (HUB_PUBLIC_OPERATIONS=trusted): callers without sign-in may run only the
// operations the hub's own clients were generated with (src/clients/generated/
// persisted-documents.json, written by `npm run codegen`), sent by hash in the Automatic
// Persisted Queries shape:
//   { "extensions": { "persistedQuery": { "version": 1, "sha256Hash": "<hash>" } }, "variables": ... }
// The hash is the sha256 of the document text in the manifest, so a query sent along must be
// exactly that text. Signed-in callers are unaffected. In every mode the hub resolves a known
// hash to its text, so its clients can always send the hash alone.
import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import persistedDocuments from '../clients/generated/persisted-documents.json';
import type { HubContext } from '../graphql/context';
import { Role, Viewer } from '../graphql/viewer';
import type { WsOperationGuard } from './ws-server';

export type PublicOperations = 'any' | 'trusted';
export type PersistedManifest = Readonly<Record<string, string>>;

export const PERSISTED_DOCUMENTS: PersistedManifest = persistedDocuments;

interface OperationRequest {
  query?: string;
  extensions?: Record<string, unknown> | null;
}

function persistedHash(extensions: OperationRequest['extensions']): string | undefined {
  const pq = extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  return typeof pq?.sha256Hash === 'string' ? pq.sha256Hash : undefined;
}

export class TrustedDocuments {
  constructor(
    readonly mode: PublicOperations,
    private readonly manifest: PersistedManifest = PERSISTED_DOCUMENTS,
  ) {}

  get size(): number {
    return Object.keys(this.manifest).length;
  }

  /** The manifest's text for a request that names a known hash (persisted query). */
  textFor(extensions: OperationRequest['extensions']): string | undefined {
    const hash = persistedHash(extensions);
    return hash !== undefined && Object.hasOwn(this.manifest, hash)
      ? this.manifest[hash]
      : undefined;
  }

  /**
   * Puts the manifest's text into the request when it names a known hash. Returns the error to
   * answer with when the caller may not run what it sent; undefined when it may.
   */
  apply(viewer: Viewer, request: OperationRequest): GraphQLError | undefined {
    const hash = persistedHash(request.extensions);
    const text = this.textFor(request.extensions);
    const restricted = this.mode === 'trusted' && viewer.role === Role.PUBLIC;
    if (text !== undefined) {
      // A restricted caller runs the manifest's text, never text of its own under a known hash.
      if (request.query === undefined || restricted) request.query = text;
      return undefined;
    }
    if (!restricted) return undefined;
    if (hash !== undefined && request.query === undefined) {
      return new GraphQLError('PersistedQueryNotFound', {
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 200 } },
      });
    }
    return new GraphQLError(
      'Without sign-in this hub runs only its published operations, sent by hash ' +
        '(extensions.persistedQuery.sha256Hash); sign in to send other operations',
      { extensions: { code: 'FORBIDDEN', http: { status: 403 } } },
    );
  }
}

/**
 * Apollo plugin: resolves known hashes before Apollo reads the request, and refuses what a
 * restricted caller may not run once the operation is known (so the refusal goes through the
 * usual error formatting, metrics and logging).
 */
export function trustedDocumentsPlugin(trusted: TrustedDocuments): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const refusal = trusted.apply(contextValue.viewer, request);
      if (!refusal) return;
      // An unknown hash without a query is answered by Apollo itself (PERSISTED_QUERY_NOT_FOUND)
      // unless its APQ cache knows it; only the manifest counts, so that case is refused here too.
      return {
        async didResolveOperation() {
          throw refusal;
        },
      };
    },
  };
}

/** The same rule for operations sent over the WebSocket. */
export function trustedDocumentsGuard(trusted: TrustedDocuments): WsOperationGuard {
  return ({ viewer, payload }) => trusted.apply(viewer, payload);
}
