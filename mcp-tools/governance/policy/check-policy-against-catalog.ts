import { closestNames } from '../../../semantic-layer/index.js';
import type { WarehouseCatalog } from '../catalog/warehouse-catalog.js';
import type { GovernancePolicy } from './governance-policy.js';

/**
 * Problems a policy has against the warehouse it governs: a rule naming a table, a column or an
 * entity key that does not exist. A misspelt `emial: deny` would otherwise leave `email` visible,
 * so these are errors, not warnings. Each message names the policy line.
 */
export function checkPolicyAgainstCatalog(policy: GovernancePolicy, catalog: WarehouseCatalog): string[] {
  const problems: string[] = [];
  const tables = [...catalog.tables.values()];
  for (const role of policy.roles.values()) {
    for (const rule of role.tables) {
      const where = `${policy.file}:${rule.line}: role ${role.name}, ${rule.schema}.${rule.table}`;
      // A schema.* rule governs only the tables its role names no exact rule for.
      const exact = new Set(
        role.tables.filter((other) => other.table !== '*').map((other) => `${other.schema}.${other.table}`),
      );
      const matching = tables.filter(
        (table) =>
          table.schema === rule.schema &&
          (rule.table === '*' ? !exact.has(`${table.schema}.${table.name}`) : table.name === rule.table),
      );
      if (matching.length === 0 && rule.table !== '*') {
        const close = closestNames(
          rule.table,
          tables.filter((table) => table.schema === rule.schema).map((table) => table.name),
        );
        problems.push(
          `${where}: no such table in the warehouse${close.length ? ` (did you mean ${close.join(', ')}?)` : ''}`,
        );
        continue;
      }
      for (const table of matching) {
        const names = table.columns.map((column) => column.name);
        for (const column of rule.columns.keys()) {
          if (!names.includes(column)) {
            const close = closestNames(column, names);
            problems.push(
              `${where}: column ${column} does not exist in ${table.schema}.${table.name}${close.length ? ` (did you mean ${close.join(', ')}?)` : ''}`,
            );
          }
        }
        if (rule.entityKey && !names.includes(rule.entityKey))
          problems.push(
            `${where}: entity_key ${rule.entityKey} is not a column of ${table.schema}.${table.name}; give that table its own rule`,
          );
      }
    }
  }
  return problems;
}
