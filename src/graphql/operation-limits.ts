// Limits every operation must meet before any resolver runs, on HTTP and WebSocket alike:
// depth, aliases, directives and a cost computed with the variables known (`first: $n` counts
// as n). Parser token limits are applied where documents are parsed.
import {
  DocumentNode,
  FieldNode,
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
}

function tooComplex(message: string, measure: Partial<OperationMeasure>): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'QUERY_TOO_COMPLEX', ...measure, http: { status: 400 } },
  });
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

  const walk = (
    set: SelectionSetNode,
    parent: GraphQLType | null | undefined,
    depth: number,
    seen: Set<string>,
    introspection = false,
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
        const fieldDef =
          named instanceof GraphQLObjectType || named instanceof GraphQLInterfaceType
            ? named.getFields()[sel.name.value]
            : undefined;
        let childCost = 0;
        if (sel.selectionSet) {
          childCost = walk(sel.selectionSet, fieldDef?.type, depth + 1, seen, introspection);
        }
        let multiplier = 1;
        if (
          fieldDef &&
          (named instanceof GraphQLObjectType || named instanceof GraphQLInterfaceType)
        ) {
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
        cost += walk(sel.selectionSet, typeCond as GraphQLType, depth, seen, introspection);
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
  };
}

/** The errors for an operation over the limits; empty when it may run. */
export function checkOperationLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits = DEFAULT_LIMITS,
): GraphQLError[] {
  const m = measureOperation(schema, document, operation, variables, limits);
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
