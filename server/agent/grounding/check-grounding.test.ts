import { describe, expect, it } from 'vitest';
import { formatResultTable } from '../../../mcp-tools/tools/index.js';
import { checkGrounding, type GroundingEvidence, type KnownEntities } from './index.js';

const entities: KnownEntities = {
  metrics: new Set([
    'cancellation_rate',
    'cancellations',
    'appointments',
    'average_wait_days',
    'no_show_rate',
  ]),
  dimensions: new Set(['practice__city', 'metric_time', 'metric_time__month', 'city', 'visit_type']),
  tables: new Set([
    'scheduling.appointment',
    'appointment',
    'scheduling.practice',
    'practice',
    'cdm.person',
    'person',
  ]),
  columns: new Set(['status', 'city', 'person_id', 'concept_id', 'start_time']),
};

type Row = Record<string, string | number | null>;

/** A successful `query_metrics` call, shaped like the real tool's output and text rendering. */
function metricsCall({
  rows,
  input = {},
  suppression,
}: {
  rows: Row[];
  input?: Record<string, unknown>;
  suppression?: { smallGroups: number; complementaryGroups: number; minimumCellSize: number };
}) {
  const columns = Object.keys(rows[0] ?? {}).map((name) => ({
    name,
    role: name.includes('__') ? 'dimension' : 'metric',
  }));
  return {
    tool: 'query_metrics',
    input: {
      metrics: columns.filter((column) => column.role === 'metric').map((column) => column.name),
      ...input,
    },
    output: {
      isError: false,
      structuredContent: {
        columns,
        rows,
        rowCount: rows.length,
        truncated: false,
        sql: 'SELECT … FROM scheduling.appointment',
        parameters: [],
        executedSql: 'SELECT … FROM scheduling.appointment',
        policies: [],
        ...(suppression ? { suppression } : {}),
        policyVersion: 'policy-1',
      },
      text: `${formatResultTable({ columns, rows })}\n(${rows.length} rows)`,
    },
  };
}

const byCity: Row[] = [
  { practice__city: 'Lyon', cancellations: 412, appointments: 3339, cancellation_rate: 0.12339 },
  { practice__city: 'Paris', cancellations: 530, appointments: 5370, cancellation_rate: 0.098696 },
  { practice__city: 'Marseille', cancellations: 287, appointments: 2104, cancellation_rate: 0.136407 },
];

const cityEvidence: GroundingEvidence = {
  question: 'Which cities had the most cancellations in 2025?',
  toolCalls: [
    metricsCall({
      rows: byCity,
      input: { group_by: ['practice__city'], start: '2025-01-01', end: '2026-01-01' },
    }),
  ],
};

const check = (answer: string, evidence: GroundingEvidence = cityEvidence) =>
  checkGrounding(answer, evidence, entities);
const flagged = (answer: string, evidence?: GroundingEvidence) =>
  check(answer, evidence).ungrounded.map((claim) => claim.text);

describe('checkGrounding', () => {
  it('grounds an answer whose every figure comes from the results', () => {
    const verdict = check(
      'In 2025, **Paris** had the most cancellations (530 of 5,370 appointments, 9.9%), ahead of Lyon (412, 12.3%) and Marseille (287, 13.6%).',
    );
    expect(verdict).toEqual({ grounded: true, checkedClaims: 8, ungrounded: [] });
  });

  it('flags a changed number, says why and names the closest value', () => {
    const verdict = check('Lyon had 415 cancellations in 2025.');
    expect(verdict.grounded).toBe(false);
    expect(verdict.checkedClaims).toBe(2);
    expect(verdict.ungrounded).toHaveLength(1);
    expect(verdict.ungrounded[0]).toMatchObject({ kind: 'number', text: '415' });
    expect(verdict.ungrounded[0]?.reason).toBe(
      'in no tool result, tool input or question of this turn, nor a rounding, total, average, count, difference, ratio or product of their figures; the closest figure there is 412',
    );
  });

  it('reads a percentage from a 0–1 ratio at the precision shown, and flags a wrong one', () => {
    expect(flagged('Lyon: 12.3%, or 12.34 % to two decimals, 12 percent rounded.')).toEqual([]);
    const verdict = check('Lyon: 13.2%.');
    expect(verdict.ungrounded).toEqual([
      // Marseille's 0.136407 is the nearest figure of the turn.
      expect.objectContaining({
        kind: 'percentage',
        text: '13.2%',
        reason: expect.stringContaining('13.6407%'),
      }),
    ]);
  });

  it('accepts half-up and half-even rounding of a tie, nothing further', () => {
    const evidence: GroundingEvidence = {
      question: 'No-show rate?',
      toolCalls: [metricsCall({ rows: [{ no_show_rate: 0.125 }] })],
    };
    expect(flagged('The no-show rate is 13%.', evidence)).toEqual([]);
    expect(flagged('The no-show rate is 12%.', evidence)).toEqual([]);
    expect(flagged('The no-show rate is 11%.', evidence)).toEqual(['11%']);
  });

  it('accepts a rounded average and an approximate figure', () => {
    const evidence: GroundingEvidence = {
      question: 'How long do patients wait?',
      toolCalls: [metricsCall({ rows: [{ average_wait_days: 12.3456, appointments: 12_345 }] })],
    };
    expect(
      flagged(
        'Patients wait 12.35 days on average, 12.3 days, about 12 days, over about 12,000 visits.',
        evidence,
      ),
    ).toEqual([]);
    expect(flagged('Patients wait 12.4 days on average.', evidence)).toEqual(['12.4']);
  });

  it('accepts the sum of a column and a count of rows', () => {
    expect(flagged('In total 1,229 cancellations across 3 cities.')).toEqual([]);
    expect(flagged('In total 1,239 cancellations.')).toEqual(['1,239']);
  });

  it('accepts the difference and the ratio of two values of the turn', () => {
    expect(flagged('Paris had 118 more cancellations than Lyon, 1.29 times as many.')).toEqual([]);
    expect(flagged('Paris had 128 more cancellations than Lyon.')).toEqual(['128']);
  });

  it('accepts a rate computed from two counts, and a relative change', () => {
    const evidence: GroundingEvidence = {
      question: 'Cancellations in January and February 2025?',
      toolCalls: [
        metricsCall({
          rows: [
            { metric_time__month: '2025-01-01', cancellations: 120, appointments: 1_000 },
            { metric_time__month: '2025-02-01', cancellations: 138, appointments: 1_050 },
          ],
          input: { group_by: ['metric_time__month'], start: '2025-01-01', end: '2025-03-01' },
        }),
      ],
    };
    expect(
      flagged(
        'February 2025: 138 cancellations for 1,050 appointments (13.1%), up 15% on January.',
        evidence,
      ),
    ).toEqual([]);
    expect(flagged('Cancellations rose 25% from January to February.', evidence)).toEqual(['25%']);
  });

  it('accepts a count computed as a rate times a count', () => {
    const evidence: GroundingEvidence = {
      question: 'No-shows in teleconsultation?',
      toolCalls: [metricsCall({ rows: [{ no_show_rate: 0.0734, appointments: 8_812 }] })],
    };
    expect(flagged('7.3% of 8,812 appointments: roughly 647 no-shows.', evidence)).toEqual([]);
    expect(flagged('7.3% of 8,812 appointments: roughly 702 no-shows.', evidence)).toEqual(['702']);
  });

  it('accepts a difference computed from the rounded figures the answer shows', () => {
    const evidence: GroundingEvidence = {
      question: 'Compare Lyon and Paris.',
      toolCalls: [
        metricsCall({
          rows: [
            { practice__city: 'Lyon', cancellation_rate: 0.1414 },
            { practice__city: 'Paris', cancellation_rate: 0.1226 },
          ],
        }),
      ],
    };
    // 14.14 − 12.26 = 1.88 would be written 1.9; from the shown 14.1 and 12.3 it is 1.8.
    expect(flagged('Lyon 14.1%, Paris 12.3%: 1.8 percentage points apart.', evidence)).toEqual([]);
    expect(flagged('Lyon and Paris are 1.8 percentage points apart.', evidence)).toEqual([
      '1.8 percentage points',
    ]);
  });

  it('accepts a date inside a queried period and flags one outside it', () => {
    const evidence: GroundingEvidence = {
      question: 'Cancellations in the first half of 2025?',
      toolCalls: [
        metricsCall({ rows: [{ cancellations: 740 }], input: { start: '2025-01-01', end: '2025-07-01' } }),
      ],
    };
    expect(
      flagged(
        'From 1 January 2025 to 30 June 2025 (Q2 2025 included) there were 740 cancellations.',
        evidence,
      ),
    ).toEqual([]);
    const verdict = check('In September 2025 there were 740 cancellations.', evidence);
    expect(verdict.ungrounded).toEqual([
      expect.objectContaining({
        kind: 'date',
        text: 'September 2025',
        reason: expect.stringContaining('no period queried covers it'),
      }),
    ]);
  });

  it('grounds a month, a quarter and a year by a date in the results', () => {
    const evidence: GroundingEvidence = {
      question: 'When were appointments booked?',
      toolCalls: [metricsCall({ rows: [{ metric_time__month: '2026-11-01', appointments: 80 }] })],
    };
    expect(
      flagged('November 2026 (2026-11), Q4 2026, 2026 and 2026-11-01 are all in the results.', evidence),
    ).toEqual([]);
    // A month-grain result says nothing about one day of the month.
    expect(
      flagged('Appointments peaked on Nov 3, 2026, in December 2026, Q3 2026 and 2027.', evidence),
    ).toEqual(['Nov 3, 2026', 'December 2026', 'Q3 2026', '2027']);
  });

  it('flags an invented metric name and accepts names that exist', () => {
    const verdict = check(
      'Use `patient_happiness` with `practice__city`, `metric_time__quarter` and `scheduling.appointment`; cancellation_rate is per city, from appointment.status.',
    );
    expect(verdict.ungrounded).toEqual([
      {
        kind: 'entity',
        text: 'patient_happiness',
        reason: expect.stringContaining('is not a known metric, dimension, table or column'),
      },
    ]);
    expect(verdict.checkedClaims).toBe(6);
  });

  it('flags an invented concept id and accepts one a result or the question gives', () => {
    const evidence: GroundingEvidence = {
      question: 'Which concept is type 2 diabetes?',
      toolCalls: [
        {
          tool: 'search_concepts',
          input: { query: 'type 2 diabetes' },
          output: {
            isError: false,
            structuredContent: {
              concepts: [
                { concept_id: 201826, concept_name: 'Type 2 diabetes mellitus', vocabulary_id: 'SNOMED' },
              ],
            },
            text: '201826 SNOMED Type 2 diabetes mellitus',
          },
        },
      ],
    };
    expect(
      flagged('Type 2 diabetes mellitus is concept 201826 (OMOP 201826), `concept_id` 201826.', evidence),
    ).toEqual([]);
    const verdict = check('Use concept_id 201862 for type 2 diabetes.', evidence);
    expect(verdict.ungrounded).toEqual([
      { kind: 'entity', text: 'concept 201862', reason: expect.stringContaining('concept id 201862') },
    ]);
  });

  it('checks every id of a concept list, and reads a CDM version as no concept', () => {
    const evidence: GroundingEvidence = {
      question: 'Diabetes concepts?',
      toolCalls: [
        {
          tool: 'concept_descendants',
          input: { conceptId: 201826 },
          output: {
            isError: false,
            structuredContent: { descendants: [{ concept_id: 4193704 }, { concept_id: 201826 }] },
            text: '2 descendants',
          },
        },
      ],
    };
    expect(flagged('Concepts 201826, 4193704 and 316866 in OMOP 5.4.', evidence)).toEqual([
      'concept 316866',
      '5.4',
    ]);
  });

  it('accepts numbers, dates and names the person wrote in the question', () => {
    const evidence: GroundingEvidence = {
      question: 'Show the top 5 cities since March 2024 by patient_happiness, above 20%.',
      toolCalls: [metricsCall({ rows: byCity })],
    };
    expect(
      flagged(
        'There are only 3 cities, so the top 5 since March 2024 lists them all; none is above 20%. There is no `patient_happiness` metric.',
        evidence,
      ),
    ).toEqual([]);
  });

  it('accepts a number the question spells out and the count of tool calls', () => {
    const evidence: GroundingEvidence = {
      question: 'What are the top ten cities by cancellations?',
      toolCalls: [metricsCall({ rows: byCity }), metricsCall({ rows: byCity })],
    };
    expect(
      flagged('I ran 2 queries: there are fewer than 10 cities, so all of them are listed.', evidence),
    ).toEqual([]);
  });

  it('ignores numbers in fenced code and code spans, list markers, headings, ordinals and footnotes', () => {
    const verdict = check(
      [
        '## 1. Results',
        '',
        '1. Lyon had 412 cancellations[^1], the 3rd highest rate.',
        '2. The query used `LIMIT 9999`:',
        '',
        '```sql',
        "SELECT 77777 FROM scheduling.appointment WHERE start_time >= '1999-01-01'",
        '```',
        '',
        '[^1]: See [report 2](https://example.org/report/4242).',
      ].join('\n'),
    );
    expect(verdict).toEqual({ grounded: true, checkedClaims: 1, ungrounded: [] });
  });

  it('reads French number formatting', () => {
    expect(
      flagged(
        'À Lyon, 3 339 rendez-vous et 412 annulations (12,3 %), soit 12,34\u202F% ; Paris : 5\u202F370 rendez-vous.',
      ),
    ).toEqual([]);
    expect(flagged('Le taux de Lyon est de 12,9 %, Paris 5 380 rendez-vous.')).toEqual(['12,9 %', '5 380']);
  });

  it('reads an ambiguous 12,345 either way', () => {
    const evidence: GroundingEvidence = {
      question: 'Average?',
      toolCalls: [metricsCall({ rows: [{ average_wait_days: 12.345 }] })],
    };
    expect(flagged('The average is 12,345 days.', evidence)).toEqual([]);
  });

  it('grounds suppression notes from the result', () => {
    const evidence: GroundingEvidence = {
      question: 'Cancellations by city',
      toolCalls: [
        metricsCall({
          rows: byCity,
          suppression: { smallGroups: 1, complementaryGroups: 1, minimumCellSize: 11 },
        }),
      ],
    };
    expect(flagged('2 groups were hidden because they had fewer than 11 patients.', evidence)).toEqual([]);
  });

  it('treats a table column headed "%" as percentages', () => {
    const answer = [
      '| City | Cancellations | Rate (%) |',
      '|---|---:|---:|',
      '| Lyon | 412 | 12.3 |',
      '| Paris | 530 | 9.9 |',
    ];
    expect(check(answer.join('\n'))).toMatchObject({ grounded: true, checkedClaims: 4 });
    expect(flagged([...answer.slice(0, 3), '| Paris | 530 | 8.9 |'].join('\n'))).toEqual(['8.9']);
  });

  it('takes numbers from an error result only through its text, and its suggested names', () => {
    const evidence: GroundingEvidence = {
      question: 'Show patient happiness',
      toolCalls: [
        {
          tool: 'query_metrics',
          input: { metrics: ['patient_happiness'], maxRows: 5000 },
          output: {
            isError: true,
            error: {
              code: 'invalid_metric_query',
              message: 'unknown metric patient_happiness',
              suggestions: ['no_show_rate'],
              allowed: [],
            },
            text: 'Error (invalid_metric_query): unknown metric patient_happiness (42 metrics are defined)\nDid you mean: no_show_rate?',
          },
        },
      ],
    };
    expect(
      flagged('There is no `patient_happiness` among the 42 metrics; did you mean `no_show_rate`?', evidence),
    ).toEqual([]);
    expect(flagged('The 5,000-row limit applies; `happiness_score` is unknown.', evidence)).toEqual([
      'happiness_score',
    ]);
  });

  it('accepts a name a document of the turn uses', () => {
    const evidence: GroundingEvidence = {
      question: 'How is a late cancellation defined?',
      toolCalls: [
        {
          tool: 'search_documents',
          input: { query: 'late cancellation' },
          output: {
            isError: false,
            structuredContent: {
              results: [
                {
                  rank: 1,
                  title: 'No-show and cancellation definitions',
                  text: 'A late cancellation (`late_cancellation_flag`) is one made less than 24 hours before the slot.',
                  score: 0.82,
                },
              ],
            },
            text: '1. No-show and cancellation definitions',
          },
        },
      ],
    };
    expect(
      flagged('A cancellation less than 24 hours ahead sets `late_cancellation_flag`.', evidence),
    ).toEqual([]);
  });

  it('does not read ordinary words, capitalised values or abbreviations as names', () => {
    expect(check('E.g. `Lyon` and `ICD10CM` codes such as `E11.9`, i.e. ordinary words.')).toEqual({
      grounded: true,
      checkedClaims: 0,
      ungrounded: [],
    });
  });

  it('reads odd tool outputs without failing', () => {
    const evidence: GroundingEvidence = {
      question: 'Anything?',
      toolCalls: [
        { tool: 'whoami', input: undefined, output: null },
        { tool: 'list_tables', input: {}, output: 'plain text with 17 tables' },
        {
          tool: 'list_metrics',
          input: {},
          output: { isError: false, structuredContent: undefined, text: '' },
        },
      ],
    };
    expect(
      check('There are 17 tables and 18 metrics.', evidence).ungrounded.map((claim) => claim.text),
    ).toEqual(['18']);
  });

  it('reports a claim written twice once', () => {
    const verdict = check('Lyon had 415 cancellations. Yes, 415.');
    expect(verdict.checkedClaims).toBe(1);
    expect(verdict.ungrounded).toHaveLength(1);
  });

  it('finds the invented claims of a 2 KB answer among 5,000 cells', () => {
    const cities = ['Lyon', 'Paris', 'Marseille', 'Lille', 'Nantes', 'Bordeaux', 'Nice', 'Rennes'];
    const rows: Row[] = Array.from({ length: 1_000 }, (_, index) => ({
      practice__city: cities[index % cities.length] ?? 'Lyon',
      metric_time__month: `${2020 + Math.floor(index / 96)}-${String((index % 12) + 1).padStart(2, '0')}-01`,
      cancellations: 100 + ((index * 37) % 900),
      appointments: 1_000 + ((index * 7919) % 9_000),
      cancellation_rate: ((index * 7_127) % 10_000) / 10_000,
    }));
    const evidence: GroundingEvidence = { question: 'By city and month', toolCalls: [metricsCall({ rows })] };
    const paragraph =
      'Lyon had 100 cancellations of 1,000 appointments in January 2020, a 0.0% rate; the invented 123,456.78 visits, 4,321.5 hours and Q3 2041 are not. See `patient_happiness` and concept 999999.\n\n';
    const answer = paragraph.repeat(Math.ceil(2_000 / paragraph.length)).slice(0, 2_000);
    const verdict = checkGrounding(answer, evidence, entities);
    expect(verdict.ungrounded.map((claim) => claim.text)).toEqual(
      expect.arrayContaining(['123,456.78', '4,321.5', 'Q3 2041', 'patient_happiness', 'concept 999999']),
    );
  });
});
