import { type GovernancePolicy, tableAccessFor, type WarehouseCatalog } from '../governance/index.js';
import { maskName } from '../tools/table-access-summary.js';
import type { SourceDocument } from './source-document.js';

/** A policy row filter in words: `principal('practice_ids')` reads as "your practice_ids". */
function rowFilterText(sql: string): string {
  return sql.replace(/principal\('([a-z_]+)'\)/g, 'your $1');
}

/**
 * One document per role of the policy, in plain words: who has it, which tables it may query and how
 * (rows or aggregates only), which rows it sees, which columns are masked or denied, and the
 * smallest group it is shown. Readable by that role and by administrators: a person learns their own
 * access, not other people's.
 */
export function roleDocuments({
  catalog,
  policy,
}: {
  catalog: WarehouseCatalog;
  policy: GovernancePolicy;
}): SourceDocument[] {
  const tables = [...catalog.tables.values()].sort(
    (left, right) => left.schema.localeCompare(right.schema) || left.name.localeCompare(right.name),
  );
  const documents: SourceDocument[] = [];
  for (const role of policy.roles.values()) {
    const holders = [...policy.principals.values()].filter((principal) => principal.role === role.name);
    const lines: string[] = [];
    const hidden: string[] = [];
    for (const table of tables) {
      const name = `${table.schema}.${table.name}`;
      const access = tableAccessFor(policy, { user: '', role: role.name, attributes: {} }, table);
      if (access.access === 'none') {
        hidden.push(name);
        continue;
      }
      const details: string[] = [access.access === 'rows' ? 'row by row' : 'aggregates only'];
      if (access.rowFilter) details.push(`only rows where ${rowFilterText(access.rowFilter.sql)}`);
      const denied = [...access.columns].filter(([, rule]) => rule.kind === 'deny').map(([column]) => column);
      const masked = [...access.columns].flatMap(([column, rule]) =>
        rule.kind === 'mask' ? [`${column} (${maskName(rule.mask)})`] : [],
      );
      if (masked.length) details.push(`masked: ${masked.join(', ')}`);
      if (denied.length) details.push(`not visible: ${denied.join(', ')}`);
      if (access.access === 'aggregate' && access.minimumCellSize)
        details.push(`groups of fewer than ${access.minimumCellSize} patients are hidden`);
      lines.push(`- \`${name}\`: ${details.join('; ')}`);
    }
    const content = [
      `# What the ${role.name} role may see`,
      role.description,
      holders.length
        ? `## Who has this role\n\n${holders.map((holder) => `- ${holder.user}: ${holder.description}`).join('\n')}`
        : '',
      `## Tables\n\nEvery query is read-only and audited.\n\n${lines.length ? lines.join('\n') : 'No warehouse table.'}`,
      hidden.length ? `## Not accessible\n\n${hidden.map((name) => `\`${name}\``).join(', ')}` : '',
    ];
    documents.push({
      key: `role:${role.name}`,
      sourceType: 'role',
      title: `Access of the ${role.name} role`,
      content: content.filter(Boolean).join('\n\n'),
      tags: ['access', 'governance', role.name],
      allowedRoles: [...new Set([role.name, 'admin'])].filter((name) => policy.roles.has(name)),
      source: `governance policy: ${policy.file}`,
    });
  }
  return documents;
}
