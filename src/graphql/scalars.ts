import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value)) {
    throw new GraphQLError(
      'DateTime must be an ISO 8601 date-time with offset, e.g. 2026-06-13T10:00:00+02:00',
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) {
    throw new GraphQLError(`DateTime ${value} does not exist`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return d;
}

/** An instant, written as ISO 8601 in UTC with its offset ("Z"); accepts any offset on input. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant in ISO 8601 with offset, e.g. 2026-06-13T08:00:00.000Z',
  serialize(value) {
    const d = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(d.getTime()))
      throw new GraphQLError('DateTime cannot represent an invalid date');
    return d.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string');
    return parseDateTime(ast.value);
  },
});

function parseDate(value: unknown): string {
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]))
      return value as string;
  }
  throw new GraphQLError('Date must be a calendar date as YYYY-MM-DD', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** A calendar date without time zone, YYYY-MM-DD. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseDate(value);
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string');
    return parseDate(ast.value);
  },
});
