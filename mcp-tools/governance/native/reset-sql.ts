import { quoteIdentifier } from '../sql/quote-identifier.js';
import { allRowsPolicyName } from './native-names.js';
import { sqlLiteral } from './sql-literal.js';

function textArray(values: readonly string[]): string {
  return `ARRAY[${values.map(sqlLiteral).join(', ')}]::text[]`;
}

/**
 * The part of the native script that makes re-running it converge: it takes away everything an
 * earlier run granted or created (privileges, masking views, policies, row-level security Hale turned
 * on), including for roles whose principal has left the policy, and stops before anything is granted
 * when the warehouse would make the result unsafe: SELECT granted to PUBLIC (every role inherits it),
 * or row-level security someone else set up on a table Hale filters (Hale's permissive policy would
 * widen it). `filteredTables` are quoted `schema.table` names.
 */
export function resetSql({
  roles,
  schemas,
  filteredTables,
  rolePrefix,
}: {
  roles: readonly string[];
  schemas: readonly string[];
  filteredTables: readonly string[];
  rolePrefix: string;
}): string {
  const roleList = roles.map(quoteIdentifier).join(', ');
  const schemaList = schemas.map(quoteIdentifier).join(', ');
  // Spliced into format(): a % in a quoted schema name must stay literal.
  const schemaListForFormat = schemaList.replaceAll('%', '%%');
  const statements = [
    '-- ==== Start from nothing: take away what an earlier run granted, created or turned on',
    ...(schemas.length > 0 && roles.length > 0
      ? [
          `REVOKE ALL ON ALL TABLES IN SCHEMA ${schemaList} FROM ${roleList};`,
          `REVOKE ALL ON SCHEMA ${schemaList} FROM ${roleList};`,
        ]
      : []),
    ...(roles.length > 0 ? [`DROP SCHEMA IF EXISTS ${roles.map(quoteIdentifier).join(', ')} CASCADE;`] : []),
  ];
  const staleRoles = `DO $hale$
DECLARE
  stale record;
BEGIN
  FOR stale IN
    SELECT rolname FROM pg_catalog.pg_roles
     WHERE starts_with(rolname, ${sqlLiteral(rolePrefix)})
       AND pg_catalog.shobj_description(oid, 'pg_authid') LIKE 'Hale principal %'
       AND rolname <> ALL (${textArray(roles)})
     ORDER BY rolname
  LOOP
${
  schemas.length > 0
    ? `    EXECUTE format(${sqlLiteral(`REVOKE ALL ON ALL TABLES IN SCHEMA ${schemaListForFormat} FROM %I`)}, stale.rolname);
    EXECUTE format(${sqlLiteral(`REVOKE ALL ON SCHEMA ${schemaListForFormat} FROM %I`)}, stale.rolname);
`
    : ''
}    EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', stale.rolname);
    RAISE NOTICE 'revoked the warehouse access of %, whose principal left the policy; drop the role once nothing uses it', stale.rolname;
  END LOOP;
END
$hale$;`;
  const policies = `DO $hale$
DECLARE
  existing record;
  opened regclass[];
  conflicting text;
BEGIN
  -- Tables whose row-level security an earlier run turned on.
  SELECT coalesce(array_agg(polrelid::regclass), '{}') INTO opened
    FROM pg_catalog.pg_policy WHERE polname = ${sqlLiteral(allRowsPolicyName(rolePrefix))};
  FOR existing IN
    SELECT polname, polrelid::regclass AS relation FROM pg_catalog.pg_policy
     WHERE starts_with(polname, ${sqlLiteral(rolePrefix)}) ORDER BY 2, 1
  LOOP
    EXECUTE format('DROP POLICY %I ON %s', existing.polname, existing.relation);
  END LOOP;
  FOR existing IN
    SELECT relation FROM unnest(opened) AS relation
     WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_policy WHERE polrelid = relation)
  LOOP
    EXECUTE format('ALTER TABLE %s DISABLE ROW LEVEL SECURITY', existing.relation);
  END LOOP;
  SELECT string_agg(relation::text, ', ' ORDER BY relation::text) INTO conflicting
    FROM unnest(${textArray(filteredTables)}::regclass[]) AS relation
    JOIN pg_catalog.pg_class ON pg_class.oid = relation
   WHERE EXISTS (SELECT FROM pg_catalog.pg_policy WHERE polrelid = relation)
      OR (pg_class.relrowsecurity AND relation <> ALL (opened));
  IF conflicting IS NOT NULL THEN
    RAISE EXCEPTION 'row-level security that Hale did not set up exists on %', conflicting
      USING HINT = 'Hale filters these tables with a permissive policy that would widen it: review and drop it first.';
  END IF;
END
$hale$;`;
  const publicGrants = `DO $hale$
DECLARE
  exposed text;
BEGIN
  SELECT string_agg(relation.oid::regclass::text, ', ' ORDER BY relation.oid::regclass::text) INTO exposed
    FROM pg_catalog.pg_class relation
    JOIN pg_catalog.pg_namespace namespace ON namespace.oid = relation.relnamespace
   WHERE namespace.nspname = ANY (${textArray(schemas)})
     AND (EXISTS (SELECT FROM pg_catalog.aclexplode(relation.relacl) AS grant_item
                   WHERE grant_item.grantee = 0 AND grant_item.privilege_type = 'SELECT')
       OR EXISTS (SELECT FROM pg_catalog.pg_attribute column_item,
                              pg_catalog.aclexplode(column_item.attacl) AS grant_item
                   WHERE column_item.attrelid = relation.oid
                     AND grant_item.grantee = 0 AND grant_item.privilege_type = 'SELECT'));
  IF exposed IS NOT NULL THEN
    RAISE EXCEPTION 'PUBLIC may read %, so every Hale role would too', exposed
      USING HINT = 'REVOKE SELECT ON those tables FROM PUBLIC, grant it to the roles that need it, and run this script again.';
  END IF;
END
$hale$;`;
  return [statements.join('\n'), staleRoles, policies, publicGrants].join('\n\n');
}
