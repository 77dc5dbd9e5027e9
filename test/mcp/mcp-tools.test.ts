import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGovernedTestWarehouse,
  type GovernedTestWarehouse,
} from '../support/governed-test-warehouse.js';
import type { DisposableDatabase } from '../support/test-databases.js';
import { testDatabaseAdapters } from '../support/test-databases.js';
import { connectMcpClient, createTestToolRuntime } from '../support/tool-test-runtime.js';

type CallResult = Awaited<ReturnType<Client['callTool']>>;

function textOf(result: CallResult | { content: unknown }): string {
  const content = (result as { content: { type: string; text?: string }[] }).content;
  return content.map((part) => part.text ?? '').join('\n');
}

const demoUsers = ['admin', 'dana', 'alice', 'bob', 'carol'] as const;

describe.each(testDatabaseAdapters)('MCP tools on $name', (adapter) => {
  let handle: DisposableDatabase;
  let warehouse: GovernedTestWarehouse;
  let runtime: Awaited<ReturnType<typeof createTestToolRuntime>>;
  const clients = new Map<string, Client>();
  const as = (user: string) => {
    const client = clients.get(user);
    if (!client) throw new Error(`no client for ${user}`);
    return client;
  };

  beforeAll(async () => {
    handle = await adapter.create();
    warehouse = await createGovernedTestWarehouse({ database: handle.database, scale: 0.05 });
    runtime = await createTestToolRuntime(warehouse, handle.database);
    for (const user of demoUsers) clients.set(user, await connectMcpClient({ ...runtime, user }));
  }, 180_000);
  afterAll(async () => {
    for (const client of clients.values()) await client.close();
    await handle?.dispose();
  });

  it('lists the tools with read-only annotations and JSON Schemas for input and output', async () => {
    const { tools } = await as('bob').listTools();
    expect(tools.map((tool) => tool.name)).toEqual([
      'whoami',
      'list_tables',
      'describe_table',
      'run_sql',
      'list_metrics',
      'get_dimensions',
      'get_dimension_values',
      'query_metrics',
      'compile_metrics_sql',
      'search_concepts',
      'get_concept',
      'translate_code',
      'concept_descendants',
      'search_documents',
    ]);
    for (const tool of tools) {
      expect(tool.annotations).toMatchObject({
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      });
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type).toBe('object');
      expect(tool.description?.length).toBeGreaterThan(80);
    }
    const runSql = tools.find((tool) => tool.name === 'run_sql');
    expect(runSql?.inputSchema.required).toEqual(['sql']);
  });

  it('whoami tells each principal who they are from authentication and what they may see', async () => {
    for (const user of demoUsers) {
      const result = await as(user).callTool({ name: 'whoami', arguments: {} });
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ user });
      expect(textOf(result)).toContain(`You are ${user}`);
    }
    const carol = (await as('carol').callTool({ name: 'whoami', arguments: {} })).structuredContent as {
      schemas: { schema: string; rowFiltered: string[] }[];
      hiddenColumns: string[];
    };
    expect(carol.schemas.map((entry) => entry.schema)).not.toContain('cdm');
    expect(carol.schemas.find((entry) => entry.schema === 'scheduling')?.rowFiltered).toContain(
      'appointment',
    );
    expect(carol.hiddenColumns).toContain('scheduling.patient.email');
    const alice = await as('alice').callTool({ name: 'whoami', arguments: {} });
    expect(alice.structuredContent).toMatchObject({ role: 'analyst', minimumCellSize: 11 });
    expect(textOf(alice)).toContain('at least 11 distinct patients');
  });

  it('list_tables shows only permitted tables, with row estimates only where the whole table is visible', async () => {
    type Listed = {
      tables: { table: string; access: string; rowFiltered: boolean; rowCountEstimate?: number }[];
    };
    const list = async (user: string, args: Record<string, unknown> = {}) =>
      (await as(user).callTool({ name: 'list_tables', arguments: args })).structuredContent as Listed;
    const admin = await list('admin');
    const carol = await list('carol');
    const alice = await list('alice', { schema: 'scheduling' });
    const appointment = (listed: Listed) =>
      listed.tables.find((entry) => entry.table === 'scheduling.appointment');
    expect(appointment(admin)?.rowCountEstimate).toBeGreaterThan(0);
    expect(appointment(carol)).toMatchObject({ rowFiltered: true });
    expect(appointment(carol)?.rowCountEstimate).toBeUndefined();
    expect(appointment(alice)).toMatchObject({ access: 'aggregate' });
    expect(carol.tables.some((entry) => entry.table.startsWith('cdm.'))).toBe(false);
    expect(admin.tables.some((entry) => entry.table === 'cdm.person')).toBe(true);
    // alice's role names cdm.cost { access: none }: it is not listed at all.
    expect((await list('alice')).tables.some((entry) => entry.table === 'cdm.cost')).toBe(false);
    const searched = (await list('bob', { search: 'APPOINTMENT' })).tables.map((entry) => entry.table);
    expect(searched).toContain('scheduling.appointment');
    expect(searched).not.toContain('scheduling.practice');
  });

  it('describe_table marks denied and masked columns and gives OMOP descriptions', async () => {
    type Described = { columns: { name: string; rule: string; mask?: string; description?: string }[] };
    const describe = async (user: string, table: string) =>
      (await as(user).callTool({ name: 'describe_table', arguments: { table } }))
        .structuredContent as Described;
    const column = (described: Described, name: string) =>
      described.columns.find((entry) => entry.name === name);
    const dana = await describe('dana', 'scheduling.patient');
    expect(column(dana, 'first_name')).toMatchObject({ rule: 'mask', mask: 'redacted' });
    expect(column(dana, 'birth_date')).toMatchObject({ rule: 'mask', mask: 'year only' });
    expect(column(dana, 'city')).toMatchObject({ rule: 'allow' });
    const alice = await describe('alice', 'patient');
    expect(column(alice, 'email')).toMatchObject({ rule: 'deny' });
    const person = await describe('admin', 'cdm.person');
    expect(column(person, 'gender_concept_id')?.description).toContain('biological sex');
    const text = textOf(
      await as('carol').callTool({ name: 'describe_table', arguments: { table: 'scheduling.patient' } }),
    );
    expect(text).toContain('email text [DENIED: do not use]');
  });

  it('describe_table answers a forbidden table exactly as a missing one, with close matches', async () => {
    const forbidden = await as('carol').callTool({
      name: 'describe_table',
      arguments: { table: 'cdm.person' },
    });
    const missing = await as('carol').callTool({
      name: 'describe_table',
      arguments: { table: 'cdm.persons_x' },
    });
    expect(forbidden.isError).toBe(true);
    expect(textOf(forbidden)).toContain('Error (not_permitted)');
    expect(textOf(forbidden).replace('cdm.person', 'X')).toBe(textOf(missing).replace('cdm.persons_x', 'X'));
    const typo = await as('bob').callTool({
      name: 'describe_table',
      arguments: { table: 'scheduling.apointment' },
    });
    expect(textOf(typo)).toContain('Did you mean: scheduling.appointment');
  });

  it('run_sql returns exactly the principal’s scope, with the executed SQL and the policies', async () => {
    const [all] = await warehouse.reference('SELECT count(*)::int AS n FROM scheduling.appointment');
    const [region] = await warehouse.reference(
      `SELECT count(*)::int AS n FROM scheduling.appointment WHERE practice_id IN (SELECT practice_id FROM scheduling.practice WHERE region = 'Île-de-France')`,
    );
    const count = async (user: string) => {
      const result = await as(user).callTool({
        name: 'run_sql',
        arguments: { sql: 'SELECT count(*)::int AS n FROM scheduling.appointment' },
      });
      expect(result.isError).toBeFalsy();
      return result.structuredContent as { rows: { n: number }[]; executedSql: string; policies: string[] };
    };
    expect((await count('admin')).rows).toEqual([all]);
    const carol = await count('carol');
    expect(carol.rows).toEqual([region]);
    expect(carol.executedSql).toContain('region = ANY ($1)');
    expect(carol.policies.join(' ')).toContain('rows filtered');
    const text = textOf(
      await as('carol').callTool({
        name: 'run_sql',
        arguments: { sql: 'SELECT count(*)::int AS n FROM scheduling.appointment' },
      }),
    );
    expect(text).toContain(String(region?.n));
    expect(text).toContain('(1 row)');
  });

  it('run_sql renders large results compactly and honours maxRows', async () => {
    const result = await as('admin').callTool({
      name: 'run_sql',
      arguments: {
        sql: 'SELECT appointment_id FROM scheduling.appointment ORDER BY appointment_id',
        maxRows: 120,
      },
    });
    const output = result.structuredContent as { rowCount: number; truncated: boolean };
    expect(output).toMatchObject({ rowCount: 120, truncated: true });
    expect(textOf(result)).toContain('120 rows, first 50 shown, cut by the row cap');
    expect(textOf(result).split('\n').length).toBeLessThan(60);
  });

  it('run_sql refusals are errors a model can act on, and are audited with channel mcp', async () => {
    const denied = await as('carol').callTool({
      name: 'run_sql',
      arguments: { sql: 'SELECT * FROM cdm.person' },
    });
    expect(denied.isError).toBe(true);
    expect(textOf(denied)).toMatch(/^Error \(not_permitted\)/);
    const rows = await as('alice').callTool({
      name: 'run_sql',
      arguments: { sql: 'SELECT patient_id FROM scheduling.appointment' },
    });
    expect(textOf(rows)).toMatch(/^Error \(aggregate_required\)/);
    const typo = await as('admin').callTool({
      name: 'run_sql',
      arguments: { sql: 'SELECT * FROM scheduling.apointment' },
    });
    expect(textOf(typo)).toContain('scheduling.appointment');
    const audited = await warehouse.reference(
      `SELECT principal, outcome, code FROM hale.audit_log WHERE channel = 'mcp' AND tool = 'run_sql' AND principal = 'carol' AND outcome = 'denied'`,
    );
    expect(audited).toContainEqual({ principal: 'carol', outcome: 'denied', code: 'not_permitted' });
  });

  it('suppresses alice’s small groups and says so in the text', async () => {
    const result = await as('alice').callTool({
      name: 'run_sql',
      arguments: {
        sql: 'SELECT practitioner_id, count(*) AS n FROM scheduling.appointment GROUP BY practitioner_id',
      },
    });
    expect(result.isError).toBeFalsy();
    const output = result.structuredContent as { suppression?: { minimumCellSize: number } };
    expect(output.suppression?.minimumCellSize).toBe(11);
  });

  it('answers bad input with specific errors, records every call, and keeps serving', async () => {
    const before = await warehouse.reference(
      `SELECT count(*)::int AS n FROM hale.tool_call WHERE principal = 'bob'`,
    );
    // An unknown tool is a JSON-RPC error (MCP "Error Handling"), still recorded and with close names.
    await expect(as('bob').callTool({ name: 'run_sq', arguments: { sql: 'SELECT 1' } })).rejects.toThrow(
      /Unknown tool: there is no tool named "run_sq"\nDid you mean: run_sql\?/,
    );
    const wrongType = await as('bob').callTool({ name: 'run_sql', arguments: { sql: 42 } });
    expect(textOf(wrongType)).toMatch(/Error \(invalid_input\): invalid arguments: sql: .*string/);
    const extra = await as('bob').callTool({ name: 'run_sql', arguments: { sql: 'SELECT 1', as: 'admin' } });
    expect(textOf(extra)).toContain('Error (invalid_input)');
    const huge = await as('bob').callTool({
      name: 'run_sql',
      arguments: { sql: `SELECT '${'x'.repeat(150_000)}'` },
    });
    expect(textOf(huge)).toContain('the arguments are too large');
    const stacked = await as('bob').callTool({
      name: 'run_sql',
      arguments: { sql: 'SELECT 1; DROP TABLE scheduling.appointment' },
    });
    expect(textOf(stacked)).toContain('Error (statement_not_allowed)');
    const after = await warehouse.reference(
      `SELECT count(*)::int AS n FROM hale.tool_call WHERE principal = 'bob'`,
    );
    expect(Number(after[0]?.n) - Number(before[0]?.n)).toBe(5);
    const logged = await warehouse.reference(
      `SELECT tool, outcome, code FROM hale.tool_call WHERE principal = 'bob' ORDER BY tool_call_id DESC LIMIT 1`,
    );
    expect(logged).toEqual([{ tool: 'run_sql', outcome: 'error', code: 'statement_not_allowed' }]);
    expect((await as('bob').callTool({ name: 'whoami', arguments: {} })).isError).toBeFalsy();
    expect(runtime.internalErrors).toEqual([]);
  });

  it('keeps the tool-call log append-only', async () => {
    await expect(warehouse.reference('DELETE FROM hale.tool_call')).rejects.toThrow(/append-only/);
    await expect(warehouse.reference(`UPDATE hale.tool_call SET principal = 'x'`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('offers the caller’s policy and their tables’ documentation as resources, filtered', async () => {
    const carolResources = (await as('carol').listResources()).resources.map((resource) => resource.uri);
    expect(carolResources).toContain('hale://policy/me');
    expect(carolResources).toContain('hale://tables/scheduling.appointment');
    expect(carolResources.some((uri) => uri.startsWith('hale://tables/cdm.'))).toBe(false);
    const policy = await as('carol').readResource({ uri: 'hale://policy/me' });
    expect(JSON.stringify(policy.contents)).toContain('You are carol');
    const table = await as('dana').readResource({ uri: 'hale://tables/scheduling.patient' });
    expect(JSON.stringify(table.contents)).toContain('[masked: redacted]');
    await expect(as('carol').readResource({ uri: 'hale://tables/cdm.person' })).rejects.toThrow(
      /resource not found/,
    );
    const templates = await as('carol').listResourceTemplates();
    expect(templates.resourceTemplates.map((template) => template.uriTemplate)).toEqual([
      'hale://tables/{table}',
    ]);
  });

  it('offers starter prompts only to principals who can query their tables', async () => {
    const names = async (user: string) => (await as(user).listPrompts()).prompts.map((prompt) => prompt.name);
    expect(await names('bob')).toEqual(['explore_table', 'appointment_activity', 'condition_prevalence']);
    expect(await names('carol')).toEqual(['explore_table', 'appointment_activity']);
    const prompt = await as('carol').getPrompt({
      name: 'explore_table',
      arguments: { table: 'scheduling.practice' },
    });
    expect(JSON.stringify(prompt.messages)).toContain('scheduling.practice');
    await expect(
      as('carol').getPrompt({ name: 'condition_prevalence', arguments: { condition: 'x' } }),
    ).rejects.toThrow(/unknown prompt/);
    await expect(as('carol').getPrompt({ name: 'explore_table', arguments: {} })).rejects.toThrow(
      /missing prompt argument/,
    );
  });
});
