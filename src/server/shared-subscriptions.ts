// Subscribers that would receive the same results share one GraphQL execution per event, on
// every transport (WebSocket, SSE, multipart HTTP). Thousands of widgets watching the same
// municipality send the same document and variables with the same permissions (PUBLIC);
// instead of resolving every event once per subscriber, one source stream per (executable
// document, variables, viewer rights) group is executed and its results are handed to every
// member, each through a bounded queue of its own (subscription-member.ts).
// A subscriber that resumes with `after` (a mass reconnect after an outage) joins the group it
// would have without `after`, catches up on its own replay of the log meanwhile, then follows
// the group. Replays are the expensive part (reading and executing history), so an instance
// runs at most `replaySlots` of them at once; the others wait their turn, holding the group's
// results.
import {
  createSourceEventStream,
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
} from 'graphql';
import { outsideRequestBudget } from '../db/request-budget';
import { createContext, type HubContext } from '../graphql/context';
import { SkipEventError, UnauthenticatedError } from '../graphql/errors';
import type { Viewer } from '../graphql/viewer';
import { executeWithinBudget } from './request-timeout';
import { endingResult, Member, MemberLimits, scheduleAt } from './subscription-member';

type Result = ExecutionResult;
export type SharedResult = AsyncIterableIterator<Result> | Result;

export interface SharingLimits extends MemberLimits {
  /** Resuming subscribers replaying history at once, per instance. */
  replaySlots: number;
  /** The time budget of one event's execution (HUB_REQUEST_TIMEOUT_MS). */
  executionTimeoutMs: number;
}

export const DEFAULT_SHARING_LIMITS: SharingLimits = {
  maxQueued: 1000,
  replayStallMs: 30_000,
  replaySlots: 4,
  executionTimeoutMs: 10_000,
};

/**
 * Runs between an event's match (the source stream yielded it) and its execution: instruments
 * and tests step in there (e.g. to change the need in between, as a concurrent mutation may).
 */
export type BeforeExecuteHook = (event: unknown) => Promise<void> | void;

/**
 * An execution whose root resolver said the event is not for these subscribers (the need
 * became invisible to them after the filter matched): delivered to nobody, never as an error.
 */
export function isSkipped(result: ExecutionResult): boolean {
  return result.errors?.length === 1 && result.errors[0].originalError instanceof SkipEventError;
}

/** A source that can stop where its replay of the log ends (NeedEventStream). */
interface CatchingUp {
  endAtCaughtUp(): void;
  readonly caughtUp: Promise<unknown>;
}

function catchesUp(source: unknown): source is CatchingUp {
  return typeof (source as Partial<CatchingUp>).endAtCaughtUp === 'function';
}

/** The event's log position, when the source's events carry one. */
function positionOf(event: unknown): number | null {
  const p = (event as { position?: unknown } | null)?.position;
  return typeof p === 'number' ? p : null;
}

function isAsyncIterable(r: unknown): r is AsyncIterable<unknown> {
  return typeof (r as AsyncIterable<unknown>)?.[Symbol.asyncIterator] === 'function';
}

/** A FIFO semaphore: at most `size` holders at once. */
class Slots {
  private used = 0;
  private readonly waiting: Array<() => void> = [];
  /** The most holders there ever were at once. */
  peak = 0;

  constructor(private readonly size: () => number) {}

  get queued(): number {
    return this.waiting.length;
  }

  async acquire(): Promise<() => void> {
    if (this.used >= this.size()) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.used++;
    this.peak = Math.max(this.peak, this.used);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.used--;
    };
  }
}

/** One execution per event, handed to every member. */
class Group {
  readonly members = new Set<Member>();
  /** No member left: the source is being returned; newcomers start a new group. */
  closing = false;
  private started = false;

  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly args: ExecutionArgs,
    private readonly onResult: () => void,
    private readonly onClosed: () => void,
    private readonly run: (args: ExecutionArgs, event: unknown) => Promise<ExecutionResult>,
  ) {}

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const { value, done } = await this.source.next();
        if (done) break;
        const result = await this.run({ ...this.args, rootValue: value }, value);
        this.onResult();
        if (isSkipped(result)) continue;
        const position = positionOf(value);
        for (const m of this.members) m.offer(position, result);
      }
      for (const m of [...this.members]) m.end();
    } catch (err) {
      // The stream failed (a subscriber too slow for it, the database): every member is told.
      const ending = endingResult(err instanceof Error ? err : new Error(String(err)));
      for (const m of [...this.members]) m.fail(ending);
    } finally {
      this.closing = true;
      this.members.clear();
      this.onClosed();
    }
  }

  join(member: Member): Member {
    this.members.add(member);
    member.onLeave(() => {
      this.members.delete(member);
      if (this.members.size === 0 && !this.closing) {
        this.closing = true;
        void this.source.return?.();
      }
    });
    // The first member is in place before the first result can arrive. The pump outlives the
    // request that started it: it runs outside that request's time budget (each event's
    // execution gets a budget of its own).
    if (!this.started) {
      this.started = true;
      outsideRequestBudget(() => void this.pump());
    }
    return member;
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

/** How a subscription is served: in a group (maybe after a replay of its own), or alone. */
type Plan =
  | { share: true; key: string; liveArgs: ExecutionArgs; resumes: boolean }
  | { share: false; resumes: boolean };

export class SharedSubscriptions {
  private readonly groups = new Map<string, Promise<Group | null>>();
  private readonly replays = new Slots(() => this.limits.replaySlots);
  /** Tunable (tests lower them); read when a member joins or a replay starts. */
  readonly limits: SharingLimits = { ...DEFAULT_SHARING_LIMITS };
  /** Results executed (one per event per group), for the benchmark and metrics. */
  executions = 0;
  /** Results executed for resuming subscribers' replays. */
  replayExecutions = 0;
  /** Subscribers currently served by a shared group. */
  members = 0;
  /** See BeforeExecuteHook; none in production. */
  beforeExecute: BeforeExecuteHook | null = null;

  /** One event's execution: the hook, then graphql-js within the event's time budget. */
  private readonly execute = async (
    args: ExecutionArgs,
    event: unknown,
  ): Promise<ExecutionResult> => {
    if (this.beforeExecute) await this.beforeExecute(event);
    return executeWithinBudget(args, this.limits.executionTimeoutMs, undefined);
  };
  /** Where ended sessions are announced (Authenticator.onRevoked); set by the hub. */
  onRevoked?: (listener: (ended: (viewer: Viewer) => boolean) => void) => () => void;

  get groupCount(): number {
    return this.groups.size;
  }

  /** Resuming subscribers waiting for a replay slot. */
  get replaysWaiting(): number {
    return this.replays.queued;
  }

  /** The most replays that ever ran at once in this instance. */
  get replaysPeak(): number {
    return this.replays.peak;
  }

  /**
   * The grouping key: the executable document (operation and the fragments it uses), the
   * variables and the viewer's rights (role, actors, regions: what decides what a subscriber may
   * see; the token's subject does not). `after` given as a variable is left out of the key: a
   * resuming subscriber joins the group of the same subscription without it. Subscriptions
   * whose root selections are not plain fields, or with `after` written into the document,
   * run alone.
   */
  static plan(args: ExecutionArgs): Plan | null {
    const op = getOperationAST(args.document, args.operationName);
    if (!op || op.operation !== 'subscription') return null;
    const vars: Record<string, unknown> = { ...(args.variableValues ?? {}) };
    let resumes = false;
    let share = true;
    for (const sel of op.selectionSet.selections) {
      if (sel.kind !== Kind.FIELD) {
        share = false;
        continue;
      }
      const after = sel.arguments?.find((a) => a.name.value === 'after')?.value;
      if (!after || after.kind === Kind.NULL) continue;
      if (after.kind === Kind.VARIABLE) {
        // Null and absent mean the same for `after` (start now): neither is part of the key.
        if (vars[after.name.value] != null) resumes = true;
        delete vars[after.name.value];
      } else {
        resumes = true;
        share = false;
      }
    }
    if (!share) return { share, resumes };
    const v = (args.contextValue as HubContext).viewer;
    const rights = `${v.role}|${[...v.actorIds].sort().join(',')}|${[...v.regionIds].sort().join(',')}`;
    const key = `${executableText(args.document, op)}\u0000${stableJson(vars)}\u0000${rights}`;
    return { share, key, liveArgs: { ...args, variableValues: vars }, resumes };
  }

  async subscribe(args: ExecutionArgs): Promise<SharedResult> {
    const plan = SharedSubscriptions.plan(args);
    if (!plan) return graphqlSubscribe(args) as Promise<SharedResult>;
    if (!plan.share) return this.alone(args, plan.resumes);
    const group = await this.group(plan.key, plan.liveArgs);
    // The group could not start (bad arguments): run this one alone to get its own errors.
    if (!group) return this.alone(args, plan.resumes);
    if (!plan.resumes) return this.enlist(group, args);
    return this.resume(group, args);
  }

  private member(args: ExecutionArgs, counted = true): Member {
    if (counted) this.members++;
    const member = new Member(this.limits, () => counted && this.members--);
    // A stream ends when its token does (the WebSocket also closes then, with 4403).
    const expiresAt = (args.contextValue as HubContext).viewer.expiresAt;
    if (expiresAt !== undefined) {
      const expired = () =>
        member.drop(endingResult(new UnauthenticatedError('The token has expired')));
      member.onLeave(scheduleAt(expiresAt, expired));
    }
    // ... and when its session is ended (signOut): on SSE and multipart as on the WebSocket.
    const viewer = (args.contextValue as HubContext).viewer;
    if (viewer.accountId !== undefined && this.onRevoked) {
      const off = this.onRevoked((ended) => {
        if (ended(viewer))
          member.drop(
            endingResult(new UnauthenticatedError('This session has ended: sign in again')),
          );
      });
      member.onLeave(off);
    }
    return member;
  }

  private enlist(group: Group, args: ExecutionArgs): Member {
    return group.join(this.member(args));
  }

  /** The live group for a key, started with its own context (members' contexts stay theirs). */
  private async group(key: string, args: ExecutionArgs): Promise<Group | null> {
    for (;;) {
      const pending = this.groups.get(key);
      if (!pending) break;
      const existing = await pending;
      if (existing && !existing.closing) return existing;
      if (this.groups.get(key) === pending) {
        this.groups.delete(key);
        break;
      }
      // Someone started the next group meanwhile: look again.
    }
    const ctx = args.contextValue as HubContext;
    const groupArgs = { ...args, contextValue: createContext(ctx.services, ctx.viewer) };
    const started: Promise<Group | null> = (async () => {
      const source = await createSourceEventStream(groupArgs);
      if (!isAsyncIterable(source)) return null;
      return new Group(
        source[Symbol.asyncIterator](),
        groupArgs,
        () => this.executions++,
        () => {
          if (this.groups.get(key) === started) this.groups.delete(key);
        },
        this.execute,
      );
    })();
    this.groups.set(key, started);
    const group = await started.catch((err) => {
      if (this.groups.get(key) === started) this.groups.delete(key);
      throw err;
    });
    if (!group && this.groups.get(key) === started) this.groups.delete(key);
    return group;
  }

  /**
   * A resuming subscriber: in the group first (so nothing published from now on is missed),
   * then, with a replay slot, its own replay from the cursor to the log's head; the group's
   * results it did not replay follow.
   */
  private async resume(group: Group, args: ExecutionArgs): Promise<SharedResult> {
    const member = this.enlist(group, args);
    member.startCatchUp();
    const release = await this.replays.acquire();
    if (!member.active) {
      release(); // dropped while waiting (the group's results overflowed its hold)
      return member;
    }
    let source: Awaited<ReturnType<typeof createSourceEventStream>>;
    try {
      source = await createSourceEventStream(args);
    } catch (err) {
      release();
      void member.return();
      throw err;
    }
    if (!isAsyncIterable(source)) {
      release(); // a bad or expired cursor: its own errors
      void member.return();
      return source;
    }
    const replay = source[Symbol.asyncIterator]();
    if (!catchesUp(replay)) {
      release();
      void member.return();
      void replay.return?.();
      return this.alone(args, true);
    }
    replay.endAtCaughtUp();
    member.onLeave(() => void replay.return?.());
    outsideRequestBudget(() => void this.catchUp(member, replay, args).finally(release));
    return member;
  }

  private async catchUp(
    member: Member,
    replay: AsyncIterator<unknown>,
    args: ExecutionArgs,
  ): Promise<void> {
    try {
      for (;;) {
        const { value, done } = await replay.next();
        if (done || !member.active) break;
        const result = await this.execute({ ...args, rootValue: value }, value);
        this.replayExecutions++;
        if (isSkipped(result)) continue;
        if (!(await member.replayed(positionOf(value), result))) break;
      }
      member.caughtUp();
    } catch (err) {
      member.fail(endingResult(err instanceof Error ? err : new Error(String(err))));
    } finally {
      await replay.return?.();
    }
  }

  /** A subscription that shares with nobody, in a group of one (the same bounded queue). */
  private async alone(args: ExecutionArgs, resumes: boolean): Promise<SharedResult> {
    const release = resumes ? await this.replays.acquire() : () => undefined;
    let source: Awaited<ReturnType<typeof createSourceEventStream>>;
    try {
      source = await createSourceEventStream(args);
    } catch (err) {
      release();
      throw err;
    }
    if (!isAsyncIterable(source)) {
      release();
      return source;
    }
    const iterator = source[Symbol.asyncIterator]();
    if (catchesUp(iterator)) void iterator.caughtUp.finally(release);
    else release();
    const group = new Group(iterator, args, () => undefined, release, this.execute);
    return group.join(this.member(args, false));
  }
}
