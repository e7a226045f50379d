// Subscribers that would receive the same results share one GraphQL execution per event.
// Thousands of widgets watching the same municipality send the same document and variables
// with the same permissions (PUBLIC); instead of resolving every event once per socket, one
// source subscription per (document, variables, viewer rights) group is executed and its
// results are handed to every member. Subscriptions that resume from a cursor replay history
// of their own and are not shared.
import {
  DocumentNode,
  ExecutionArgs,
  ExecutionResult,
  FragmentDefinitionNode,
  getOperationAST,
  Kind,
  OperationDefinitionNode,
  print,
  SelectionSetNode,
  subscribe as graphqlSubscribe,
  valueFromASTUntyped,
} from 'graphql';
import type { HubContext } from '../graphql/context';

type Result = ExecutionResult;
type SubscribeResult = AsyncGenerator<Result, void, void> | Result;
export type SharedResult = AsyncIterableIterator<Result> | Result;

/** A member's backlog beyond which it is cut off instead of holding unbounded memory. */
const MAX_QUEUED = 1000;

class Member implements AsyncIterableIterator<Result> {
  private readonly queue: Result[] = [];
  private readonly waiters: Array<(r: IteratorResult<Result>) => void> = [];
  private done = false;

  constructor(private readonly leave: (m: Member) => void) {}

  push(r: Result): void {
    if (this.done) return;
    const w = this.waiters.shift();
    if (w) w({ value: r, done: false });
    else if (this.queue.push(r) > MAX_QUEUED) void this.return();
  }

  end(): void {
    this.done = true;
    for (const w of this.waiters.splice(0)) w({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<Result>> {
    const value = this.queue.shift();
    if (value) return Promise.resolve({ value, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  return(): Promise<IteratorResult<Result>> {
    if (!this.done) {
      this.queue.length = 0;
      this.end();
      this.leave(this);
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(): Promise<IteratorResult<Result>> {
    return this.return();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Result> {
    return this;
  }
}

class Group {
  readonly members = new Set<Member>();
  closed = false;

  constructor(
    private readonly source: AsyncGenerator<Result, void, void>,
    private readonly onResult: () => void,
    private readonly onEmpty: () => void,
  ) {}

  private started = false;

  private async pump(): Promise<void> {
    try {
      for await (const result of this.source) {
        this.onResult();
        for (const m of this.members) m.push(result);
      }
    } finally {
      this.closed = true;
      for (const m of this.members) m.end();
      this.members.clear();
      this.onEmpty();
    }
  }

  join(onLeave: () => void): Member {
    const m = new Member((left) => {
      onLeave();
      this.members.delete(left);
      if (this.members.size === 0) void this.source.return();
    });
    this.members.add(m);
    // The first member is in place before the first result can arrive.
    if (!this.started) {
      this.started = true;
      void this.pump();
    }
    return m;
  }
}

/**
 * What runs of a document: the operation and every fragment it uses (transitively), printed
 * (so layout and comments do not matter) with the fragments sorted by name. Fragments and
 * operations that do not run are left out; a fragment that does run is never left out, or a
 * document with a fragment of the same name but another selection would share its results.
 */
export function executableText(document: DocumentNode, op: OperationDefinitionNode): string {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const used = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): void => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const name = sel.name.value;
        if (used.has(name)) continue;
        used.add(name);
        walk(fragments.get(name)?.selectionSet);
      } else {
        walk(sel.selectionSet);
      }
    }
  };
  walk(op.selectionSet);
  const printed = [...used].sort().map((name) => {
    const fragment = fragments.get(name);
    return fragment ? print(fragment) : `missing ${name}`;
  });
  return [print(op), ...printed].join('\n');
}

/** JSON with object keys sorted: the same variables in another order are the same variables. */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .filter((k) => obj[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`)
    .join(',')}}`;
}

function isAsyncGenerator(r: SubscribeResult): r is AsyncGenerator<Result, void, void> {
  return typeof (r as AsyncGenerator<Result>)[Symbol.asyncIterator] === 'function';
}

export class SharedSubscriptions {
  private readonly groups = new Map<string, Promise<Group | null>>();
  /** Results executed (one per event per group), for the benchmark and metrics. */
  executions = 0;

  /** Sockets currently served by a shared group. */
  members = 0;

  get groupCount(): number {
    return this.groups.size;
  }

  /**
   * The grouping key: the executable document (operation and the fragments it uses), the
   * variables and the viewer's rights; null for operations that must run on their own (not a
   * subscription, or resuming from a cursor).
   */
  static keyOf(args: ExecutionArgs): string | null {
    const op = getOperationAST(args.document, args.operationName);
    if (!op || op.operation !== 'subscription') return null;
    const vars = args.variableValues ?? {};
    for (const sel of op.selectionSet.selections) {
      if (sel.kind !== Kind.FIELD) return null;
      const after = sel.arguments?.find((a) => a.name.value === 'after');
      if (after && valueFromASTUntyped(after.value, vars) != null) return null;
    }
    const v = (args.contextValue as HubContext).viewer;
    const rights = `${v.role}|${[...v.actorIds].sort().join(',')}|${[...v.regionIds].sort().join(',')}`;
    return `${executableText(args.document, op)}\u0000${stableJson(vars)}\u0000${rights}`;
  }

  async subscribe(args: ExecutionArgs): Promise<SharedResult> {
    const key = SharedSubscriptions.keyOf(args);
    if (key === null) return graphqlSubscribe(args) as Promise<SubscribeResult>;
    let pending = this.groups.get(key);
    if (pending && (await pending)?.closed) {
      this.groups.delete(key);
      pending = undefined;
    }
    if (!pending) {
      pending = (async () => {
        const result = (await graphqlSubscribe(args)) as SubscribeResult;
        if (!isAsyncGenerator(result)) {
          this.groups.delete(key);
          return null;
        }
        return new Group(
          result,
          () => this.executions++,
          () => this.groups.delete(key),
        );
      })();
      this.groups.set(key, pending);
    }
    const group = await pending;
    // The first subscribe failed (bad arguments): run this one alone to get its own errors.
    if (!group) return graphqlSubscribe(args) as Promise<SubscribeResult>;
    this.members++;
    return group.join(() => this.members--);
  }
}
