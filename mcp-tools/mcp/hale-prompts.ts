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
      `Summarise appointment activity over the last ${months || '6'} months from scheduling.appointment: appointments per month, the share cancelled and no-show, and the split by booking channel and visit type. Use run_sql with aggregate queries; quote numbers exactly as returned and show the SQL you ran.`,
  },
  {
    name: 'condition_prevalence',
    title: 'Condition prevalence',
    description: 'How many patients have a condition, using OMOP concepts and their descendants.',
    arguments: [
      { name: 'condition', description: 'The condition, e.g. type 2 diabetes mellitus', required: true },
    ],
    requiresTables: ['cdm.condition_occurrence', 'vocab.concept', 'vocab.concept_ancestor'],
    render: ({ condition }) =>
      `Count the distinct patients with ${condition}. Find the standard SNOMED concept in vocab.concept, include its descendants through vocab.concept_ancestor, then count distinct person_id in cdm.condition_occurrence with run_sql. State the concept id you used and quote the count exactly.`,
  },
];

/** The prompts a principal may use, given the tables they may query. */
export function promptsFor(tables: readonly AccessibleTable[]): HalePrompt[] {
  const names = new Set(tables.map((table) => table.name));
  return halePrompts.filter(
    (prompt) => names.size > 0 && prompt.requiresTables.every((table) => names.has(table)),
  );
}
