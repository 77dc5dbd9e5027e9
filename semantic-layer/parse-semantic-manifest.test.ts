import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSemanticManifest } from './parse-semantic-manifest.js';

const bundled = ['scheduling.yml', 'omop.yml'].map((name) => ({
  path: `models/${name}`,
  text: readFileSync(new URL(`./models/${name}`, import.meta.url), 'utf8'),
}));

describe('parseSemanticManifest', () => {
  it('accepts the bundled models', () => {
    const { manifest, issues } = parseSemanticManifest(bundled);
    expect(issues).toEqual([]);
    expect(manifest.metrics.map((metric) => metric.name)).toContain('cancellation_rate');
    expect(manifest.metrics.length).toBeGreaterThanOrEqual(25);
    expect(manifest.semanticModels.map((model) => model.name)).toContain('condition_eras');
    expect(manifest.savedQueries.length).toBeGreaterThan(10);
  });

  it('reports every problem with its file, line and a suggestion', () => {
    const text = [
      'semantic_models:',
      '  - name: visits',
      "    model: ref('visit_occurrence')",
      '    defaults:',
      '      agg_time_dimension: visit_date',
      '    dimensions:',
      '      - name: visit_start',
      '        type: time',
      '    measures:',
      '      - name: visit_count',
      '        agg: avg',
      'metrics:',
      '  - name: visits',
      '    type: simple',
      '    type_params:',
      '      measure: visit_cont',
    ].join('\n');
    const { issues } = parseSemanticManifest([{ path: 'visits.yml', text }]);
    expect(issues).toEqual([
      expect.objectContaining({ file: 'visits.yml', line: 11, path: 'semantic_models[0].measures[0].agg' }),
    ]);
    expect(issues[0]?.message).toContain('average');

    const fixed = text.replace('agg: avg', 'agg: count');
    const second = parseSemanticManifest([{ path: 'visits.yml', text: fixed }]).issues;
    expect(second).toEqual([
      {
        file: 'visits.yml',
        line: 7,
        path: 'semantic_models[0].dimensions[0]',
        message:
          'time dimension "visit_start" needs type_params.time_granularity (day, week, month, quarter or year)',
      },
      {
        file: 'visits.yml',
        line: 5,
        path: 'semantic_models[0].defaults.agg_time_dimension',
        message: 'unknown time dimension "visit_date"; did you mean "visit_start"?',
      },
      {
        file: 'visits.yml',
        line: 16,
        path: 'metrics[0].type_params.measure',
        message: 'unknown measure "visit_cont"; did you mean "visit_count"?',
      },
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const { issues } = parseSemanticManifest([
      { path: 'broken.yml', text: 'metrics:\n  - name: [unclosed\n' },
    ]);
    expect(issues[0]).toMatchObject({ file: 'broken.yml', line: expect.any(Number) });
    expect(issues.length).toBeGreaterThan(0);
  });
});
