// Typed client documents from the published schema (`npm run codegen`). The output under
// src/clients/generated/ is committed; test/clients/codegen.test.ts fails when it is stale.
// The persisted-documents manifest (hash -> document) is what HUB_PUBLIC_OPERATIONS=trusted allows.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: [
    'src/clients/**/*.graphql',
    'src/clients/**/*.ts',
    '!src/clients/generated/**',
    'test/**/*.graphql',
  ],
  ignoreNoDocuments: false,
  generates: {
    'src/clients/generated/': {
      preset: 'client',
      presetConfig: {
        // sha256 of the printed document: the same hash Apollo's persisted-query protocol uses,
        // so a client sends `extensions.persistedQuery.sha256Hash` and nothing else.
        persistedDocuments: { hashAlgorithm: 'sha256' },
        // Plain objects are easier to use from hand-written DOM code than masked fragments.
        fragmentMasking: false,
      },
      config: {
        // String documents keep the widget free of the graphql-js runtime (size budget).
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        scalars: { DateTime: 'string', Date: 'string' },
      },
    },
  },
};

export default config;
