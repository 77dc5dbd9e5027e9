import type { AccessibleTable } from '../tools/index.js';

/** A prompt template offered to MCP clients. */
export interface HalePrompt {
  name: string;
  title: string;
  description: string;
  arguments: { name: string; description: string; required: boolean }[];
  /** Tables the principal must be able to query for the prompt to make sense. */
  requiresTables: readonly string[];
  /** What is wrong with the arguments, if anything. */
  check?(values: Record<string, string>): string | undefined;
  render(values: Record<string, string>): string;
}

/** Starter prompts; each is listed only to principals who can query the tables it needs. */
export const halePrompts: readonly HalePrompt[] = [
  {
    name: 'explore_table',
    title: 'Explore a table',
    description: 'Describe a warehouse table and summarise what it holds, within your access.',
    arguments: [{ name: 'table', description: 'The table, e.g. scheduling.appointment', required: true }],
    requiresTables: [],
    render: ({ table }) =>
      `Explore the Hale warehouse table ${table}. First call describe_table for it, then use run_sql for a few aggregate queries (row count, the distribution of its main categorical columns, the range of its dates). Respect the columns marked denied or masked, report every number exactly as the tool returned it, and say when groups were hidden by disclosure control.`,
  },
  {
    name: 'appointment_activity',
    title: 'Appointment activity',
    description: 'Appointments by month, status and channel, with cancellation and no-show rates.',
    arguments: [
      { name: 'months', description: 'How many recent months to cover (default 6)', required: false },
    ],
    requiresTables: ['scheduling.appointment'],
    check: ({ months }) =>
      months === undefined || /^([1-9]|[1-5][0-9]|60)$/.test(months)
        ? undefined
        : `months must be a whole number from 1 to 60, got ${JSON.stringify(months.slice(0, 20))}`,
    render: ({ months }) =>
      `Summarise appointment activity over the last ${months || '6'} months: appointments per month, the cancellation and no-show rates, and the split by booking channel and visit type. Use query_metrics with the metrics appointments, cancellation_rate and no_show_rate, grouped by metric_time__month, then by appointment__channel and by appointment__visit_type, with start set to the first day of the first month (end exclusive). Quote numbers exactly as returned, show the SQL the tool compiled, and say when groups were hidden by disclosure control.`,
  },
  {
    name: 'condition_prevalence',
    title: 'Condition prevalence',
    description: 'How many patients have a condition, using OMOP concepts and their descendants.',
    arguments: [
      { name: 'condition', description: 'The condition, e.g. type 2 diabetes mellitus', required: true },
    ],
    requiresTables: ['cdm.condition_era', 'vocab.concept', 'vocab.concept_ancestor'],
    render: ({ condition }) =>
      `Count the distinct patients with ${condition}. Find its standard SNOMED concept with run_sql on vocab.concept (standard_concept = 'S', domain_id = 'Condition'), then call query_metrics with the metric patients_with_condition and the filter {"dimension": "condition", "operator": "descendant_of", "values": [<concept id>]}, which counts the concept and its descendants. State the concept id you used and quote the count exactly.`,
  },
];

/** The prompts a principal may use, given the tables they may query. */
export function promptsFor(tables: readonly AccessibleTable[]): HalePrompt[] {
  const names = new Set(tables.map((table) => table.name));
  return halePrompts.filter(
    (prompt) => names.size > 0 && prompt.requiresTables.every((table) => names.has(table)),
  );
}
