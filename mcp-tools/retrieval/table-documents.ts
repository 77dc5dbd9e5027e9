import { type GovernancePolicy, tableAccessFor, type WarehouseCatalog } from '../governance/index.js';
import type { TableDocumentation } from '../tools/table-documentation.js';
import { omopTableSummaries } from './omop-table-summaries.js';
import type { SourceDocument } from './source-document.js';

/**
 * One document per warehouse table: what it holds and what each column means, for the roles that
 * may query it. Roles that may query the table but not some of its columns get their own variant
 * without those columns (`table:scheduling.patient~ops_manager`), so a document never names a column
 * its reader is denied. The variant read by the most roles keeps the plain key.
 */
export function tableDocuments({
  catalog,
  policy,
  documentation,
}: {
  catalog: WarehouseCatalog;
  policy: GovernancePolicy;
  documentation: TableDocumentation;
}): SourceDocument[] {
  const documents: SourceDocument[] = [];
  for (const table of catalog.tables.values()) {
    const name = `${table.schema}.${table.name}`;
    const description = documentation.describe(table.schema, table.name);
    // Roles grouped by the columns they are denied on this table.
    const variants = new Map<string, { roles: string[]; denied: Set<string> }>();
    for (const role of policy.roles.keys()) {
      const access = tableAccessFor(policy, { user: '', role, attributes: {} }, table);
      if (access.access === 'none') continue;
      const denied = [...access.columns].filter(([, rule]) => rule.kind === 'deny').map(([column]) => column);
      const id = denied.sort().join(',');
      const variant = variants.get(id) ?? { roles: [], denied: new Set(denied) };
      variant.roles.push(role);
      variants.set(id, variant);
    }
    const ordered = [...variants.values()].sort(
      (left, right) => right.roles.length - left.roles.length || left.denied.size - right.denied.size,
    );
    ordered.forEach((variant, index) => {
      const columns = table.columns.filter((column) => !variant.denied.has(column.name));
      const content = [
        `# Table \`${name}\``,
        omopTableSummaries[name] ?? '',
        description?.description ?? '',
        `## Columns\n\n${columns
          .map((column) => {
            const meaning = description?.columns[column.name];
            return `- \`${column.name}\` (${column.type})${meaning ? `: ${meaning}` : ''}`;
          })
          .join('\n')}`,
      ];
      documents.push({
        key: index === 0 ? `table:${name}` : `table:${name}~${variant.roles.join('+')}`,
        sourceType: 'table',
        title: `Table ${name}`,
        content: content.filter(Boolean).join('\n\n'),
        tags: ['table', table.schema],
        allowedRoles: variant.roles,
        source: `warehouse catalog: ${name}`,
      });
    });
  }
  return documents;
}
