import type { LinkingTables } from './build-linking-tables.js';
import type { MetricPlan } from './plan-metric-query.js';

const label = (tables: LinkingTables, metric: string) => tables.layer.metrics.get(metric)?.label ?? metric;

/** The question back, naming each candidate with its definition. */
export function clarifyBetween(tables: LinkingTables, candidates: string[], lead: string): MetricPlan {
  const lines = candidates.map((metric) => {
    const definition = tables.layer.metrics.get(metric);
    const domain =
      tables.domainOfMetric.get(metric) === 'scheduling' ? 'scheduling data' : 'OMOP clinical data';
    // No tool result backs this text: a figure in a definition ("(0 to 1)") stays out of it.
    const description = (definition?.description ?? '').replace(/\s*\([^)]*\d[^)]*\)/g, '');
    return `- **${label(tables, metric)}** (\`${metric}\`, ${domain}): ${description}`;
  });
  return {
    kind: 'clarify',
    text: `${lead}\n\n${lines.join('\n')}\n\nWhich one do you mean?`,
    candidates,
  };
}

/** Why a metric cannot be filtered or grouped as asked, and what it can be split by. */
export function cannotSplit(tables: LinkingTables, metrics: string[], what: string): MetricPlan {
  const available = tables
    .dimensionsFor(metrics)
    .filter((dimension) => dimension.kind === 'categorical' && dimension.name.split('__').length <= 2)
    .map((dimension) => dimension.label ?? dimension.name);
  const names = metrics.map((metric) => `**${label(tables, metric)}**`).join(' and ');
  return {
    kind: 'cannot',
    text: `${names} cannot be filtered or grouped by ${what}: the semantic layer does not link them.${available.length > 0 ? ` It can be split by ${[...new Set(available)].slice(0, 8).join(', ')}, or over time.` : ''}`,
  };
}
