// Text no field can hold: NUL characters (PostgreSQL's text types refuse them, and the driver's
// error became INTERNAL_SERVER_ERROR) and unpaired UTF-16 surrogates (not Unicode: they cannot
// be encoded as UTF-8 for the database, a log line or a mail). Checked once at the edge, over
// every string literal of the document and every string in the variables, on HTTP, WebSocket,
// SSE and multipart alike, before anything runs: no field, filter or search text needs its own
// check.
import { DocumentNode, GraphQLError, visit } from 'graphql';

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `s` holds a NUL or an unpaired surrogate. */
export function isUnstorableText(s: string): boolean {
  return UNSTORABLE.test(s);
}

function refusal(where: string): GraphQLError {
  return new GraphQLError(
    `${where} contains a NUL character or an unpaired surrogate, which no text may hold`,
    { extensions: { code: 'BAD_USER_INPUT', field: where, http: { status: 400 } } },
  );
}

/** The first place in `value` (a variables object) holding unstorable text, as a dotted path. */
function findInValue(value: unknown, path: string): string | null {
  const stack: Array<[unknown, string]> = [[value, path]];
  while (stack.length > 0) {
    const [v, p] = stack.pop()!;
    if (typeof v === 'string') {
      if (isUnstorableText(v)) return p;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${p}.${i}`]);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (isUnstorableText(k)) return p;
        stack.push([child, `${p}.${k}`]);
      }
    }
  }
  return null;
}

/**
 * BAD_USER_INPUT naming the first argument or variable with a NUL or an unpaired surrogate
 * (`field`: the argument name, or `variables.<name>...`), else nothing.
 */
export function checkInputText(
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError[] {
  let found: string | null = null;
  const args: string[] = [];
  visit(document, {
    Argument: {
      enter: (node) => void args.push(node.name.value),
      leave: () => void args.pop(),
    },
    StringValue(node) {
      if (found === null && isUnstorableText(node.value)) found = args.join('.') || 'query';
    },
  });
  if (found !== null) return [refusal(found)];
  const inVariables = variables ? findInValue(variables, 'variables') : null;
  return inVariables ? [refusal(inVariables)] : [];
}
