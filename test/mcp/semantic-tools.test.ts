import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGovernedTestWarehouse,
  type GovernedTestWarehouse,
} from '../support/governed-test-warehouse.js';
import { type DisposableDatabase, testDatabaseAdapters } from '../support/test-databases.js';
import { connectMcpClient, createTestToolRuntime } from '../support/tool-test-runtime.js';

type CallResult = Awaited<ReturnType<Client['callTool']>>;

function textOf(result: CallResult): string {
  return (result.content as { type: string; text?: string }[]).map((part) => part.text ?? '').join('\n');
}

const demoUsers = ['admin', 'dana', 'alice', 'bob', 'carol'] as const;

describe.each(testDatabaseAdapters)('semantic layer tools over MCP on $name', (adapter) => {
  let handle: DisposableDatabase;
  let warehouse: GovernedTestWarehouse;
  const clients = new Map<string, Client>();
  const call = async (user: string, name: string, args: Record<string, unknown>) => {
    const client = clients.get(user);
    if (!client) throw new Error(`no client for ${user}`);
    return client.callTool({ name, arguments: args });
  };
  const rowsOf = (result: CallResult) =>
    (result.structuredContent as { rows: Record<string, unknown>[] } | undefined)?.rows ?? [];

  beforeAll(async () => {
    handle = await adapter.create();
    warehouse = await createGovernedTestWarehouse({ database: handle.database, scale: 0.1 });
    const runtime = await createTestToolRuntime(warehouse, handle.database);
    for (const user of demoUsers) clients.set(user, await connectMcpClient({ ...runtime, user }));
  }, 300_000);
  afterAll(async () => {
    for (const client of clients.values()) await client.close();
    await handle?.dispose();
  });

  it('list_metrics finds metrics by synonym, in French too, and hides those over data a user may not query', async () => {
    const french = await call('admin', 'list_metrics', { search: 'annulations' });
    expect((french.structuredContent as { metrics: { name: string }[] }).metrics[0]?.name).toBe(
      'cancellations',
    );
    const noShow = await call('admin', 'list_metrics', { search: 'lapins' });
    expect(
      (noShow.structuredContent as { metrics: { name: string }[] }).metrics.map((metric) => metric.name),
    ).toContain('no_shows');
    const admin = (await call('admin', 'list_metrics', {})).structuredContent as { count: number };
    const carol = (await call('carol', 'list_metrics', {})).structuredContent as {
      metrics: { name: string }[];
      unavailable: number;
    };
    expect(admin.count).toBeGreaterThanOrEqual(25);
    // Carol has no OMOP data: the OMOP metrics are not offered to her.
    expect(carol.metrics.map((metric) => metric.name)).toContain('cancellation_rate');
    expect(carol.metrics.map((metric) => metric.name)).not.toContain('patients_with_condition');
    expect(carol.unavailable).toBeGreaterThan(0);
    const alice = (await call('alice', 'list_metrics', { search: 'cancellation rate' }))
      .structuredContent as {
      metrics: { name: string; access: string }[];
    };
    expect(alice.metrics[0]).toMatchObject({ name: 'cancellation_rate', access: 'aggregate' });
  });

  it('get_dimensions lists what every given metric can be grouped by', async () => {
    const result = await call('admin', 'get_dimensions', { metrics: ['cancellations', 'no_show_rate'] });
    const names = (result.structuredContent as { dimensions: { name: string }[] }).dimensions.map(
      (dimension) => dimension.name,
    );
    expect(names[0]).toBe('metric_time');
    expect(names).toEqual(
      expect.arrayContaining(['practice__region', 'appointment__channel', 'patient__age_band']),
    );
    expect(names).not.toContain('condition__condition_name');
    const shared = await call('admin', 'get_dimensions', { metrics: ['appointments', 'visits'] });
    const sharedNames = (shared.structuredContent as { dimensions: { name: string }[] }).dimensions.map(
      (dimension) => dimension.name,
    );
    expect(sharedNames).toEqual(['metric_time']);
    const unknown = await call('admin', 'get_dimensions', { metrics: ['apointments'] });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toContain('Did you mean: appointments');
  });

  it('get_dimension_values shows each principal only the values they may see', async () => {
    const regionsOf = async (user: string) => {
      const result = await call(user, 'get_dimension_values', { dimension: 'region' });
      expect(result.isError, textOf(result)).toBeFalsy();
      return (result.structuredContent as { values: { value: string }[] }).values.map((entry) => entry.value);
    };
    const all = await regionsOf('admin');
    expect(all.length).toBeGreaterThan(3);
    expect(await regionsOf('carol')).toEqual(['Île-de-France']);
    const bob = await regionsOf('bob');
    expect(bob).toHaveLength(1);

    const search = await call('admin', 'get_dimension_values', {
      dimension: 'practice__city',
      search: 'LYO',
    });
    expect(
      (search.structuredContent as { values: { value: string }[] }).values.map((entry) => entry.value),
    ).toEqual(['Lyon']);
    // With a metric over aggregate-only data, alice sees values shared by enough patients only.
    const alice = await call('alice', 'get_dimension_values', {
      dimension: 'condition__condition_name',
      metric: 'patients_with_condition',
    });
    const admin = await call('admin', 'get_dimension_values', {
      dimension: 'condition__condition_name',
      metric: 'patients_with_condition',
    });
    const aliceValues = (alice.structuredContent as { values: { count: number }[]; hiddenGroups: number })
      .values;
    const adminValues = (admin.structuredContent as { values: { count: number }[] }).values;
    expect(aliceValues.every((entry) => Number(entry.count) >= 11)).toBe(true);
    expect(adminValues.some((entry) => Number(entry.count) < 11)).toBe(true);
    expect((alice.structuredContent as { hiddenGroups: number }).hiddenGroups).toBeGreaterThan(0);
  });

  it('query_metrics answers through the gate: carol sees her region, bob his practice, alice no small cells', async () => {
    const query = { metrics: ['appointments', 'cancellation_rate'], group_by: ['practice__region'] };
    const byUser = new Map<string, Record<string, unknown>[]>();
    for (const user of demoUsers) {
      const result = await call(user, 'query_metrics', query);
      expect(result.isError, `${user}: ${textOf(result)}`).toBeFalsy();
      byUser.set(user, rowsOf(result));
    }
    const admin = byUser.get('admin') ?? [];
    // No order_by: the rows come ordered by the group-by column.
    const regions = admin.map((row) => String(row.practice__region));
    expect(regions).toEqual([...regions].sort((left, right) => left.localeCompare(right, 'fr')));
    const regionTotal = (region: string) =>
      admin.find((row) => row.practice__region === region)?.appointments;
    expect(byUser.get('carol')?.map((row) => row.practice__region)).toEqual(['Île-de-France']);
    expect(byUser.get('carol')?.[0]?.appointments).toBe(regionTotal('Île-de-France'));
    const bob = byUser.get('bob') ?? [];
    expect(bob).toHaveLength(1);
    const [practiceOne] = await warehouse.reference(
      'SELECT count(*) AS appointments FROM scheduling.appointment WHERE practice_id = 1',
    );
    expect(Number(bob[0]?.appointments)).toBe(Number(practiceOne?.appointments));
    expect(byUser.get('dana')).toEqual(admin);
    // Alice: aggregates with at least 11 patients per group (by month and channel, some groups are small).
    const fine = await call('alice', 'query_metrics', {
      metrics: ['no_shows'],
      group_by: ['metric_time__month', 'practice__practice_name'],
    });
    expect(fine.isError, textOf(fine)).toBeFalsy();
    const suppression = (fine.structuredContent as { suppression?: { smallGroups: number } }).suppression;
    expect(suppression?.smallGroups).toBeGreaterThan(0);
    expect(textOf(fine)).toContain('groups hidden (fewer than 11 patients)');

    const structured = (await call('admin', 'query_metrics', query)).structuredContent as {
      sql: string;
      executedSql: string;
      columns: { name: string; role: string }[];
    };
    expect(structured.sql).toContain('LEFT OUTER JOIN scheduling.practice AS practices');
    expect(structured.columns.map((column) => column.role)).toEqual(['dimension', 'metric', 'metric']);
  });

  it('query_metrics refuses what the policy forbids, and explains combined metrics to aggregate-only users', async () => {
    const carol = await call('carol', 'query_metrics', { metrics: ['patients'] });
    expect(carol.isError).toBe(true);
    expect(textOf(carol)).toContain('not_permitted');
    const carolAge = await call('carol', 'query_metrics', {
      metrics: ['appointments'],
      group_by: ['patient__age_band'],
    });
    expect(textOf(carolAge)).toContain('birth_date');
    const alice = await call('alice', 'query_metrics', {
      metrics: ['appointments_growth_month_over_month'],
      group_by: ['metric_time__month'],
    });
    expect(alice.isError).toBe(true);
    expect(textOf(alice)).toContain('metrics computed from several queries');
  });

  it('query_metrics binds filter values: a hostile value is data, and the audit log shows the value', async () => {
    const hostile = "Lyon' OR '1'='1";
    const result = await call('admin', 'query_metrics', {
      metrics: ['appointments'],
      where: [{ dimension: 'practice__city', operator: '=', values: [hostile] }],
    });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(rowsOf(result)).toEqual([{ appointments: 0 }]);
    const { executedSql } = result.structuredContent as { executedSql: string };
    expect(executedSql).toContain("'Lyon'' OR ''1''=''1'");
    const audit = await handle.database.query<{ executed_sql: string }>(
      "SELECT executed_sql FROM hale.audit_log WHERE tool = 'query_metrics' ORDER BY audit_id DESC LIMIT 1",
    );
    expect(audit.rows[0]?.executed_sql).toContain("'Lyon'' OR ''1''=''1'");
  });

  it('returns every problem of a bad query at once, with suggestions', async () => {
    const result = await call('admin', 'query_metrics', {
      metrics: ['cancelations'],
      group_by: ['regoin'],
      limit: -1,
    });
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toContain('invalid_metric_query');
    expect(text).toContain('unknown metric "cancelations"; did you mean "cancellations"?');
    expect(text).toContain('limit must be a whole number');
    expect(text).toContain('Did you mean: cancellations');
  });

  it('compile_metrics_sql shows the formatted SQL and its parameters without running it', async () => {
    const result = await call('bob', 'compile_metrics_sql', {
      metrics: ['cancellations'],
      group_by: ['metric_time__month'],
      where: ["{{ Dimension('practice__city') }} = 'Lyon'"],
    });
    expect(result.isError, textOf(result)).toBeFalsy();
    const { sql, parameters } = result.structuredContent as { sql: string; parameters: unknown[] };
    expect(sql).toMatch(/^SELECT\n/);
    expect(sql).toContain('practices.city = $1');
    expect(parameters).toEqual(['Lyon']);
    expect(textOf(result)).toContain('-- parameters: $1 = "Lyon"');
  });
});
