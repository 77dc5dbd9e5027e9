import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bin/config/load-config.js';
import { createFhirEndpoint } from '../../bin/create-fhir-endpoint.js';
import { createApiToken } from '../../mcp-tools/mcp/index.js';
import { createApp } from '../../server/index.js';
import { fhirSchemaProblems } from '../support/fhir-validator.js';
import { createGovernedTestWarehouse } from '../support/governed-test-warehouse.js';
import { type DisposableDatabase, testDatabaseAdapters } from '../support/test-databases.js';
import { createTestToolRuntime } from '../support/tool-test-runtime.js';

describe.each(testDatabaseAdapters)('FHIR terminology operations over HTTP on $name', (adapter) => {
  let handle: DisposableDatabase;
  let http: HttpServer;
  let base: string;
  let token: string;

  beforeAll(async () => {
    handle = await adapter.create();
    const warehouse = await createGovernedTestWarehouse({ database: handle.database, scale: 0.02 });
    const runtime = await createTestToolRuntime(warehouse, handle.database);
    const config = loadConfig({ env: {}, flags: { port: '0' } });
    const app = createApp({
      version: 'test',
      readiness: async () => [],
      log: () => {},
      fhir: createFhirEndpoint({
        config,
        applicationDatabase: handle.database,
        current: () => ({ governed: warehouse.governed, runtime }),
      }),
    });
    http = createServer(app);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    token = (await createApiToken(handle.database, { user: 'carol', label: 'fhir', expiresInDays: 1 })).token;
  }, 300_000);
  afterAll(async () => {
    http?.closeAllConnections();
    await new Promise((resolve) => http?.close(resolve));
    await handle?.dispose();
  });

  const get = (path: string, bearer: string | null = token) =>
    fetch(new URL(path, base), { headers: bearer ? { Authorization: `Bearer ${bearer}` } : {} });
  const post = (path: string, body: unknown) =>
    fetch(new URL(path, base), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify(body),
    });
  const resourceOf = async (response: Response) => {
    expect(response.headers.get('content-type')).toContain('application/fhir+json');
    const resource = (await response.json()) as { resourceType: string };
    expect(fhirSchemaProblems(resource)).toEqual([]);
    return resource as Record<string, unknown> & { resourceType: string };
  };

  it('answers $lookup, $translate, $subsumes and $expand with valid FHIR R4, by GET and POST', async () => {
    const lookup = await get('/fhir/CodeSystem/$lookup?system=http://snomed.info/sct&code=44054006');
    expect(lookup.status).toBe(200);
    expect(JSON.stringify(await resourceOf(lookup))).toContain('"valueString":"Type 2 diabetes mellitus"');

    const translate = await post('/fhir/ConceptMap/$translate', {
      resourceType: 'Parameters',
      parameter: [
        { name: 'system', valueUri: 'http://hl7.org/fhir/sid/icd-10-cm' },
        { name: 'code', valueCode: 'E11.9' },
      ],
    });
    expect(translate.status).toBe(200);
    const translated = await resourceOf(translate);
    expect(JSON.stringify(translated)).toContain('"code":"44054006"');

    const reverse = await get(
      '/fhir/ConceptMap/$translate?system=http://snomed.info/sct&code=44054006&targetsystem=http://hl7.org/fhir/sid/icd-10-cm',
    );
    const reversed = JSON.stringify(await resourceOf(reverse));
    expect(reversed).toContain('"code":"E11.9"');
    expect(reversed).toContain('"valueCode":"relatedto"');

    const subsumes = await get(
      '/fhir/CodeSystem/$subsumes?system=http://snomed.info/sct&codeA=73211009&codeB=44054006',
    );
    expect(await resourceOf(subsumes)).toEqual({
      resourceType: 'Parameters',
      parameter: [{ name: 'outcome', valueCode: 'subsumes' }],
    });

    const expand = await get(
      `/fhir/ValueSet/$expand?url=${encodeURIComponent('http://snomed.info/sct?fhir_vs=isa/73211009')}`,
    );
    const valueSet = (await resourceOf(expand)) as unknown as { expansion: { contains: { code: string }[] } };
    expect(valueSet.expansion.contains.map((entry) => entry.code)).toEqual(
      expect.arrayContaining(['73211009', '44054006']),
    );
    const page = await get(
      `/fhir/ValueSet/$expand?count=2&url=${encodeURIComponent('http://snomed.info/sct?fhir_vs=isa/73211009')}`,
    );
    const paged = (await resourceOf(page)) as unknown as {
      expansion: { total?: number; contains: unknown[] };
    };
    // count includes the concept itself; the total is left out when the page is cut.
    expect(paged.expansion.contains).toHaveLength(2);
    expect(paged.expansion.total).toBeUndefined();
  });

  it('answers errors as OperationOutcome: no token 401, unknown code 404, missing parameter 400', async () => {
    const anonymous = await get('/fhir/CodeSystem/$lookup?system=SNOMED&code=44054006', null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect(await resourceOf(anonymous)).toMatchObject({ resourceType: 'OperationOutcome' });
    const unknown = await get('/fhir/CodeSystem/$lookup?system=http://snomed.info/sct&code=000');
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(await resourceOf(unknown))).toContain('no SNOMED code');
    const missing = await get('/fhir/CodeSystem/$lookup?system=http://snomed.info/sct');
    expect(missing.status).toBe(400);
    const notParameters = await post('/fhir/ConceptMap/$translate', { resourceType: 'Patient' });
    expect(notParameters.status).toBe(400);
    const notJson = await fetch(new URL('/fhir/ConceptMap/$translate', base), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' },
      body: '{"resourceType": "Parameters", ',
    });
    expect(notJson.status).toBe(400);
    expect(await resourceOf(notJson)).toMatchObject({ resourceType: 'OperationOutcome' });
    const badCount = await get(
      `/fhir/ValueSet/$expand?count=0&url=${encodeURIComponent('http://snomed.info/sct?fhir_vs=isa/73211009')}`,
    );
    expect(badCount.status).toBe(400);
    const audit = await handle.database.query<{ channel: string }>(
      "SELECT DISTINCT channel FROM hale.audit_log WHERE tool = 'get_concept'",
    );
    expect(audit.rows.map((row) => row.channel)).toEqual(['fhir']);
  });
});
