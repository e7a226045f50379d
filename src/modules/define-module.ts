// What a feature module is: ONE manifest (`src/modules/<feature>/index.ts`) naming everything the
// hub needs from it, in the spirit of GraphQL Hive's createModule. The central files (schema,
// services, loaders, entities, global ids, node(), federation) loop over MODULES (./index.ts)
// and never name a feature, so a new feature is a folder plus one line in that list.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config/env';
import type { Database } from '../db/database';
import type { HubContext } from '../graphql/context';
import type { Viewer } from '../graphql/viewer';
import type { JobQueue, Schedule, TaskHandler } from '../queue/job-queue';

/** What every services factory may use besides the services of the modules before it. */
export interface HubInfra {
  config: Config;
  db: Database;
  /** The durable job queue (graphile-worker): add jobs in the transaction that causes them. */
  queue: JobQueue;
}

/**
 * A type of Relay node owned by the module. Its name is the prefix of its global ids
 * (base64url("Need:42")); node(), nodes() and federation's `_entities` load it through `fetch`.
 */
export interface NodeType<Name extends string = string> {
  readonly name: Name;
  /** The node if the caller may see it; null when it is missing or not visible. */
  fetch(ctx: HubContext, id: number): Promise<object | null>;
  /**
   * Federation entities (`@key(fields: "id")`) that resolve through this node type: usually
   * the type itself; Actor also its five object types. Empty: not an entity.
   */
  readonly entities?: readonly string[];
}

/** Per-process background work (listeners, sweeps), started after the services, stopped on shutdown. */
export interface BackgroundJob {
  readonly name: string;
  start(log: Logger): Promise<{ stop(): Promise<void> }>;
}

/**
 * HTTP routes a module serves besides /graphql (e.g. iCalendar feeds): registered on the hub's
 * Fastify app, with the caller's viewer from the same bearer token rules as /graphql.
 */
export interface HubRoutes {
  app: FastifyInstance;
  /** The viewer of a request; rejects (UNAUTHENTICATED) for a bad token, PUBLIC without one. */
  viewerOf(req: FastifyRequest): Promise<Viewer>;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassRef = Function;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Predicates = Readonly<Record<string, (...args: any[]) => unknown>>;

export interface HubModule<
  Name extends string = string,
  Deps = never,
  Services extends object = object,
  Loaders extends object = object,
  Permissions extends Predicates = Predicates,
  NodeName extends string = string,
> {
  /** Also the namespace of its loaders: `ctx.loaders.<name>.byId`. */
  readonly name: Name;
  /** TypeORM entities (the data source and the migration check read them). */
  readonly entities: readonly ClassRef[];
  /** type-graphql resolver classes; each is @Authorized() unless deliberately public. */
  readonly resolvers: readonly ClassRef[];
  readonly nodeTypes: readonly NodeType<NodeName>[];
  /** Builds the module's services once per process, from the infra and earlier modules' services. */
  readonly services: (deps: Deps) => Services;
  /** Builds the module's per-request DataLoaders (one set per request or subscription event). */
  readonly loaders: (services: Services) => Loaders;
  readonly jobs: (services: Services) => readonly BackgroundJob[];
  /** Registers the module's HTTP routes (none by default). */
  readonly routes: (services: Services) => (r: HubRoutes) => void;
  /** Job queue tasks, named `<module>.<task>`; run by the hub's job runner in any instance. */
  readonly tasks: (services: Services) => Readonly<Record<string, TaskHandler>>;
  /** Recurring jobs (crontab syntax), each fired once per tick across instances. */
  readonly schedules: readonly Schedule[];
  /** The pure permission predicates it exports (for node fetchers, other modules, tests). */
  readonly permissions: Permissions;
}

export interface ModuleDefinition<
  Name extends string,
  Deps,
  Services extends object,
  Loaders extends object,
  Permissions extends Predicates,
  NodeName extends string,
> {
  name: Name;
  entities?: readonly ClassRef[];
  resolvers?: readonly ClassRef[];
  nodeTypes?: readonly NodeType<NodeName>[];
  services?: (deps: Deps) => Services;
  loaders?: (services: Services) => Loaders;
  jobs?: (services: Services) => readonly BackgroundJob[];
  routes?: (services: Services) => (r: HubRoutes) => void;
  tasks?: (services: Services) => Readonly<Record<string, TaskHandler>>;
  schedules?: readonly Schedule[];
  permissions?: Permissions;
}

/**
 * Declares a module. `Deps` is what its services factory takes (HubInfra and services of
 * modules listed before it in MODULES; the order is checked at compile time, see
 * CheckModules), so write its parameter type out: `services: (d: HubInfra & AuditServices) =>`.
 */
export function defineModule<
  Name extends string,
  Deps = HubInfra,
  Services extends object = Record<never, never>,
  Loaders extends object = Record<never, never>,
  Permissions extends Predicates = Record<never, never>,
  NodeName extends string = never,
>(
  m: ModuleDefinition<Name, Deps, Services, Loaders, Permissions, NodeName>,
): HubModule<Name, Deps, Services, Loaders, Permissions, NodeName> {
  return {
    name: m.name,
    entities: m.entities ?? [],
    resolvers: m.resolvers ?? [],
    nodeTypes: m.nodeTypes ?? [],
    services: m.services ?? (() => ({}) as Services),
    loaders: m.loaders ?? (() => ({}) as Loaders),
    jobs: m.jobs ?? (() => []),
    routes: m.routes ?? (() => () => undefined),
    tasks: m.tasks ?? (() => ({})),
    schedules: m.schedules ?? [],
    permissions: m.permissions ?? ({} as Permissions),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModule = HubModule<string, any, any, object, Predicates, string>;

/** The names of every node type of the modules: the prefixes global ids may carry. */
export type NodeNamesOf<Ms extends readonly AnyModule[]> = Ms[number]['nodeTypes'][number]['name'];

/** The services a module builds. */
export type ServicesOf<M> = M extends { services: (deps: never) => infer S } ? S : never;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;

/** Every module's services in one object (what `ctx.services` holds besides the infra). */
export type ModuleServices<Ms extends readonly AnyModule[]> = UnionToIntersection<
  ServicesOf<Ms[number]>
>;

/** Loaders namespaced by module name: `ctx.loaders.needs.byId`. */
export type ModuleLoaders<Ms extends readonly AnyModule[]> = {
  [M in Ms[number] as M['name']]: ReturnType<M['loaders']>;
};

/**
 * `true` when the list is well formed: names unique (they are the loader namespaces), each
 * module's services factory gets everything it asks for from the infra and the modules before
 * it, and no module builds a service another already built. Otherwise a message naming the
 * module, which fails the `const _checked: CheckModules<...> = true` in ./index.ts.
 */
export type CheckModules<
  Ms extends readonly unknown[],
  Built = HubInfra,
  Names extends string = never,
> = Ms extends readonly [infer M, ...infer Rest]
  ? M extends { name: infer N extends string; services: (deps: infer D) => infer S }
    ? N extends Names
      ? `module name ${N} is used twice`
      : [Built] extends [D]
        ? [keyof S & keyof Built] extends [never]
          ? CheckModules<Rest, Built & S, Names | N>
          : `module ${N} builds services another module already built: ${keyof S & keyof Built & string}`
        : `module ${N} needs services that no module before it builds`
    : 'not a module'
  : true;
