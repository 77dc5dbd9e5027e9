import { createHash } from 'node:crypto';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { closestNames } from '../../../semantic-layer/index.js';
import type {
  AttributeValue,
  ColumnMask,
  ColumnRule,
  GovernancePolicy,
  PrincipalDefinition,
  RoleDefinition,
  TableRule,
} from './governance-policy.js';
import { parseRowFilter } from './parse-row-filter.js';
import { policyFileSchema, type TableRuleInput } from './policy-file-schema.js';
import type { PolicyIssue } from './policy-issue.js';

type PathSegment = string | number;

function parseMask(text: string): ColumnMask {
  const prefix = /^prefix\((\d+)\)$/.exec(text);
  if (prefix) return { kind: 'prefix', length: Number(prefix[1]) };
  return { kind: text as 'redact' | 'hash' | 'year_of_date' | 'null' };
}

function columnRule(input: NonNullable<TableRuleInput['columns']>[string]): ColumnRule {
  if (input === 'allow' || input === 'deny') return { kind: input };
  return { kind: 'mask', mask: parseMask(input.mask) };
}

/**
 * Parses and validates a policy file (pure: the caller reads it; the SQL parser must be loaded).
 * Collects every problem — YAML syntax, shape, unknown roles, row filters that do not parse or read
 * attributes a principal lacks, aggregate rules without an entity key — each with file and line.
 */
export function parsePolicyFile({ file, text }: { file: string; text: string }): {
  policy?: GovernancePolicy;
  issues: PolicyIssue[];
} {
  const issues: PolicyIssue[] = [];
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  for (const error of document.errors) {
    issues.push({ file, line: lineCounter.linePos(error.pos[0]).line, path: '', message: error.message });
  }
  if (issues.length > 0) return { issues };
  const lineOf = (path: readonly PathSegment[]) => {
    for (let length = path.length; length >= 0; length--) {
      const node = document.getIn(path.slice(0, length), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const report = (path: readonly PathSegment[], message: string) =>
    issues.push({ file, line: lineOf(path), path: path.join('.'), message });

  const parsed = policyFileSchema.safeParse(document.toJS() ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
      report(path, issue.message);
    }
    return { issues };
  }
  const input = parsed.data;

  const roles = new Map<string, RoleDefinition>();
  for (const [roleName, role] of Object.entries(input.roles)) {
    const tables: TableRule[] = [];
    for (const [pattern, rule] of Object.entries(role.tables)) {
      const path = ['roles', roleName, 'tables', pattern];
      const [schema, table] = pattern.split('.') as [string, string];
      if (rule.access === 'aggregate' && !rule.entity_key)
        report(
          path,
          'aggregate access needs an entity_key (e.g. person_id) to count distinct patients per group',
        );
      if (rule.access === 'aggregate' && !rule.minimum_cell_size && !role.minimum_cell_size)
        report(path, 'aggregate access needs a minimum_cell_size on the table or the role');
      if (rule.access !== 'aggregate' && rule.entity_key)
        report([...path, 'entity_key'], 'entity_key applies to aggregate access only');
      if (rule.access === 'none' && (rule.row_filter || rule.columns))
        report(path, 'a table with access none cannot have a row_filter or column rules');
      let rowFilter: TableRule['rowFilter'];
      if (rule.row_filter) {
        const result = parseRowFilter(rule.row_filter);
        if ('problem' in result) report([...path, 'row_filter'], result.problem);
        else rowFilter = result.rowFilter;
      }
      tables.push({
        schema,
        table,
        access: rule.access,
        ...(rowFilter ? { rowFilter } : {}),
        columns: new Map(
          Object.entries(rule.columns ?? {}).map(([name, value]) => [name, columnRule(value)]),
        ),
        ...(rule.entity_key ? { entityKey: rule.entity_key } : {}),
        ...(rule.minimum_cell_size ? { minimumCellSize: rule.minimum_cell_size } : {}),
        line: lineOf(path),
      });
    }
    roles.set(roleName, {
      name: roleName,
      description: role.description ?? '',
      ...(role.minimum_cell_size ? { minimumCellSize: role.minimum_cell_size } : {}),
      ...(role.models ? { models: role.models } : {}),
      ...(role.daily_token_budget !== undefined ? { dailyTokenBudget: role.daily_token_budget } : {}),
      tables,
    });
  }

  const principals = new Map<string, PrincipalDefinition>();
  for (const [user, principal] of Object.entries(input.principals)) {
    const role = roles.get(principal.role);
    if (!role) {
      const close = closestNames(principal.role, [...roles.keys()]);
      report(
        ['principals', user, 'role'],
        `unknown role ${JSON.stringify(principal.role)}${close.length ? ` (did you mean ${close.join(', ')}?)` : ''}`,
      );
      continue;
    }
    const attributes = (principal.attributes ?? {}) as Record<string, AttributeValue>;
    for (const rule of role.tables) {
      for (const attribute of rule.rowFilter?.attributes ?? []) {
        if (!(attribute in attributes))
          report(
            ['principals', user],
            `role ${role.name} filters ${rule.schema}.${rule.table} by principal('${attribute}'), but ${user} has no attribute ${attribute}`,
          );
      }
    }
    principals.set(user, {
      user,
      role: principal.role,
      description: principal.description ?? '',
      attributes,
    });
  }

  if (issues.length > 0) return { issues };
  const version = createHash('sha256').update(text).digest('hex').slice(0, 12);
  return { policy: { version, file, principals, roles }, issues };
}
