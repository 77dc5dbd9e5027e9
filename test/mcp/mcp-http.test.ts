import { createServer, type Server as HttpServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bin/config/load-config.js';
import { createMcpEndpoint } from '../../bin/create-mcp-endpoint.js';
import { createApiToken, createTokenVerifier, revokeApiToken } from '../../mcp-tools/mcp/index.js';
import { createApp } from '../../server/index.js';
import {
  createGovernedTestWarehouse,
  type GovernedTestWarehouse,
} from '../support/governed-test-warehouse.js';
import { type DisposableDatabase, testDatabaseAdapters } from '../support/test-databases.js';
import { createTestToolRuntime } from '../support/tool-test-runtime.js';

const issuer = 'https://idp.hale.test';
const audience = 'hale-mcp';
const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
};

function listen(server: HttpServer): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

describe.each(testDatabaseAdapters)('MCP over Streamable HTTP on $name', (adapter) => {
  let handle: DisposableDatabase;
  let warehouse: GovernedTestWarehouse;
  let http: HttpServer;
  let jwks: HttpServer;
  let base: string;
  let bobToken: string;
  let signingKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  const keys = generateKeyPair('RS256');

  beforeAll(async () => {
    handle = await adapter.create();
    warehouse = await createGovernedTestWarehouse({ database: handle.database, scale: 0.05 });
    const runtime = await createTestToolRuntime(warehouse, handle.database);
    const { publicKey, privateKey } = await keys;
    signingKey = privateKey;
    const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    jwks = createServer((_request, response) => {
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    const jwksBase = await listen(jwks);
    const config = loadConfig({
      env: {},
      flags: { port: '0', jwksUrl: `${jwksBase}/jwks`, jwtIssuer: issuer, jwtAudience: audience },
    });
    let listening: URL | undefined;
    const app = createApp({
      version: 'test',
      readiness: async () => [],
      log: () => {},
      mcp: createMcpEndpoint({
        config,
        applicationDatabase: handle.database,
        version: 'test',
        log: () => {},
        current: () => ({ governed: warehouse.governed, runtime }),
        listeningUrl: () => listening ?? new URL('http://127.0.0.1'),
      }),
    });
    http = createServer(app);
    base = await listen(http);
    listening = new URL(base);
    bobToken = (await createApiToken(handle.database, { user: 'bob', label: 'test', expiresInDays: 1 }))
      .token;
  }, 180_000);

  afterAll(async () => {
    http?.closeAllConnections();
    await new Promise((resolve) => http?.close(resolve));
    await new Promise((resolve) => jwks?.close(resolve));
    await handle?.dispose();
  });

  async function connect(token: string): Promise<Client> {
    const transport = new StreamableHTTPClientTransport(new URL('/mcp', base), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    });
    const client = new Client({ name: 'hale-http-test', version: '1.0.0' });
    await client.connect(transport);
    return client;
  }

  function post(body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal) {
    return fetch(new URL('/mcp', base), {
      method: 'POST',
      ...(signal ? { signal } : {}),
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  function signJwt(
    claims: Record<string, unknown>,
    { expiresIn = '5m', aud = audience, key = signingKey } = {},
  ) {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(issuer)
      .setAudience(aud)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(key);
  }

  it('serves the tools to a valid API token, as its user and within their scope', async () => {
    const client = await connect(bobToken);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toContain('run_sql');
    const result = await client.callTool({
      name: 'run_sql',
      arguments: { sql: 'SELECT count(*)::int AS n FROM scheduling.appointment' },
    });
    const [practice] = await warehouse.reference(
      'SELECT count(*)::int AS n FROM scheduling.appointment WHERE practice_id = 1',
    );
    expect((result.structuredContent as { rows: unknown[] }).rows).toEqual([practice]);
    const whoami = await client.callTool({ name: 'whoami', arguments: {} });
    expect(whoami.structuredContent).toMatchObject({ user: 'bob', role: 'clinician' });
    await client.close();
  });

  it('answers a request without a token 401 with RFC 9728 metadata', async () => {
    const response = await post(initialize);
    expect(response.status).toBe(401);
    const challenge = response.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(/^Bearer /);
    expect(challenge).toContain(`resource_metadata="${base}/.well-known/oauth-protected-resource/mcp"`);
    const metadata: unknown = await (await fetch(`${base}/.well-known/oauth-protected-resource/mcp`)).json();
    expect(metadata).toMatchObject({
      resource: `${base}/mcp`,
      authorization_servers: [issuer],
      bearer_methods_supported: ['header'],
    });
  });

  it('refuses unknown, malformed, expired and revoked API tokens', async () => {
    const refusal = async (token: string) => {
      const response = await post(initialize, { Authorization: `Bearer ${token}` });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
      return ((await response.json()) as { error_description: string }).error_description;
    };
    expect(await refusal(`hale_000000000000_${'A'.repeat(43)}`)).toBe('unknown API token');
    expect(await refusal('not-a-token')).toContain('refused');
    const expiring = await createApiToken(handle.database, { user: 'carol', label: '', expiresInDays: 1 });
    await handle.database.query(
      `UPDATE hale.api_token SET expires_at = now() - interval '1 second' WHERE token_id = $1`,
      [expiring.record.tokenId],
    );
    expect(await refusal(expiring.token)).toBe('the API token is expired');
    const revoked = await createApiToken(handle.database, { user: 'carol', label: '', expiresInDays: 1 });
    await revokeApiToken(handle.database, revoked.record.tokenId);
    expect(await refusal(revoked.token)).toBe('the API token is revoked');
    const stored = await warehouse.reference('SELECT token_digest FROM hale.api_token');
    expect(JSON.stringify(stored)).not.toContain(bobToken);
  });

  it('trusts a verified API token for the cache window only: a revocation takes effect after it', async () => {
    let time = Date.now();
    const verifier = createTokenVerifier({
      database: handle.database,
      policy: () => warehouse.policy,
      cacheMilliseconds: 10_000,
      now: () => time,
    });
    const { token, record } = await createApiToken(handle.database, {
      user: 'carol',
      label: '',
      expiresInDays: 1,
    });
    expect((await verifier.verifyAccessToken(token)).extra).toEqual({ user: 'carol' });
    await revokeApiToken(handle.database, record.tokenId);
    expect((await verifier.verifyAccessToken(token)).extra).toEqual({ user: 'carol' });
    time += 10_001;
    await expect(verifier.verifyAccessToken(token)).rejects.toThrow('the API token is revoked');
  });

  it('accepts a JWT from the configured identity provider and refuses the wrong ones', async () => {
    const client = await connect(await signJwt({ sub: 'carol' }));
    const whoami = await client.callTool({ name: 'whoami', arguments: {} });
    expect(whoami.structuredContent).toMatchObject({ user: 'carol' });
    await client.close();
    const status = async (token: string) =>
      (await post(initialize, { Authorization: `Bearer ${token}` })).status;
    expect(await status(await signJwt({ sub: 'carol' }, { aud: 'someone-else' }))).toBe(401);
    expect(await status(await signJwt({ sub: 'carol' }, { expiresIn: '-1m' }))).toBe(401);
    expect(await status(await signJwt({ sub: 'mallory' }))).toBe(401);
    const stranger = (await generateKeyPair('RS256')).privateKey;
    expect(await status(await signJwt({ sub: 'admin' }, { key: stranger }))).toBe(401);
  });

  it('refuses foreign Host and Origin headers (DNS rebinding)', async () => {
    const authorization = { Authorization: `Bearer ${bobToken}` };
    // fetch will not send a forged Host header, so a raw request does.
    const forged = await new Promise<number>((resolve, reject) => {
      const outgoing = request(
        `${base}/mcp`,
        {
          method: 'POST',
          headers: { ...authorization, Host: 'evil.example', 'Content-Type': 'application/json' },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(JSON.stringify(initialize));
    });
    expect(forged).toBe(403);
    expect((await post(initialize, { ...authorization, Origin: 'http://evil.example' })).status).toBe(403);
    expect(
      (await post(initialize, { ...authorization, Origin: base.replace('127.0.0.1', 'localhost') })).status,
    ).toBe(200);
  });

  it('answers malformed, oversized and unsupported requests with JSON-RPC errors and stays up', async () => {
    const authorization = { Authorization: `Bearer ${bobToken}` };
    const malformed = await post('{"jsonrpc": "2.0", "method": ', authorization);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: -32700 } });
    const oversized = await post({ ...initialize, padding: 'x'.repeat(1_100_000) }, authorization);
    expect(oversized.status).toBe(413);
    expect(JSON.stringify(await oversized.json())).toContain('Request too large');
    const notJsonRpc = await post({ hello: 'world' }, authorization);
    expect(notJsonRpc.status).toBe(400);
    const get = await fetch(new URL('/mcp', base), { headers: authorization });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const unknownTool = await post(
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'drop_tables', arguments: {} } },
      authorization,
    );
    expect(unknownTool.status).toBe(200);
    expect(await unknownTool.json()).toMatchObject({ id: 2, error: { code: -32602 } });
    const client = await connect(bobToken);
    expect((await client.callTool({ name: 'whoami', arguments: {} })).isError).toBeFalsy();
    await client.close();
  });

  if (adapter.name !== 'postgres')
    console.warn(
      `[hale tests] ${adapter.name}: skipping "cancels the running SQL when the client disconnects": PGlite cannot interrupt a running statement (it runs single-threaded in WebAssembly)`,
    );
  it.runIf(adapter.name === 'postgres')(
    'cancels the running SQL when the client disconnects mid-query',
    async () => {
      const adminToken = (
        await createApiToken(handle.database, { user: 'admin', label: '', expiresInDays: 1 })
      ).token;
      const marker = `cancel_probe_${Date.now()}`;
      const sql = `SELECT count(*) AS ${marker} FROM scheduling.appointment a, scheduling.appointment b, scheduling.practice c`;
      const abort = new AbortController();
      const call = post(
        { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'run_sql', arguments: { sql } } },
        { Authorization: `Bearer ${adminToken}` },
        abort.signal,
      );
      void call.catch(() => {});
      const started = Date.now();
      // Wait until the statement runs on the server, then hang up.
      for (;;) {
        const running = await warehouse.reference(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%${marker}%' AND query NOT LIKE '%pg_stat_activity%'`,
        );
        if (Number(running[0]?.n) > 0) break;
        if (Date.now() - started > 10_000) throw new Error('the slow query never started');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      abort.abort();
      for (;;) {
        const audited = await warehouse.reference(
          `SELECT outcome, code FROM hale.audit_log WHERE original_sql LIKE '%${marker}%' AND original_sql NOT LIKE '%pg_stat_activity%'`,
        );
        if (audited.length > 0) {
          expect(audited).toEqual([{ outcome: 'error', code: 'cancelled' }]);
          break;
        }
        if (Date.now() - started > 12_000) throw new Error('the query was not cancelled within 12 s');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(Date.now() - started).toBeLessThan(12_000);
      const stillRunning = await warehouse.reference(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%${marker}%' AND query NOT LIKE '%pg_stat_activity%'`,
      );
      expect(stillRunning).toEqual([{ n: 0 }]);
    },
    30_000,
  );
});
