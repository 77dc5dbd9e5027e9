/** The suppression a governed query reports. */
export interface Suppression {
  smallGroups: number;
  complementaryGroups: number;
  minimumCellSize: number;
}

const masks: Record<string, string> = {
  redact: 'hidden',
  hash: 'replaced by a code',
  null: 'left empty',
  year_of_date: 'reduced to the year',
};

function tableWords(qualified: string): string {
  const name = qualified.split('.').at(-1) ?? qualified;
  return `the ${name.replaceAll('_', ' ')} table`;
}

function maskWords(mask: string): string {
  const prefix = mask.match(/^prefix\((\d+)\)$/);
  if (prefix) return `cut to its first ${prefix[1]} characters`;
  return masks[mask] ?? `masked (${mask})`;
}

/**
 * The policy effects of a governed query in plain words, for people who never read the policy file:
 * `scheduling.practice: rows filtered (ops_manager: scheduling.practice)` becomes "Only the rows your
 * access covers were used from the practice table". Unknown forms are shown as they are.
 */
export function describePolicies({
  policies,
  suppression,
  scope,
}: {
  policies: readonly string[];
  suppression?: Suppression | undefined;
  /** The person's scoping attributes (`/api/me`), to say which rows: "your region: Île-de-France". */
  scope?: Readonly<Record<string, string | number | boolean | readonly (string | number)[]>> | undefined;
}): string[] {
  const scopeWords = Object.entries(scope ?? {})
    .map(([name, value]) => {
      const values = Array.isArray(value) ? value : [value];
      const label = name
        .replace(/_ids?$/, '')
        .replaceAll('_', ' ')
        .replace(/s$/, '');
      return `your ${label}${values.length === 1 ? '' : 's'}: ${values.join(', ')}`;
    })
    .join('; ');
  const sentences: string[] = [];
  for (const policy of policies) {
    const match = policy.match(/^([^:]+):\s*(.*?)(?:\s*\(([^()]*)\))?$/);
    if (!match) {
      sentences.push(policy);
      continue;
    }
    const [, subject = '', effect = ''] = match;
    if (effect === 'rows filtered') {
      sentences.push(
        scopeWords
          ? `Filtered to ${scopeWords} (${tableWords(subject)}).`
          : `Filtered to the rows your access covers in ${tableWords(subject)}.`,
      );
      continue;
    }
    const aggregate = effect.match(/^aggregates only, groups under (\d+) patients hidden/);
    if (aggregate) {
      sentences.push(
        `Totals only from ${tableWords(subject)}: any group of fewer than ${aggregate[1]} patients is hidden.`,
      );
      continue;
    }
    // The mask may hold parentheses itself: `masked (prefix(2)) (role: table)`.
    const masked = policy.match(/^([^:]+):\s*masked \((.*?)\)(?: \([^()]*\))?$/);
    if (masked) {
      const parts = (masked[1] ?? '').split('.');
      const column = parts.at(-1) ?? '';
      const table = parts.slice(0, -1).join('.');
      sentences.push(
        `The ${column.replaceAll('_', ' ')} column${table ? ` of ${tableWords(table)}` : ''} was ${maskWords(masked[2] ?? '')}.`,
      );
      continue;
    }
    sentences.push(policy);
  }
  if (suppression && suppression.smallGroups > 0)
    sentences.push(
      `${suppression.smallGroups} group${suppression.smallGroups === 1 ? '' : 's'} with fewer than ${suppression.minimumCellSize} patients hidden.`,
    );
  if (suppression && suppression.complementaryGroups > 0)
    sentences.push(
      `${suppression.complementaryGroups} more group${suppression.complementaryGroups === 1 ? '' : 's'} hidden so that the small ones cannot be worked out from the totals.`,
    );
  return sentences;
}
