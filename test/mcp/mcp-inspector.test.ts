import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHale } from '../support/run-hale.js';
import { createTemporaryDirectory } from '../support/test-databases.js';

/** Pinned; the Inspector needs Node 22, which npx brings as the `node@22` package. */
const inspectorPackage = '@modelcontextprotocol/inspector@2.12.0';
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const scratch = createTemporaryDirectory('hale-inspector-');
const dataDirectory = join(scratch.path, 'data');

/**
 * Runs the MCP Inspector CLI against `hale mcp --as bob` over stdio. The server command uses this
 * process's Node (an absolute path): a bare `node` would be npx's Node 22.
 */
async function inspect(method: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const child = spawn(
    'npx',
    [
      '--loglevel=error',
      '-y',
      '-p',
      'node@22',
      '-p',
      inspectorPackage,
      'mcp-inspector',
      '--cli',
      '--cwd',
      projectRoot,
      ...method,
      '--',
      process.execPath,
      '--import',
      'tsx',
      'bin/hale.ts',
      'mcp',
      '--as',
      'bob',
      '--data-dir',
      dataDirectory,
    ],
    {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [exitCode] = (await once(child, 'exit')) as [number];
  return { exitCode, stdout, stderr };
}

/** `tools/call` of run_sql through the Inspector, with a JSON result. */
function runSql(sql: string) {
  return inspect([
    '--method',
    'tools/call',
    '--tool-name',
    'run_sql',
    '--tool-arg',
    `sql=${sql}`,
    '--format',
    'json',
  ]);
}

beforeAll(async () => {
  expect((await runHale(['seed', '--scale', '0.02', '--data-dir', dataDirectory])).exitCode).toBe(0);
}, 120_000);
afterAll(() => scratch.remove());

describe('MCP Inspector CLI against hale mcp (stdio)', () => {
  it('lists the tools', async () => {
    const run = await inspect(['--method', 'tools/list', '--format', 'json']);
    expect(run.exitCode, run.stderr).toBe(0);
    const { result } = JSON.parse(run.stdout) as { result: { tools: { name: string }[] } };
    expect(result.tools.map((tool) => tool.name)).toEqual([
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
  }, 120_000);

  it('calls run_sql as bob and gets his practice only', async () => {
    const run = await runSql('SELECT DISTINCT practice_id FROM scheduling.appointment');
    expect(run.exitCode, run.stderr).toBe(0);
    const { result } = JSON.parse(run.stdout) as { result: { structuredContent: { rows: unknown[] } } };
    expect(result.structuredContent.rows).toEqual([{ practice_id: 1 }]);
  }, 120_000);

  it('reports a refused query as a tool error (exit 5) with the reason', async () => {
    const run = await runSql('SELECT * FROM cdm.location');
    expect(run.exitCode).toBe(5);
    expect(run.stdout).toContain('Error (not_permitted)');
  }, 120_000);
});
