// Limits every operation must meet before any resolver runs, on HTTP and WebSocket alike:
// depth, aliases, directives and a cost computed with the variables known (`first: $n` counts
// as n). Fields whose size is not a page (graph traversals) declare their real fan-out through
// FieldCosts, which modules provide from figures measured on the data. Parser token limits are
// applied where documents are parsed.
import {
  DocumentNode,
  FieldNode,
  getArgumentValues,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLList,
  GraphQLObjectType,
  GraphQLInterfaceType,
  GraphQLSchema,
  GraphQLType,
  isListType,
  isNonNullType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  valueFromAST,
} from 'graphql';

export interface OperationLimits {
  maxDepth: number;
  /** Introspection (what GraphiQL and codegen send) nests type references deeper. */
  maxIntrospectionDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
  maxTokens: number;
  /** Assumed size of a list field without first/last. */
  defaultListSize: number;
}

export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxIntrospectionDepth: 20,
  maxAliases: 30,
  maxDirectives: 20,
  maxCost: 50_000,
  maxTokens: 4_000,
  defaultListSize: 10,
};

export interface OperationMeasure {
  depth: number;
  introspectionDepth: number;
  aliases: number;
  directives: number;
  cost: number;
  /** A traversal nested inside another (outer and inner field), when the caller may not do that. */
  nestedTraversal: { outer: string; inner: string } | null;
}

/**
 * What a field costs when its size is not a page: a module states it from figures measured on
 * its data (the graph module: average degree, depth, traversal caps). `args` are the field's
 * arguments with the variables and defaults applied.
 */
export interface FieldCost {
  /** Items the field returns; its selection is paid once per item. */
  items(args: Record<string, unknown>): number;
  /** Work of its own besides the items (e.g. the actors a shortest-path search visits). */
  work?(args: Record<string, unknown>): number;
  /** Sizes of the lists on the object it returns (Network.actors, Network.cooperations). */
  lists?(args: Record<string, unknown>): Record<string, number>;
  /** Walks the cooperation graph: PUBLIC callers may not nest one inside another. */
  traversal?: boolean;
}

/**
 * Field costs by coordinate, `Type.field`; a coordinate on an interface (`Actor.partners`)
 * applies to every type implementing it.
 */
export type FieldCosts = ReadonlyMap<string, FieldCost>;

export interface MeasureOptions {
  costs?: FieldCosts;
  /** Refuse a traversal nested inside a traversal (for PUBLIC callers). */
  refuseNestedTraversals?: boolean;
}

/** The coordinate's cost, looked up on the type and then on its interfaces. */
function costOf(
  costs: FieldCosts | undefined,
  parent: GraphQLObjectType | GraphQLInterfaceType,
  field: string,
): FieldCost | undefined {
  if (!costs || costs.size === 0) return undefined;
  const own = costs.get(`${parent.name}.${field}`);
  if (own) return own;
  for (const i of parent.getInterfaces()) {
    const inherited = costs.get(`${i.name}.${field}`);
    if (inherited) return inherited;
  }
  return undefined;
}

/** A fan-out figure as a cost multiplier: a whole number, at least 0, never NaN. */
function count(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.ceil(n) : n === Number.POSITIVE_INFINITY ? n : 0;
}

function tooComplex(message: string, measure: Partial<OperationMeasure>): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'QUERY_TOO_COMPLEX', ...measure, http: { status: 400 } },
  });
}

/** A traversal inside a traversal, for a caller that may not: refused before anything runs. */
function nestedTraversalRefused({ outer, inner }: { outer: string; inner: string }): GraphQLError {
  const field = (c: string) => c.slice(c.indexOf('.') + 1);
  return new GraphQLError(
    `Ohne Anmeldung darf eine Graph-Abfrage nicht in einer anderen stehen: ` +
      `„${field(inner)}“ steht in „${field(outer)}“. Bitte die Abfrage aufteilen ` +
      `(erst die Partner, dann deren Partner einzeln abfragen) oder angemeldet fragen.`,
    {
      extensions: {
        code: 'BAD_USER_INPUT',
        reason: 'NESTED_TRAVERSAL',
        field: field(inner),
        http: { status: 400 },
      },
    },
  );
}

function isList(type: GraphQLType): boolean {
  const t = isNonNullType(type) ? type.ofType : type;
  return isListType(t);
}

/** Measures an operation; fragments are followed once per path, cycles are cut. */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits = DEFAULT_LIMITS,
  options: MeasureOptions = {},
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  let aliases = 0;
  let directives = operation.directives?.length ?? 0;
  let maxDepth = 0;
  let maxIntrospectionDepth = 0;
  // Fragments are walked per use so their cost multiplies correctly; a budget on visited
  // selections stops a "fragment bomb" from making the measurement itself expensive.
  let visits = 0;
  let exhausted = false;
  let nestedTraversal: OperationMeasure['nestedTraversal'] = null;
  const rootType =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();

  const argValue = (
    field: FieldNode,
    parent: GraphQLObjectType | GraphQLInterfaceType,
    name: string,
  ): number | null => {
    const def = parent.getFields()[field.name.value]?.args.find((a) => a.name === name);
    const node = field.arguments?.find((a) => a.name.value === name);
    if (!def || !node) return null;
    const v = valueFromAST(node.value, def.type, variables);
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };

  /** The field's arguments with variables and defaults applied; {} when they do not coerce. */
  const argsOf = (
    field: FieldNode,
    parent: GraphQLObjectType | GraphQLInterfaceType,
  ): Record<string, unknown> => {
    const def = parent.getFields()[field.name.value];
    if (!def) return {};
    try {
      return getArgumentValues(def, field, variables);
    } catch {
      return {}; // execution reports the bad argument itself
    }
  };

  /**
   * `lists`: sizes of list fields of the object this selection is on (a field's FieldCost says
   * them); `traversal`: the traversal field this selection lies in, if any.
   */
  const walk = (
    set: SelectionSetNode,
    parent: GraphQLType | null | undefined,
    depth: number,
    seen: Set<string>,
    introspection = false,
    lists: Record<string, number> | undefined = undefined,
    traversal: string | null = null,
  ): number => {
    if (introspection) maxIntrospectionDepth = Math.max(maxIntrospectionDepth, depth);
    else maxDepth = Math.max(maxDepth, depth);
    // already over: stop walking deeper
    if (depth > (introspection ? limits.maxIntrospectionDepth : limits.maxDepth) + 1) return 0;
    const named = parent ? getNamedType(parent) : null;
    let cost = 0;
    for (const sel of set.selections) {
      if (++visits > limits.maxCost * 4) {
        exhausted = true;
        return cost;
      }
      directives += sel.directives?.length ?? 0;
      if (sel.kind === Kind.FIELD) {
        if (sel.alias) aliases++;
        if (sel.name.value.startsWith('__')) {
          cost += 1;
          if (sel.selectionSet) cost += walk(sel.selectionSet, null, depth + 1, seen, true);
          continue;
        }
        const composite =
          named instanceof GraphQLObjectType || named instanceof GraphQLInterfaceType
            ? named
            : null;
        const fieldDef = composite?.getFields()[sel.name.value];
        const declared = composite ? costOf(options.costs, composite, sel.name.value) : undefined;
        const args = declared && composite ? argsOf(sel, composite) : {};
        const coordinate = `${composite?.name}.${sel.name.value}`;
        if (declared?.traversal && traversal && options.refuseNestedTraversals) {
          nestedTraversal ??= { outer: traversal, inner: coordinate };
        }
        let childCost = 0;
        if (sel.selectionSet) {
          childCost = walk(
            sel.selectionSet,
            fieldDef?.type,
            depth + 1,
            seen,
            introspection,
            declared?.lists?.(args),
            declared?.traversal ? coordinate : traversal,
          );
        }
        let multiplier = 1;
        if (declared) {
          cost += 1 + count(declared.work?.(args) ?? 0) + count(declared.items(args)) * childCost;
          continue;
        }
        const listed = lists?.[sel.name.value];
        if (listed !== undefined) multiplier = count(listed);
        else if (fieldDef && composite) {
          const named = composite;
          const n = argValue(sel, named, 'first') ?? argValue(sel, named, 'last');
          const fieldType = getNullableType(fieldDef.type);
          const connection = getNamedType(fieldType).name.endsWith('Connection');
          // A connection's page size counts once, at the connection field; its edges and nodes
          // lists are that page, not a further multiplication.
          const pageOfConnection = named.name.endsWith('Connection');
          if (n !== null) multiplier = Math.max(1, n);
          else if (connection) multiplier = 20;
          else if (pageOfConnection) multiplier = 1;
          else if (isList(fieldDef.type) || fieldType instanceof GraphQLList)
            multiplier = limits.defaultListSize;
        }
        cost += 1 + multiplier * childCost;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const typeCond = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        cost += walk(
          sel.selectionSet,
          typeCond as GraphQLType,
          depth,
          seen,
          introspection,
          lists,
          traversal,
        );
      } else {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (!frag || seen.has(name)) continue;
        const next = new Set(seen).add(name);
        cost += walk(
          frag.selectionSet,
          schema.getType(frag.typeCondition.name.value) as GraphQLType,
          depth,
          next,
          introspection,
          lists,
          traversal,
        );
      }
    }
    return cost;
  };

  const cost = rootType ? walk(operation.selectionSet, rootType, 1, new Set()) : 0;
  return {
    depth: maxDepth,
    introspectionDepth: maxIntrospectionDepth,
    aliases,
    directives,
    cost: exhausted ? Number.POSITIVE_INFINITY : cost,
    nestedTraversal,
  };
}

/** The errors for an operation over the limits; empty when it may run. */
export function checkOperationLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits = DEFAULT_LIMITS,
  options: MeasureOptions = {},
): GraphQLError[] {
  const m = measureOperation(schema, document, operation, variables, limits, options);
  if (m.nestedTraversal) return [nestedTraversalRefused(m.nestedTraversal)];
  if (m.depth > limits.maxDepth)
    return [
      tooComplex(`Query is nested too deeply (limit ${limits.maxDepth})`, { depth: m.depth }),
    ];
  if (m.introspectionDepth > limits.maxIntrospectionDepth) {
    return [
      tooComplex(`Introspection is nested too deeply (limit ${limits.maxIntrospectionDepth})`, {
        depth: m.introspectionDepth,
      }),
    ];
  }
  if (m.aliases > limits.maxAliases)
    return [tooComplex(`Too many aliases (limit ${limits.maxAliases})`, { aliases: m.aliases })];
  if (m.directives > limits.maxDirectives) {
    return [
      tooComplex(`Too many directives (limit ${limits.maxDirectives})`, {
        directives: m.directives,
      }),
    ];
  }
  if (m.cost > limits.maxCost) {
    return [
      tooComplex(
        `Query is too expensive: cost ${m.cost}, limit ${limits.maxCost}; ask for fewer items`,
        { cost: m.cost },
      ),
    ];
  }
  return [];
}
