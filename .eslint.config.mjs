// ESLint 9 flat config (a dotfile: the project's top level is kept to a fixed set of entries).
// Run through `npm run lint`, which also runs `prettier --check .`.
import js from '@eslint/js';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * The published schema is a partner's documentation: every type, field, argument, input field
 * and enum value of schema/schema.graphql has a one-line description. The message names the
 * schema coordinate and where in the code the description goes, so a new module knows what to
 * add (graphql-eslint's require-description names neither the type of an argument nor the fix).
 */
const WHERE = {
  type: 'in the description of its @ObjectType/@InputType/@InterfaceType, registerEnumType, createUnionType or scalar (root types: ROOT_DESCRIPTIONS in src/graphql/build-schema.ts)',
  field: 'in the description of its @Field, @FieldResolver, @Query, @Mutation or @Subscription',
  argument: 'in the description of its @Arg, or of its @Field in the @ArgsType',
  'input field': 'in the description of its @Field in the @InputType',
  'enum value': "in registerEnumType's valuesConfig: { VALUE: { description } }",
};

function coordinate(node) {
  const name = node.name.value;
  switch (node.kind) {
    case 'FieldDefinition':
      return ['field', `${node.parent.name.value}.${name}`];
    case 'InputValueDefinition':
      return node.parent.kind === 'FieldDefinition'
        ? ['argument', `${node.parent.parent.name.value}.${node.parent.name.value}(${name}:)`]
        : ['input field', `${node.parent.name.value}.${name}`];
    case 'EnumValueDefinition':
      return ['enum value', `${node.parent.name.value}.${name}`];
    default:
      return ['type', name];
  }
}

const schemaDescriptions = {
  meta: {
    type: 'problem',
    docs: { description: 'Every schema element has a one-line description' },
    schema: [],
  },
  create(context) {
    const check = (node) => {
      const [kind, element] = coordinate(node);
      const text = node.description?.value.trim() ?? '';
      const problem = !text
        ? `The ${kind} ${element} has no description`
        : /\n/.test(text)
          ? `The description of the ${kind} ${element} is more than one line`
          : null;
      if (problem) {
        context.report({
          loc: node.name.loc,
          message: `${problem}: write one line (English, with the German term where the domain has one) ${WHERE[kind]}, then npm run schema`,
        });
      }
    };
    return Object.fromEntries(
      [
        'ObjectTypeDefinition',
        'InterfaceTypeDefinition',
        'InputObjectTypeDefinition',
        'EnumTypeDefinition',
        'UnionTypeDefinition',
        'ScalarTypeDefinition',
        'FieldDefinition',
        'InputValueDefinition',
        'EnumValueDefinition',
      ].map((kind) => [kind, check]),
    );
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '.data/**',
      'coverage/**',
      'test-artifacts/**',
      'src/clients/generated/**',
      'src/clients/**/dist/**',
      '**/*.js',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    rules: {
      // Unused arguments keep resolver and hook signatures readable when prefixed with _.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // type-graphql's `() => Type` thunks and decorators need no explicit return types.
      '@typescript-eslint/explicit-module-boundary-types': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Migrations are generated, then reviewed; tests may narrow with non-null assertions.
    files: ['migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    files: ['schema/schema.graphql'],
    languageOptions: { parser: graphqlPlugin.parser },
    plugins: { hub: { rules: { 'schema-descriptions': schemaDescriptions } } },
    rules: { 'hub/schema-descriptions': 'error' },
  },
  {
    files: ['src/clients/**/*.{ts,tsx}'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', fetch: 'readonly' } },
  },
);
