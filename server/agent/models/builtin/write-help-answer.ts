import type { LinkingTables } from './build-linking-tables.js';
import type { DimensionValueIndex } from './dimension-value-index.js';
import { tokenizeQuestion } from './tokenize-question.js';

/** Metrics whose sample questions show what Hale answers, across both domains. */
const showcase = [
  'appointments',
  'cancellations',
  'no_show_rate',
  'teleconsultation_share',
  'average_booking_lead_time_days',
  'patients_exposed_to_drug',
  'average_measurement_value',
  'deaths',
];

/** Domains none of whose values the principal could read: no access, so no questions about them. */
function hiddenDomains(tables: LinkingTables, index: DimensionValueIndex | undefined): Set<string> {
  const hidden = new Set<string>();
  if (!index) return hidden;
  const nodes = [...tables.layer.graph.nodes.values()];
  const domainOf = (dimension: string) => {
    const node = nodes.find((candidate) => candidate.primaryEntity === dimension.split('__')[0]);
    return node ? tables.domainOfModel.get(node.model.name) : undefined;
  };
  for (const domain of ['scheduling', 'omop'] as const) {
    const read = index.entries.some((entry) => tables.domainOfModel.get(entry.model) === domain);
    const refused = index.unavailable.some((dimension) => domainOf(dimension) === domain);
    if (!read && refused) hidden.add(domain);
  }
  return hidden;
}

/**
 * Sample questions from the semantic layer, one per showcased metric. Questions with digits are
 * left out (an answer without tool results may hold no number at all), and so are questions naming
 * a place or value the principal may not see ("in Lyon" for a manager of another region).
 */
export function sampleQuestions(tables: LinkingTables, index?: DimensionValueIndex, count = 6): string[] {
  const visible = new Set(index?.entries.flatMap((entry) => entry.normalized.split(' ')) ?? []);
  const fits = (question: string) =>
    !/\d/.test(question) &&
    (!index ||
      tokenizeQuestion(question).every(
        (token) => token.index === 0 || !/^[A-Z]/.test(token.original) || visible.has(token.word),
      ));
  const hidden = hiddenDomains(tables, index);
  return showcase
    .filter((name) => !hidden.has(tables.domainOfMetric.get(name) ?? 'omop'))
    .flatMap((name) => (tables.layer.metrics.get(name)?.sample_questions ?? []).filter(fits).slice(0, 1))
    .slice(0, count);
}

const otherKinds = [
  'What is the SNOMED code for asthma?',
  'How is a no-show defined?',
  'What can I see?',
  'Which tables are there?',
];

/** What Hale can do, with sample questions: for greetings, help and anything out of scope. */
export function writeHelpAnswer({
  tables,
  index,
  reason,
}: {
  tables: LinkingTables;
  /** The values the principal may see: sample questions naming others are left out. */
  index?: DimensionValueIndex;
  reason: 'greeting' | 'help' | 'out_of_scope';
}): string {
  const opening = {
    greeting:
      'Hello! I answer questions about your organisation’s data, from the metrics the data team agreed on.',
    help: 'I answer questions about appointments and the OMOP clinical data from the metrics the data team agreed on, look up clinical codes, and search the team’s documentation. Every figure comes from a governed query run with your access.',
    out_of_scope:
      'That is outside what I can help with: I only answer questions about the scheduling and OMOP clinical data, clinical codes and the data team’s documentation.',
  }[reason];
  const lines = [
    opening,
    '',
    'You could ask, for example:',
    ...sampleQuestions(tables, index).map((question) => `- ${question}`),
  ];
  lines.push(...otherKinds.map((question) => `- ${question}`));
  return lines.join('\n');
}

/** The refusal of any request to change data. */
export function writeModificationRefusal(): string {
  return [
    'I cannot do that: Hale is read-only. It never deletes, changes or adds data, and no tool can do it for you.',
    '',
    'I can read data for you instead, for example the number of appointments or cancellations in a period, or describe a table ("describe scheduling.appointment"). Changes to the data go through the booking system or the data team.',
  ].join('\n');
}

/** The refusal of a request for patients' direct identifiers. */
export function writeIdentifiersRefusal(): string {
  return [
    'I do not list patients’ contact details or names. I answer with aggregate figures from the agreed metrics, within what your role may see.',
    '',
    'Ask "what can I see?" to know your access, or ask for counts, for example the number of distinct patients seen per practice.',
  ].join('\n');
}
