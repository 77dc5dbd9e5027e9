import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHale, spawnHale } from '../support/run-hale.js';
import { createTemporaryDirectory } from '../support/test-databases.js';
import { waitForReady } from '../support/wait-for-ready.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const scratch = createTemporaryDirectory('hale-mcp-');
const dataDirectory = `${scratch.path}/data`;
const hale = (args: string[]) => runHale([...args, '--data-dir', dataDirectory]);

beforeAll(async () => {
  const seeded = await hale(['seed', '--scale', '0.03', '--reference-date', '2026-06-30']);
  expect(seeded.exitCode).toBe(0);
}, 120_000);
afterAll(() => scratch.remove());

describe('hale token', () => {
  it('creates a token shown once, lists it without the secret, and revokes it', async () => {
    const created = await hale(['token', 'create', '--user', 'carol', '--label', 'laptop', '--json']);
    expect(created.exitCode).toBe(0);
    const document = JSON.parse(created.stdout) as { token: string; tokenId: string; user: string };
    expect(document.token).toMatch(/^hale_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(document).toMatchObject({ user: 'carol', label: 'laptop' });
    const listed = await hale(['token', 'list']);
    expect(listed.stdout).toContain(document.tokenId);
    expect(listed.stdout).toContain('carol');
    expect(listed.stdout).not.toContain(document.token);
    const revoked = await hale(['token', 'revoke', document.tokenId]);
    expect(revoked.exitCode).toBe(0);
    expect(revoked.stdout).toContain(`revoked ${document.tokenId}`);
    const after = JSON.parse((await hale(['token', 'list', '--json'])).stdout) as {
      tokens: { tokenId: string; revokedAt: string | null }[];
    };
    expect(after.tokens.find((token) => token.tokenId === document.tokenId)?.revokedAt).not.toBeNull();
  }, 60_000);

  it('refuses a user the policy lacks, a bad expiry and an unknown token id', async () => {
    const stranger = await hale(['token', 'create', '--user', 'carl']);
    expect(stranger.exitCode).toBe(1);
    expect(stranger.stderr).toContain('no principal named "carl"');
    expect(stranger.stderr).toContain('carol');
    const expiry = await hale(['token', 'create', '--user', 'bob', '--expires-in-days', '0']);
    expect(expiry.exitCode).toBe(2);
    expect(expiry.stderr).toContain('--expires-in-days must be a whole number from 1 to 3650');
    const missing = await hale(['token', 'revoke', 'abcdef123456']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('no API token with id "abcdef123456"');
  }, 60_000);
});

describe('hale mcp (stdio)', () => {
  it('serves the governed tools to a real MCP client as the --as principal', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--import', 'tsx', 'bin/hale.ts', 'mcp', '--as', 'carol', '--data-dir', dataDirectory],
      cwd: projectRoot,
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const client = new Client({ name: 'stdio-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      expect(client.getServerVersion()).toMatchObject({ name: 'hale' });
      const whoami = await client.callTool({ name: 'whoami', arguments: {} });
      expect(whoami.structuredContent).toMatchObject({ user: 'carol', role: 'ops_manager' });
      const denied = await client.callTool({
        name: 'run_sql',
        arguments: { sql: 'SELECT * FROM cdm.person' },
      });
      expect(denied.isError).toBe(true);
      const counted = await client.callTool({
        name: 'run_sql',
        arguments: {
          sql: `SELECT count(*)::int AS n FROM scheduling.practice WHERE region <> 'Île-de-France'`,
        },
      });
      expect(counted.structuredContent).toMatchObject({ rows: [{ n: 0 }] });
    } finally {
      await client.close();
    }
    expect(stderr).toContain('MCP server on stdio as carol (ops_manager)');
  }, 60_000);

  it('requires --as and refuses an unknown principal', async () => {
    const missing = await hale(['mcp']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('--as USER is required');
    const unknown = await hale(['mcp', '--as', 'root']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('no principal named "root"');
  }, 60_000);
});

describe('hale start: /mcp', () => {
  it('serves MCP over HTTP to a token made with hale token create', async () => {
    const created = JSON.parse((await hale(['token', 'create', '--user', 'bob', '--json'])).stdout) as {
      token: string;
    };
    const port = 33_000 + Math.floor(Math.random() * 2000);
    const server = spawnHale(['start', '--port', String(port), '--data-dir', dataDirectory]);
    try {
      const url = `http://127.0.0.1:${port}`;
      await waitForReady(url, 60_000);
      const transport = new StreamableHTTPClientTransport(new URL('/mcp', url), {
        requestInit: { headers: { Authorization: `Bearer ${created.token}` } },
      });
      const client = new Client({ name: 'http-test', version: '1.0.0' });
      await client.connect(transport);
      const whoami = await client.callTool({ name: 'whoami', arguments: {} });
      expect(whoami.structuredContent).toMatchObject({ user: 'bob' });
      await client.close();
      const anonymous = await fetch(`${url}/mcp`, { method: 'POST', body: '{}' });
      expect(anonymous.status).toBe(401);
    } finally {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
    const audit = JSON.parse((await hale(['audit', '--json', '--user', 'carol'])).stdout) as {
      entries: { channel: string }[];
    };
    expect(audit.entries.map((entry) => entry.channel)).toContain('mcp');
  }, 120_000);
});
