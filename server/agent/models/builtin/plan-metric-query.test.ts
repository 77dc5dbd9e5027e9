import { beforeAll, describe, expect, it } from 'vitest';
import { loadSemanticLayer } from '../../../../mcp-tools/semantic/index.js';
import { buildLinkingTables, type LinkingTables } from './build-linking-tables.js';
import type { DimensionValueEntry, DimensionValueIndex } from './dimension-value-index.js';
import type { MetricQueryInput } from './metric-query-input.js';
import { type MetricPlan, planMetricQuery, type QueryPlan } from './plan-metric-query.js';
import { readQuestion } from './read-question.js';

const now = new Date('2026-07-01T09:00:00Z');

function entry(dimension: string, model: string, label: string, value: string): DimensionValueEntry {
  const field = dimension.split('__').at(-1) ?? dimension;
  const normalized = value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return { dimension, model, field, label, value, normalized };
}

/** The values a principal who sees everything would have, in short. */
const everything: DimensionValueIndex = {
  entries: [
    ...['Lyon', 'Paris', 'Marseille', 'Lille'].map((city) =>
      entry('practice__city', 'practices', 'City', city),
    ),
    entry('practice__region', 'practices', 'Region', 'Île-de-France'),
    entry('practice__practice_name', 'practices', 'Practice', 'Centre médical Confluence'),
    entry('practice__practice_name', 'practices', 'Practice', 'Maison de santé Vieux-Lille'),
    entry('specialty__specialty_name', 'specialties', 'Specialty', 'Cardiology'),
    entry('specialty__specialty_name', 'specialties', 'Specialty', 'General practice'),
    ...['online', 'phone', 'walk_in'].map((channel) =>
      entry('appointment__channel', 'appointments', 'Booking channel', channel),
    ),
    ...['teleconsultation', 'in_person'].map((type) =>
      entry('appointment__visit_type', 'appointments', 'Visit type', type),
    ),
    ...['completed', 'cancelled', 'no_show'].map((status) =>
      entry('appointment__status', 'appointments', 'Status', status),
    ),
    entry('patient__age_band', 'patients', 'Age band', '18-39'),
    entry('person__age_band', 'persons', 'Age band', '18-39'),
    entry('person__gender', 'persons', 'Gender', 'female'),
  ],
  unavailable: [],
};

let tables: LinkingTables;
beforeAll(async () => {
  tables = buildLinkingTables(await loadSemanticLayer(), now);
});

function plan(question: string, base?: MetricQueryInput, index = everything): MetricPlan {
  const reading = readQuestion({ question, tables, index, now });
  return planMetricQuery({ reading, base, tables, index, offTopic: false });
}

function query(question: string, base?: MetricQueryInput, index = everything): QueryPlan {
  const planned = plan(question, base, index);
  if (planned.kind !== 'query') throw new Error(`${question}: ${JSON.stringify(planned)}`);
  return planned;
}

describe('linking a question to a metric query', () => {
  it('links metrics, values and time: the participle is the measure, the noun a filter', () => {
    expect(query('How many teleconsultations were cancelled in Lyon last month?').query).toEqual({
      metrics: ['cancellations'],
      group_by: [],
      where: [
        { dimension: 'appointment__visit_type', operator: '=', values: ['teleconsultation'] },
        { dimension: 'practice__city', operator: '=', values: ['Lyon'] },
      ],
      start: '2026-06-01',
      end: '2026-07-01',
    });
    expect(query('How many appointments were cancelled?').query.metrics).toEqual(['cancellations']);
  });

  it('reads a ranking: the grouping after "top N", the order and the limit', () => {
    expect(query('Top 5 specialties by no-show rate').query).toEqual({
      metrics: ['no_show_rate'],
      group_by: ['practitioner__specialty__specialty_name'],
      where: [],
      order_by: ['-no_show_rate'],
      limit: 5,
    });
    expect(query('Which region has the most cancellations?').query).toMatchObject({
      group_by: ['practice__region'],
      order_by: ['-cancellations'],
    });
  });

  it('compares two values of one dimension side by side ("Lyon vs Paris")', () => {
    expect(query('Cancellations in Lyon vs Paris').query).toMatchObject({
      group_by: ['practice__city'],
      where: [{ dimension: 'practice__city', operator: 'in', values: ['Lyon', 'Paris'] }],
    });
  });

  it('prefers the longer reading where a grouping and a metric share words', () => {
    expect(query('What is the no-show rate by booking channel?').query).toMatchObject({
      metrics: ['no_show_rate'],
      group_by: ['appointment__channel'],
    });
    expect(query('How many appointments per practitioner in each specialty?').query.metrics).toEqual([
      'appointments_per_practitioner',
    ]);
  });

  it('reads French, accents or not', () => {
    expect(query("Combien d'annulations à Lyon le mois dernier ?").query).toMatchObject({
      metrics: ['cancellations'],
      where: [{ dimension: 'practice__city', values: ['Lyon'] }],
      start: '2026-06-01',
    });
    expect(query('Taux de lapins par canal de reservation').query).toMatchObject({
      metrics: ['no_show_rate'],
      group_by: ['appointment__channel'],
    });
  });

  it('qualifies a value for the metric: an age band is the patient’s for appointments, the person’s for OMOP', () => {
    expect(query('How many no-shows for patients aged 18-39?').query.where).toEqual([
      { dimension: 'patient__age_band', operator: '=', values: ['18-39'] },
    ]);
  });

  it('finds a practice by a capitalised distinctive word, never by a common one', () => {
    expect(query('How many appointments at Confluence?').query.where).toEqual([
      { dimension: 'practice__practice_name', operator: '=', values: ['Centre médical Confluence'] },
    ]);
    expect(query('How many appointments in Lille?').query.where).toEqual([
      { dimension: 'practice__city', operator: '=', values: ['Lille'] },
    ]);
    expect(query('How many appointments by practice?').query.where).toEqual([]);
  });

  it('leaves the words of a clinical concept for search_concepts', () => {
    expect(query('How many patients have type 2 diabetes?')).toMatchObject({
      conceptText: 'type 2 diabetes',
    });
    expect(query('What is the average HbA1c value per year?')).toMatchObject({
      conceptText: 'HbA1c',
      query: { metrics: ['average_measurement_value'], group_by: ['metric_time__year'] },
    });
    expect(query('How many women have hypertension?')).toMatchObject({
      conceptText: 'hypertension',
      query: { where: [{ dimension: 'person__gender', values: ['female'] }] },
    });
  });
});

describe('asking instead of guessing', () => {
  it('asks which patients when both domains are as likely, naming both definitions', () => {
    const asked = plan('How many patients?');
    expect(asked).toMatchObject({ kind: 'clarify', candidates: ['patients', 'patients_seen'] });
    expect(asked.kind === 'clarify' && asked.text).toContain(
      'Distinct patients with at least one completed appointment',
    );
  });

  it('does not ask when the other words point to one domain', () => {
    expect(query('How many patients in Lyon?').query.metrics).toEqual(['patients_seen']);
    expect(query('How many patients by gender?').query.metrics).toEqual(['patients']);
  });

  it('asks which rate when only "rate" names a metric', () => {
    expect(plan("What's the rate in Lyon?")).toMatchObject({
      kind: 'clarify',
      candidates: ['cancellation_rate', 'no_show_rate'],
    });
  });

  it('asks about a name the principal cannot see rather than dropping it', () => {
    const parisOnly: DimensionValueIndex = {
      entries: everything.entries.filter((known) => known.value !== 'Lyon'),
      unavailable: [],
    };
    const asked = plan('How many appointments in Lyon?', undefined, parisOnly);
    expect(asked).toMatchObject({ kind: 'clarify' });
    expect(asked.kind === 'clarify' && asked.text).toContain('could not find "Lyon"');
  });

  it('asks which period when two are named', () => {
    expect(plan('How many appointments this year vs last year?')).toMatchObject({ kind: 'clarify' });
  });

  it('says when no metric matches, and refuses what is off topic', () => {
    expect(plan('How much revenue did we make?')).toEqual({ kind: 'no_metric', words: ['revenue'] });
    const reading = readQuestion({ question: 'Tell me about the weather', tables, index: everything, now });
    expect(planMetricQuery({ reading, tables, index: everything, offTopic: true })).toEqual({
      kind: 'out_of_scope',
    });
  });

  it('says when a filter cannot apply to the metric', () => {
    expect(plan('How many deaths in Lyon?')).toMatchObject({ kind: 'cannot' });
  });
});

describe('follow-ups', () => {
  let base: MetricQueryInput;
  beforeAll(() => {
    base = query('How many cancellations this year?').query;
  });

  it('change the previous query', () => {
    const byMonth = query('And by month?', base);
    expect(byMonth).toMatchObject({
      followUp: true,
      query: { group_by: ['metric_time__month'], start: '2026-01-01' },
    });
    expect(query('Only teleconsultations', byMonth.query).query.where).toEqual([
      { dimension: 'appointment__visit_type', operator: '=', values: ['teleconsultation'] },
    ]);
    expect(query('Same for last year', base).query).toMatchObject({ start: '2025-01-01', end: '2026-01-01' });
    expect(query('And the no-show rate?', base).query).toMatchObject({
      metrics: ['no_show_rate'],
      start: '2026-01-01',
    });
    expect(query('What about Marseille?', base).query.where).toEqual([
      { dimension: 'practice__city', operator: '=', values: ['Marseille'] },
    ]);
  });

  it('leave out, and say so, what does not apply to a swapped metric', () => {
    const lyon = query('How many cancellations in Lyon?').query;
    const swapped = query('And deaths?', lyon);
    expect(swapped.query.where).toEqual([]);
    expect(swapped.notes.join(' ')).toContain('practice__city');
  });

  it('is a new question when it names a metric without a follow-up cue', () => {
    expect(query('How many no-shows?', base)).toMatchObject({
      followUp: false,
      query: { metrics: ['no_shows'] },
    });
  });
});
