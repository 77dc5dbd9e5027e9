import { createHash } from 'node:crypto';

/** PostgreSQL silently cuts identifiers at 63 bytes, which could give two principals one role. */
const maximumIdentifierBytes = 63;

function fitIdentifier(name: string): string {
  if (Buffer.byteLength(name) <= maximumIdentifierBytes) return name;
  const suffix = `_${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
  const characters = Array.from(name);
  while (Buffer.byteLength(characters.join('') + suffix) > maximumIdentifierBytes) characters.pop();
  return characters.join('') + suffix;
}

/** The native objects made for one principal: a role, a schema for its masking views, its row-level security policy. */
export interface NativeNames {
  role: string;
  schema: string;
  policy: string;
}

/**
 * The names for one principal: `hale_<user>` for the role and its schema, `hale_<user>_select` for
 * its row-level security policies (a policy name is unique per table only). Names past PostgreSQL's
 * 63-byte limit end in a hash of the full name instead of being cut.
 */
export function nativeNamesFor({ user, rolePrefix }: { user: string; rolePrefix: string }): NativeNames {
  const role = fitIdentifier(`${rolePrefix}${user}`);
  return { role, schema: role, policy: fitIdentifier(`${role}_select`) };
}

/**
 * The permissive policy that keeps every row visible to roles Hale does not govern on a table where
 * it turns row-level security on. Never ends in `_select`, so no principal's policy can share it.
 */
export function allRowsPolicyName(rolePrefix: string): string {
  return `${rolePrefix}all_rows`;
}
