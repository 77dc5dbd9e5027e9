import { describe, expect, it } from 'vitest';
import { mergeFollowUp } from './merge-follow-up.js';
import type { MetricQueryInput } from './metric-query-input.js';

const base: MetricQueryInput = {
  metrics: ['cancellations'],
  group_by: ['practice__city'],
  where: [{ dimension: 'practice__city', operator: 'in', values: ['Lyon', 'Paris'] }],
  start: '2025-01-01',
  end: '2026-01-01',
};
const none = { filters: [], groupBy: [], replacesConcept: false };

describe('mergeFollowUp', () => {
  it('adds a time grouping and keeps everything else ("and by month?")', () => {
    expect(mergeFollowUp(base, { ...none, grain: 'metric_time__month' })).toEqual({
      ...base,
      group_by: ['metric_time__month', 'practice__city'],
    });
  });

  it('replaces the filter on the same dimension and drops the comparison grouping ("what about Marseille?")', () => {
    const merged = mergeFollowUp(base, {
      ...none,
      filters: [{ dimension: 'practice__city', operator: '=', values: ['Marseille'] }],
    });
    expect(merged.where).toEqual([{ dimension: 'practice__city', operator: '=', values: ['Marseille'] }]);
    expect(merged.group_by).toEqual([]);
  });

  it('adds a filter on another dimension ("only teleconsultations")', () => {
    const filter = {
      dimension: 'appointment__visit_type',
      operator: '=' as const,
      values: ['teleconsultation'],
    };
    expect(mergeFollowUp(base, { ...none, filters: [filter] }).where).toEqual([...base.where, filter]);
  });

  it('replaces the period ("same for last year") and the metric, keeping the filters ("and the no-show rate?")', () => {
    expect(mergeFollowUp(base, { ...none, range: { start: '2024-01-01', end: '2025-01-01' } })).toMatchObject(
      {
        start: '2024-01-01',
        end: '2025-01-01',
        where: base.where,
      },
    );
    expect(mergeFollowUp(base, { ...none, metrics: ['no_show_rate'] })).toMatchObject({
      metrics: ['no_show_rate'],
      where: base.where,
    });
  });

  it('makes the ordering follow a swapped metric and keeps the limit', () => {
    const ranked = { ...base, order_by: ['-cancellations'], limit: 5 };
    expect(mergeFollowUp(ranked, { ...none, metrics: ['no_show_rate'] })).toMatchObject({
      order_by: ['-no_show_rate'],
      limit: 5,
    });
  });

  it('replaces a concept filter when a new concept is named', () => {
    const concept = {
      ...base,
      where: [{ dimension: 'condition', operator: 'descendant_of' as const, values: [201826] }],
    };
    expect(mergeFollowUp(concept, { ...none, replacesConcept: true }).where).toEqual([]);
  });

  it('builds a new query from nothing, with a ranking', () => {
    expect(
      mergeFollowUp(undefined, {
        ...none,
        metrics: ['no_show_rate'],
        groupBy: ['practitioner__specialty__specialty_name'],
        ranking: { direction: 'desc', limit: 5 },
      }),
    ).toEqual({
      metrics: ['no_show_rate'],
      group_by: ['practitioner__specialty__specialty_name'],
      where: [],
      order_by: ['-no_show_rate'],
      limit: 5,
    });
  });
});
