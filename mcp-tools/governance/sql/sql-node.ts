/**
 * A node of the PostgreSQL parse tree as libpg-query returns it: an object with one key, the node
 * type (`SelectStmt`, `ColumnRef` …), holding that node's fields. Kept loose on purpose: the gate
 * walks every field generically and fails closed on node types it does not know.
 */
export type SqlNode = Record<string, unknown>;

/** The node type and its fields, or undefined for a value that is not a node. */
export function nodeEntry(value: unknown): [type: string, fields: Record<string, unknown>] | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const type = keys[0] as string;
  const fields = (value as Record<string, unknown>)[type];
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) return undefined;
  if (!/^[A-Z]/.test(type)) return undefined;
  return [type, fields as Record<string, unknown>];
}

/** The fields of `value` when it is a node of `type`. */
export function fieldsOf(value: unknown, type: string): Record<string, unknown> | undefined {
  const entry = nodeEntry(value);
  return entry && entry[0] === type ? entry[1] : undefined;
}

/** A list field (absent lists are omitted by the parser). */
export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The string of a `{ String: { sval } }` node. */
export function stringValue(value: unknown): string | undefined {
  const fields = fieldsOf(value, 'String');
  return typeof fields?.sval === 'string' ? fields.sval : fields ? '' : undefined;
}

/** The dotted name of a list of String nodes (function names, type names). */
export function dottedName(parts: unknown): string[] {
  return listOf(parts).map((part) => stringValue(part) ?? '');
}

/** A deep copy without `location` fields, for comparing expressions structurally. */
export function withoutLocations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLocations);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value))
    if (key !== 'location') copy[key] = withoutLocations(inner);
  return copy;
}
