/**
 * Answers "what can I see?" from whoami: who the user is as authenticated, their role, and in plain
 * words what they may see (the tool's own summary), with their scope attributes; and, from
 * list_metrics, the agreed metrics they may query.
 */
export function writeAccessAnswer(
  content: Record<string, unknown>,
  metrics?: Record<string, unknown>,
): string {
  const summary = typeof content.summary === 'string' ? content.summary : '';
  const attributes = Object.entries((content.attributes ?? {}) as Record<string, unknown>);
  const lines = [summary];
  if (attributes.length > 0)
    lines.push(
      '',
      `Your scope: ${attributes.map(([name, value]) => `${name.replace(/_/g, ' ')} ${Array.isArray(value) ? value.join(', ') : String(value)}`).join('; ')}.`,
    );
  const listed = (Array.isArray(metrics?.metrics) ? metrics.metrics : []) as {
    name: string;
    label?: string;
  }[];
  if (listed.length > 0)
    lines.push(
      '',
      `You may query ${listed.length} agreed metrics, among them ${listed
        .slice(0, 6)
        .map((metric) => `**${metric.label ?? metric.name}**`)
        .join(', ')}.`,
    );
  lines.push(
    '',
    'Ask "which tables are there?" for the tables, or "which metrics are there?" for every metric.',
  );
  return lines.join('\n');
}
