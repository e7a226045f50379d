/** node-postgres parses arrays of built-in types only: an enum array comes as '{TAX,OTHER}'. */
export function enumArray<T extends string>(value: unknown): T[] {
  if (Array.isArray(value)) return value as T[];
  const inner = String(value ?? '{}').replace(/^\{|\}$/g, '');
  return (inner ? inner.split(',') : []) as T[];
}
