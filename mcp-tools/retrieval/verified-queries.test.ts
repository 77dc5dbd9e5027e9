import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileMetricQuery, type SemanticLayer } from '../../semantic-layer/index.js';
import { loadSemanticLayer } from '../semantic/index.js';
import { RetrievalError } from './retrieval-error.js';
import { parseVerifiedQueries, verifiedQueryDocuments } from './verified-queries.js';

const bundledFile = 'docs/knowledge/verified-queries.yml';
const bundledText = readFileSync(
  new URL('../../docs/knowledge/verified-queries.yml', import.meta.url),
  'utf8',
);
const bundled = parseVerifiedQueries(bundledText, bundledFile);

/** The error a text gives, so tests can assert its code and every line of its message. */
function failureOf(text: string): RetrievalError {
  try {
    parseVerifiedQueries(text, 'knowledge/verified.yml');
  } catch (error) {
    if (error instanceof RetrievalError) return error;
    throw error;
  }
  throw new Error('expected the text to be refused');
}

describe('the bundled verified queries', () => {
  let layer: SemanticLayer;
  beforeAll(async () => {
    layer = await loadSemanticLayer();
  });

  it('hold about a dozen entries with unique ids, some in French and some over OMOP', () => {
    expect(bundled.length).toBeGreaterThanOrEqual(12);
    expect(new Set(bundled.map((query) => query.id)).size).toBe(bundled.length);
    expect(bundled.some((query) => /[àâçéèêëîïôûù]|\bquel\b|\bcombien\b/i.test(query.question))).toBe(true);
    expect(bundled.some((query) => query.metricQuery.metrics.includes('patients_with_condition'))).toBe(true);
  });

  it.each(bundled.map((query) => [query.id, query] as const))(
    '%s compiles against the bundled semantic layer',
    (_id, query) => {
      expect(() => compileMetricQuery(layer, query.metricQuery)).not.toThrow();
    },
  );
});

describe('parseVerifiedQueries', () => {
  it('converts entries to typed queries, applying the metric query defaults', () => {
    const [query] = parseVerifiedQueries(
      [
        'verified_queries:',
        '  - id: no-shows-by-region',
        '    question: Where do patients miss the most appointments?',
        '    metric_query:',
        '      metrics: [no_shows]',
        '      group_by: [practice__region]',
        '      order_by: [-no_shows]',
      ].join('\n'),
      'verified.yml',
    );
    expect(query).toEqual({
      id: 'no-shows-by-region',
      question: 'Where do patients miss the most appointments?',
      metricQuery: {
        metrics: ['no_shows'],
        group_by: ['practice__region'],
        where: [],
        order_by: ['-no_shows'],
      },
    });
  });

  it('names the file, the line and the entry of each malformed entry, all at once', () => {
    const error = failureOf(
      [
        'verified_queries:',
        '  - id: fine',
        '    question: How many appointments?',
        '    metric_query: { metrics: [appointments] }',
        '  - id: lyon-cancellations',
        '    question: Cancellations in Lyon?',
        '    metric_query:',
        '      metrics: [cancellations]',
        '      groupBy: [metric_time__month]',
        '  - question: No id here',
        '    metric_query: { metrics: [] }',
      ].join('\n'),
    );
    expect(error.code).toBe('invalid_document');
    expect(error.message).toContain('knowledge/verified.yml: invalid verified queries:');
    expect(error.message).toContain(
      'knowledge/verified.yml:9: entry 2 (id "lyon-cancellations"): metric_query unknown key groupBy',
    );
    expect(error.message).toContain('knowledge/verified.yml:10: entry 3: id is missing');
    expect(error.message).toMatch(/knowledge\/verified\.yml:11: entry 3: metric_query\.metrics /);
    expect(error.message).not.toContain('entry 1');
  });

  it('refuses a duplicated id, naming both entries', () => {
    const entry = (question: string) => [
      '  - id: same',
      `    question: ${question}`,
      '    metric_query: { metrics: [appointments] }',
    ];
    const error = failureOf(['verified_queries:', ...entry('First?'), ...entry('Second?')].join('\n'));
    expect(error.message).toContain(
      'knowledge/verified.yml:5: entry 2 (id "same"): the id is already used by entry 1',
    );
  });

  it('refuses YAML that does not parse, and a file without the verified_queries list', () => {
    expect(failureOf('verified_queries:\n  - id: [unclosed\n').message).toMatch(
      /^knowledge\/verified\.yml:\d+: not valid YAML/,
    );
    expect(failureOf('queries: []\n').message).toContain('unknown key queries');
    expect(failureOf('verified_queries: {}\n').message).toContain('verified_queries must be a list');
  });
});

describe('verifiedQueryDocuments', () => {
  const documents = verifiedQueryDocuments(bundled, bundledFile);

  it('gives one document per verified query, readable by every role', () => {
    expect(documents.map((document) => document.key)).toEqual(bundled.map((query) => `verified:${query.id}`));
    const lyon = documents.find(
      (document) => document.key === 'verified:lyon-teleconsultation-cancellations',
    );
    expect(lyon).toMatchObject({
      sourceType: 'verified_query',
      title: 'How many teleconsultations were cancelled in Lyon last month?',
      tags: ['verified-query', 'cancellations'],
      allowedRoles: ['*'],
      source: 'verified queries: docs/knowledge/verified-queries.yml',
    });
  });

  it('holds the question, the query as query_metrics takes it, and the notes', () => {
    bundled.forEach((query, index) => {
      const content = documents[index]?.content ?? '';
      expect(content.startsWith(`# ${query.question}\n`)).toBe(true);
      const json = /```json\n([\s\S]*?)\n```/.exec(content)?.[1] ?? '{}';
      const written = JSON.parse(json) as Record<string, unknown>;
      expect(written.metrics).toEqual(query.metricQuery.metrics);
      // Keys left at their defaults stay out, as a person would write the query.
      for (const value of Object.values(written)) expect(value).not.toEqual([]);
      if (query.notes) expect(content).toContain(query.notes);
    });
  });
});
