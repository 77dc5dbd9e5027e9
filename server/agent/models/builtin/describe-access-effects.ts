/**
 * What the governance gate did to a result, in words: a row filter (with the principal's scope,
 * from whoami, when known), groups hidden by small-cell protection, and a result cut by the row cap.
 */
export function describeAccessEffects(
  content: Record<string, unknown>,
  scope: Record<string, unknown> | undefined,
): string[] {
  const notes: string[] = [];
  const policies = Array.isArray(content.policies) ? (content.policies as string[]) : [];
  const filtered = policies.filter((policy) => /rows filtered/.test(policy));
  if (filtered.length > 0) {
    const tablesFiltered = [...new Set(filtered.map((policy) => policy.split(':')[0]))].join(', ');
    const attributes = Object.entries(scope ?? {})
      .map(
        ([name, value]) =>
          `${name.replace(/_/g, ' ')}: ${Array.isArray(value) ? value.join(', ') : String(value)}`,
      )
      .join('; ');
    notes.push(
      `Your access policy limits these figures to the rows you may see${attributes ? ` (${attributes})` : ''}: a row filter applied to ${tablesFiltered}.`,
    );
  }
  const suppression = content.suppression as
    | { smallGroups: number; complementaryGroups: number; minimumCellSize: number }
    | undefined;
  if (suppression && suppression.smallGroups + suppression.complementaryGroups > 0) {
    const small = suppression.smallGroups;
    notes.push(
      `${small} group${small === 1 ? '' : 's'} with fewer than ${suppression.minimumCellSize} patients ${small === 1 ? 'was' : 'were'} hidden${suppression.complementaryGroups > 0 ? `, and ${suppression.complementaryGroups} more so that they cannot be worked out from the others` : ''} (small-cell protection for your role).`,
    );
  }
  if (content.truncated === true)
    notes.push('The result was cut at the row limit: narrow the question to see everything.');
  return notes;
}
