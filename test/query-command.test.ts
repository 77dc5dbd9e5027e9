import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHale } from './support/run-hale.js';
import { createTemporaryDirectory } from './support/test-databases.js';

const scratch = createTemporaryDirectory('hale-query-');
const dataDirectory = `${scratch.path}/data`;
const hale = (args: string[]) => runHale([...args, '--data-dir', dataDirectory]);

beforeAll(async () => {
  const seeded = await hale(['seed', '--scale', '0.03', '--reference-date', '2026-06-30']);
  expect(seeded.exitCode).toBe(0);
}, 120_000);
afterAll(() => scratch.remove());

describe('hale query', () => {
  it('computes metrics as a principal, with filters, order and limit, as text and JSON', async () => {
    const args = [
      'query',
      '--metrics',
      'appointments,cancellation_rate',
      '--group-by',
      'practice__region',
      '--where',
      "{{ Dimension('appointment__visit_type') }} = 'teleconsultation'",
      '--where',
      '{"dimension": "appointment__channel", "operator": "in", "values": ["online", "phone"]}',
      '--order-by=-appointments',
      '--limit',
      '3',
    ];
    const admin = await hale([...args, '--as', 'admin', '--json']);
    expect(admin.exitCode, admin.stderr).toBe(0);
    const document = JSON.parse(admin.stdout);
    expect(document.status).toBe('ok');
    expect(document.rows).toHaveLength(3);
    const counts = document.rows.map((row: { appointments: number }) => Number(row.appointments));
    expect(counts).toEqual([...counts].sort((left, right) => right - left));
    expect(document.parameters).toEqual(['teleconsultation', 'online', 'phone']);

    const carol = await hale([...args, '--as', 'carol']);
    expect(carol.exitCode, carol.stderr).toBe(0);
    expect(carol.stdout).toContain('Île-de-France');
    expect(carol.stdout).not.toContain('Occitanie');
    expect(carol.stdout).toContain('policy: scheduling.practice: rows filtered');
    expect(carol.stdout).toContain('ORDER BY\n  appointments DESC');
  }, 60_000);

  it('runs a saved query and prints the compiled SQL with --compile', async () => {
    const saved = await hale([
      'query',
      '--as',
      'bob',
      '--saved-query',
      'lyon_teleconsultation_cancellations',
      '--json',
    ]);
    expect(saved.exitCode, saved.stderr).toBe(0);
    expect(JSON.parse(saved.stdout).columns.map((column: { name: string }) => column.name)).toEqual([
      'metric_time__month',
      'cancellations',
    ]);
    const compiled = await hale([
      'query',
      '--as',
      'bob',
      '--metrics',
      'no_show_rate',
      '--group-by',
      'channel',
      '--compile',
    ]);
    expect(compiled.exitCode, compiled.stderr).toBe(0);
    expect(compiled.stdout).toContain('NULLIF');
    expect(compiled.stdout).toContain('-- parameters: $1 = "completed", $2 = "no_show"');
  }, 60_000);

  it('explains a bad query on stderr and exits 1, leaving stdout empty', async () => {
    const bad = await hale([
      'query',
      '--as',
      'admin',
      '--metrics',
      'cancelations,appointments',
      '--group-by',
      'regoin',
    ]);
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('unknown metric "cancelations"; did you mean "cancellations"?');
    expect(bad.stderr).toContain('group_by[0]');
    const usage = await hale(['query', '--as', 'admin', '--limit', 'ten', '--metrics', 'appointments']);
    expect(usage.exitCode).toBe(2);
    expect(usage.stderr).toContain('--limit must be a positive whole number');
    const missing = await hale(['query', '--as', 'admin', '--saved-query', 'nope']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('no saved query "nope"');
  }, 60_000);

  it('refuses to start on invalid semantic models, listing every problem with file and line', async () => {
    const models = `${scratch.path}/models`;
    mkdirSync(models, { recursive: true });
    writeFileSync(
      `${models}/broken.yml`,
      [
        'metrics:',
        '  - name: visits',
        '    type: simple',
        '    type_params: { measure: visit_count }',
        '  - name: rate',
        '    type: ratio',
        '    type_params: { numerator: visits }',
      ].join('\n'),
    );
    const run = await hale(['query', '--as', 'admin', '--metrics', 'visits', '--semantic-models', models]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('the semantic models are invalid:');
    expect(run.stderr).toMatch(
      /broken\.yml:4: metrics\[0\]\.type_params\.measure: unknown measure "visit_count"/,
    );
    expect(run.stderr).toMatch(
      /broken\.yml:7: metrics\[1\]\.type_params: a ratio metric needs type_params\.denominator/,
    );
  }, 60_000);
});
