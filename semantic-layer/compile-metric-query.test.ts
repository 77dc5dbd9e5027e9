import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileMetricQuery } from './compile-metric-query.js';
import type { MetricQuery } from './metric-query.js';
import { MetricQueryError } from './metric-query-error.js';
import { loadSemanticParser } from './model-expression.js';
import { createSemanticLayer, type SemanticLayer } from './semantic-layer.js';

const bundledFiles = ['scheduling.yml', 'omop.yml'].map((name) => ({
  path: `models/${name}`,
  text: readFileSync(new URL(`./models/${name}`, import.meta.url), 'utf8'),
}));

/** A small world for join rules: orders → customers → regions → countries, and two foreign-only models. */
const fixture = `
semantic_models:
  - name: orders
    model: ref('orders')
    defaults: { agg_time_dimension: ordered_at }
    entities:
      - { name: order, type: primary, expr: order_id }
      - { name: customer, type: foreign, expr: customer_id }
      - { name: coupon, type: foreign, expr: coupon_code }
    dimensions:
      - { name: ordered_at, type: time, type_params: { time_granularity: day } }
      - { name: status, type: categorical }
    measures:
      - { name: order_count, agg: count, expr: order_id }
      - { name: revenue, agg: sum, expr: amount }
      - name: balance
        agg: sum
        expr: amount
        non_additive_dimension: { name: ordered_at, window_choice: max, window_groupings: [customer] }
  - name: customers
    model: ref('customers')
    entities:
      - { name: customer, type: primary, expr: customer_id }
      - { name: region, type: foreign, expr: region_id }
    dimensions:
      - { name: city, type: categorical }
      - { name: signed_up, type: time, type_params: { time_granularity: month } }
  - name: regions
    model: ref('regions')
    entities:
      - { name: region, type: primary, expr: region_id }
      - { name: country, type: foreign, expr: country_id }
    dimensions:
      - { name: region_name, type: categorical, expr: name }
  - name: countries
    model: ref('countries')
    entities:
      - { name: country, type: primary, expr: country_id }
    dimensions:
      - { name: country_name, type: categorical, expr: name }
  - name: coupon_uses
    model: ref('coupon_uses')
    defaults: { agg_time_dimension: used_at }
    entities:
      - { name: coupon, type: foreign, expr: coupon_code }
    dimensions:
      - { name: used_at, type: time, type_params: { time_granularity: day } }
      - { name: campaign, type: categorical }
    measures:
      - { name: coupon_uses, agg: count, expr: "1" }
  - name: stores
    model: ref('stores')
    entities:
      - { name: store, type: primary, expr: store_id }
      - { name: region, type: unique, expr: region_id }
    dimensions:
      - { name: city, type: categorical }
      - { name: region_name, type: categorical, expr: region_label }
metrics:
  - { name: orders, type: simple, type_params: { measure: order_count } }
  - { name: revenue, type: simple, type_params: { measure: revenue } }
  - { name: balance, type: simple, type_params: { measure: balance } }
  - { name: coupon_uses, type: simple, type_params: { measure: coupon_uses } }
  - { name: revenue_per_order, type: ratio, type_params: { numerator: revenue, denominator: orders } }
`;

function problemsOf(layer: SemanticLayer, query: MetricQuery): { path: string; message: string }[] {
  try {
    compileMetricQuery(layer, query);
  } catch (error) {
    if (error instanceof MetricQueryError)
      return error.issues.map(({ path, message }) => ({ path, message }));
    throw error;
  }
  throw new Error('the query compiled');
}

describe('compileMetricQuery', () => {
  let bundled: SemanticLayer;
  let world: SemanticLayer;

  beforeAll(async () => {
    await loadSemanticParser();
    const loaded = createSemanticLayer(bundledFiles);
    expect(loaded.issues).toEqual([]);
    bundled = loaded.layer;
    const fixtureLayer = createSemanticLayer([{ path: 'world.yml', text: fixture }]);
    expect(fixtureLayer.issues).toEqual([]);
    world = fixtureLayer.layer;
  });

  it('binds every filter value as a parameter, never as SQL text', () => {
    const compiled = compileMetricQuery(bundled, {
      metrics: ['cancellations'],
      group_by: ['metric_time__month'],
      where: [
        "{{ Dimension('practice__city') }} = 'Lyon'",
        { dimension: 'appointment__channel', operator: 'in', values: ['online', 'phone'] },
      ],
      start: '2025-01-01',
      end: '2025-07-01',
    });
    expect(compiled.parameters).toEqual(['Lyon', 'online', 'phone', '2025-01-01', '2025-07-01']);
    expect(compiled.sql).not.toContain('Lyon');
    expect(compiled.sql).toContain('practices.city = $1');
    expect(compiled.sql).toContain('appointments.channel IN ($2, $3)');
    expect(compiled.sql).toContain(
      "CAST(date_trunc('month', appointments.start_at) AS date) AS metric_time__month",
    );
  });

  it('keeps a hostile filter value a value, and refuses anything but a plain predicate', () => {
    const hostile = "x' OR 1=1; DROP TABLE scheduling.appointment; --";
    const compiled = compileMetricQuery(bundled, {
      metrics: ['appointments'],
      where: [`{{ Dimension('appointment__status') }} = '${hostile.replaceAll("'", "''")}'`],
    });
    expect(compiled.parameters).toEqual([hostile]);
    expect(compiled.sql).not.toMatch(/DROP|OR 1=1/);

    const attempts: [string, string][] = [
      ["{{ Dimension('appointment__status') }} = 'a'; DELETE FROM scheduling.appointment", 'one predicate'],
      ["{{ Dimension('appointment__status') }} = 'a' OR pg_sleep(10) IS NULL", 'functions are not allowed'],
      [
        "{{ Dimension('appointment__status') }} IN (SELECT email FROM scheduling.patient)",
        'subqueries are not allowed',
      ],
      ['status = 1', 'bare name'],
      ["{{ Dimension('appointment__status') }} = current_user", 'not allowed'],
      ["{{ Metric('appointments', group_by=['practice']) }} > 3", 'metric filters'],
      ["{{ Dimension('appointment__status') }} || 'x' = 'ax'", 'not allowed'],
      ["{{ Dimension('appointment__status') }} = 'a' {{ config.get('x') }}", 'templates'],
      ['1', 'condition'],
    ];
    for (const [filter, expected] of attempts) {
      const problems = problemsOf(bundled, { metrics: ['appointments'], where: [filter] });
      expect(problems, filter).toHaveLength(1);
      expect(problems[0]?.path, filter).toBe('where[0]');
      expect(problems[0]?.message, filter).toContain(expected);
    }
  });

  it('collects every problem of a query, each located, with suggestions', () => {
    const problems = problemsOf(bundled, {
      metrics: ['cancelations', 'appointments_year_to_date'],
      group_by: ['practice__regoin'],
      order_by: ['-revenue'],
      limit: 0,
      start: '2025-13-45',
    });
    expect(problems).toEqual([
      { path: 'metrics[0]', message: 'unknown metric "cancelations"; did you mean "cancellations"?' },
      { path: 'group_by[0]', message: expect.stringContaining('did you mean "practice__region"') },
      {
        path: 'group_by',
        message:
          'metric "appointments_year_to_date" is cumulative: group by metric_time (e.g. metric_time__month)',
      },
      { path: 'start', message: expect.stringContaining('"2025-13-45" is not an ISO date') },
      { path: 'order_by[0]', message: expect.stringContaining('cannot order by "-revenue"') },
      { path: 'limit', message: 'limit must be a whole number from 1 to 100,000, got 0' },
    ]);
  });

  it('suggests a metric by synonym and explains why a dimension is out of reach', () => {
    expect(problemsOf(bundled, { metrics: ['lapins'] })[0]?.message).toBe(
      'unknown metric "lapins"; did you mean "no_shows"?',
    );
    const [unreachable] = problemsOf(bundled, { metrics: ['appointments'], group_by: ['condition_name'] });
    expect(unreachable?.message).toContain(
      '"condition_name" belongs to semantic model "condition_concepts", which "appointments" (the model of metric "appointments") cannot reach',
    );
    const [offset] = problemsOf(bundled, { metrics: ['appointments_growth_month_over_month'] });
    expect(offset?.message).toContain('computed over a time offset: group by metric_time');
    expect(
      problemsOf(bundled, { metrics: ['appointments'], group_by: ['appointment__start_at__hour'] })[0]?.path,
    ).toBe('group_by[0]');
  });

  it('joins only towards primary, unique or natural entities, at most two hops', () => {
    const reachable = compileMetricQuery(world, {
      metrics: ['orders'],
      group_by: ['customer__region__country', 'customer__city'],
    });
    expect(reachable.sql).toContain('regions.country_id AS customer__region__country');
    expect(reachable.sql).toContain(
      'LEFT OUTER JOIN customers AS customers ON orders.customer_id = customers.customer_id',
    );
    expect(reachable.sql).toContain(
      'LEFT OUTER JOIN regions AS regions ON customers.region_id = regions.region_id',
    );

    // Three hops away.
    const [tooFar] = problemsOf(world, {
      metrics: ['orders'],
      group_by: ['customer__region__country__country_name'],
    });
    expect(tooFar?.message).toContain('at most 2 hops');
    // coupon is foreign in both models: joining to it would multiply orders.
    const [fanOut] = problemsOf(world, { metrics: ['orders'], group_by: ['coupon__campaign'] });
    expect(fanOut?.message).toContain('"campaign" belongs to semantic model "coupon_uses"');
    // Region names in two models keyed by region: the path does not say which.
    const [ambiguous] = problemsOf(world, {
      metrics: ['orders'],
      group_by: ['customer__region__region_name'],
    });
    expect(ambiguous?.message).toBe(
      '"customer__region__region_name" is ambiguous for metric "orders": semantic models "regions" and "stores" both provide it through entity "region"; give an explicit entity path',
    );
    // A bare name picks the dimension with the fewest joins (customers.city, not stores.city) …
    expect(compileMetricQuery(world, { metrics: ['orders'], group_by: ['city'] }).sql).toContain(
      'customers.city AS city',
    );
    // … and asks when two are equally close.
    expect(problemsOf(world, { metrics: ['orders'], group_by: ['region_name'] })[0]?.message).toBe(
      '"region_name" is ambiguous for metric "orders": semantic models "regions" and "stores" both provide it through entity "region"; give an explicit entity path',
    );
  });

  it('refuses a grain finer than the dimension records, and accepts coarser ones', () => {
    expect(
      problemsOf(world, { metrics: ['orders'], group_by: ['customer__signed_up__day'] })[0]?.message,
    ).toBe('"customer__signed_up" is recorded by month; it cannot be grouped by day');
    const coarse = compileMetricQuery(world, {
      metrics: ['orders'],
      group_by: ['customer__signed_up__quarter'],
    });
    expect(coarse.sql).toContain("date_trunc('quarter', customers.signed_up)");
  });

  it('computes ratios in double precision and combines metrics of different models on the group-by', () => {
    const ratio = compileMetricQuery(world, { metrics: ['revenue_per_order'], group_by: ['order__status'] });
    expect(ratio.sql).toContain(
      'CAST(sum(orders.amount) AS double precision) / CAST(NULLIF(count(orders.order_id), 0) AS double precision)',
    );
    const combined = compileMetricQuery(world, {
      metrics: ['orders', 'coupon_uses'],
      group_by: ['metric_time__month'],
    });
    expect(combined.sql).toMatch(
      /FROM \(SELECT .* FROM orders AS orders .*\) AS u1 FULL OUTER JOIN \(SELECT .* FROM coupon_uses AS coupon_uses .*\) AS u2 USING \(metric_time__month\)/,
    );
    expect(combined.columns.map((column) => column.name)).toEqual([
      'metric_time__month',
      'orders',
      'coupon_uses',
    ]);
  });

  it('adds a semi-additive measure only at the last snapshot of each group, chosen among filtered rows', () => {
    const compiled = compileMetricQuery(world, {
      metrics: ['balance'],
      group_by: ['metric_time'],
      where: ["{{ Dimension('order__status') }} = 'paid'"],
      end: '2024-01-01',
    });
    expect(compiled.sql).toContain(
      "JOIN (SELECT orders.customer_id AS partition_1, CAST(date_trunc('day', orders.ordered_at) AS date) AS partition_2, max(orders.ordered_at) AS chosen FROM orders AS orders WHERE orders.status = $1 AND orders.ordered_at < $2 GROUP BY",
    );
    expect(compiled.sql).toContain('orders.ordered_at = hale_snapshot.chosen');
    expect(compiled.sql).toContain('orders.customer_id = hale_snapshot.partition_1');
    expect(compiled.parameters).toEqual(['paid', '2024-01-01']);
  });

  it('uses every parameter it binds, whatever the shape of the query', () => {
    const queries: MetricQuery[] = [
      {
        metrics: ['appointments_year_to_date'],
        group_by: ['metric_time__month'],
        start: '2025-01-01',
        end: '2025-07-01',
      },
      {
        metrics: ['bookings_rolling_28_days', 'appointments_growth_month_over_month', 'no_show_rate'],
        group_by: ['metric_time__month', 'practice__region'],
        where: ["{{ Dimension('appointment__channel') }} IN ('online', 'phone')"],
        start: '2025-01-01',
        end: '2025-07-01',
      },
      {
        metrics: ['appointments_year_to_date'],
        group_by: ['metric_time__month'],
        where: ["{{ TimeDimension('metric_time', 'month') }} >= '2025-03-01'"],
        start: '2025-01-01',
      },
      { metrics: ['balance', 'orders'], group_by: ['metric_time__month'], start: '2024-01-01' },
    ];
    for (const query of queries) {
      const layer = query.metrics.includes('balance') ? world : bundled;
      const { sql, parameters } = compileMetricQuery(layer, query);
      const used = new Set([...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1])));
      expect(
        [...used].sort((left, right) => left - right),
        sql,
      ).toEqual(parameters.map((_, index) => index + 1));
    }
  });

  it('quotes names that are SQL keywords and reads dbt-style group-by items', () => {
    const compiled = compileMetricQuery(world, {
      metrics: ['orders'],
      group_by: ['order', "TimeDimension('metric_time', 'month')", "Dimension('customer__city')"],
      order_by: ['-orders'],
    });
    expect(compiled.sql).toContain('orders.order_id AS "order"');
    expect(compiled.sql).toContain('AS metric_time__month');
    expect(compiled.sql).toContain('customers.city AS customer__city');
    expect(compiled.columns.map((column) => column.name)).toEqual([
      'order',
      'metric_time__month',
      'customer__city',
      'orders',
    ]);
  });

  it('refuses impossible dates and null comparisons', () => {
    expect(problemsOf(bundled, { metrics: ['appointments'], start: '2025-02-30' })).toEqual([
      { path: 'start', message: '"2025-02-30" is not an ISO date such as 2024-01-31 (or 2024-01-31T08:00)' },
    ]);
    expect(
      problemsOf(bundled, {
        metrics: ['appointments'],
        where: [{ dimension: 'channel', operator: '=', values: [null] }],
      })[0]?.message,
    ).toContain('use the operator is_null');
  });

  it('filters with descendant_of through the OMOP concept hierarchy, the concept itself included', () => {
    const compiled = compileMetricQuery(bundled, {
      metrics: ['patients_with_condition'],
      where: [{ dimension: 'condition', operator: 'descendant_of', values: [201826] }],
    });
    expect(compiled.sql).toContain(
      '(condition_eras.condition_concept_id IN ($1) OR condition_eras.condition_concept_id IN (SELECT concept_ancestor.descendant_concept_id FROM vocab.concept_ancestor WHERE concept_ancestor.ancestor_concept_id IN ($1)))',
    );
    expect(compiled.parameters).toEqual([201826]);
    expect(
      problemsOf(bundled, {
        metrics: ['patients_with_condition'],
        where: [{ dimension: 'condition', operator: 'descendant_of', values: ['diabetes'] }],
      })[0]?.message,
    ).toBe('descendant_of takes OMOP concept ids (integers)');
    expect(
      problemsOf(bundled, {
        metrics: ['appointments'],
        where: [{ dimension: 'appointment__start_at', operator: 'between', values: ['2025-01-01'] }],
      })[0]?.message,
    ).toBe('operator between takes 2 values, got 1');
  });
});

describe('createSemanticLayer', () => {
  beforeAll(loadSemanticParser);

  it('locates problems only the join graph can see: filters, derived inputs, cycles, saved queries', () => {
    const text = [
      'semantic_models:',
      '  - name: visits',
      "    model: ref('visit_occurrence')",
      '    defaults: { agg_time_dimension: visit_date }',
      '    entities: [{ name: visit, type: primary, expr: visit_occurrence_id }]',
      '    dimensions:',
      '      - { name: visit_date, type: time, type_params: { time_granularity: day } }',
      '    measures: [{ name: visit_count, agg: count, expr: visit_occurrence_id }]',
      'metrics:',
      '  - name: visits',
      '    type: simple',
      '    type_params: { measure: visit_count }',
      "    filter: \"{{ Dimension('visit__care_site') }} = 'A'\"",
      '  - name: doubled',
      '    type: derived',
      '    type_params: { expr: visits * 2 + other, metrics: [visits] }',
      '  - name: loop_a',
      '    type: ratio',
      '    type_params: { numerator: loop_b, denominator: visits }',
      '  - name: loop_b',
      '    type: derived',
      '    type_params: { expr: loop_a, metrics: [loop_a] }',
      'saved_queries:',
      '  - name: by_month',
      '    query_params: { metrics: [vists], group_by: [metric_time__month] }',
    ].join('\n');
    const { issues } = createSemanticLayer([{ path: 'visits.yml', text }]);
    expect(issues.map(({ line, path, message }) => ({ line, path, message }))).toEqual([
      {
        line: 16,
        path: 'metrics[1].type_params.expr',
        message: 'the expression reads "other", which is not among type_params.metrics (visits)',
      },
      { line: 19, path: 'metrics[2].type_params', message: 'metric "loop_a" depends on itself' },
      { line: 22, path: 'metrics[3].type_params', message: 'metric "loop_b" depends on itself' },
      {
        line: 25,
        path: 'saved_queries[0].query_params.metrics[0]',
        message: 'unknown metric "vists"; did you mean "visits"?',
      },
    ]);

    const fixed = text
      .replace(' + other', '')
      .replace(/ {2}- name: loop_a[\s\S]*?(?=saved_queries)/, '')
      .replace('vists', 'visits');
    const second = createSemanticLayer([{ path: 'visits.yml', text: fixed }]).issues;
    expect(second).toEqual([
      {
        file: 'visits.yml',
        line: 10,
        path: 'metrics[0]',
        message: expect.stringContaining(
          'the filter "{{ Dimension(\'visit__care_site\') }} = \'A\'" of metric "visits"',
        ),
      },
    ]);
  });
});
