import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToolRuntime } from '../../bin/create-tool-runtime.js';
import {
  createGovernedWarehouse,
  governedSchemas,
  loadGovernancePolicy,
  readWarehouseCatalog,
} from '../../mcp-tools/governance/index.js';
import { loadSemanticLayer } from '../../mcp-tools/semantic/index.js';
import { fhirSchemaProblems } from '../support/fhir-validator.js';
import { createGovernedTestWarehouse } from '../support/governed-test-warehouse.js';
import { type DisposableDatabase, testDatabaseAdapters } from '../support/test-databases.js';
import { connectMcpClient, createTestToolRuntime } from '../support/tool-test-runtime.js';

type CallResult = Awaited<ReturnType<Client['callTool']>>;
const textOf = (result: CallResult) =>
  (result.content as { type: string; text?: string }[]).map((part) => part.text ?? '').join('\n');

interface ConceptOut {
  conceptId: number;
  name: string;
  vocabulary: string;
  code: string;
  standard: string | null;
}

describe.each(testDatabaseAdapters)('ontology tools over MCP on the bundled vocabulary, $name', (adapter) => {
  let handle: DisposableDatabase;
  const clients = new Map<string, Client>();
  const call = async (user: string, name: string, args: Record<string, unknown>) => {
    const client = clients.get(user);
    if (!client) throw new Error(`no client for ${user}`);
    const result = await client.callTool({ name, arguments: args });
    return result;
  };
  const ok = async (user: string, name: string, args: Record<string, unknown>) => {
    const result = await call(user, name, args);
    expect(result.isError, textOf(result)).toBeFalsy();
    return result.structuredContent as Record<string, unknown>;
  };

  beforeAll(async () => {
    handle = await adapter.create();
    const warehouse = await createGovernedTestWarehouse({ database: handle.database, scale: 0.02 });
    const runtime = await createTestToolRuntime(warehouse, handle.database);
    for (const user of ['admin', 'alice', 'carol'])
      clients.set(user, await connectMcpClient({ ...runtime, user }));
  }, 300_000);
  afterAll(async () => {
    for (const client of clients.values()) await client.close();
    await handle?.dispose();
  });

  it('search_concepts finds the standard concept from French, English, a typo and a code, ranked', async () => {
    const first = async (text: string, extra: Record<string, unknown> = {}) => {
      const output = await ok('alice', 'search_concepts', { text, ...extra });
      return (output.results as { concept: ConceptOut; match: string }[])[0];
    };
    expect((await first('diabète de type 2'))?.concept).toMatchObject({
      conceptId: 201826,
      vocabulary: 'SNOMED',
    });
    expect((await first('DIABETE DE TYPE 2'))?.concept.conceptId).toBe(201826);
    expect(await first('type 2 diabetes mellitus')).toMatchObject({
      concept: { conceptId: 201826 },
      match: 'name',
    });
    expect(await first('E11.9')).toMatchObject({
      concept: { vocabulary: 'ICD10CM', code: 'E11.9' },
      match: 'code',
    });
    const typo = await ok('alice', 'search_concepts', { text: 'diabtes', standardOnly: true });
    const names = (typo.results as { concept: ConceptOut }[]).map((result) =>
      result.concept.name.toLowerCase(),
    );
    expect(names.some((name) => name.includes('diabetes'))).toBe(true);
    const loinc = await ok('alice', 'search_concepts', { text: 'hba1c', vocabularies: ['LOINC'] });
    expect((loinc.results as { concept: ConceptOut }[])[0]?.concept.code).toBe('4548-4');

    const page1 = await ok('alice', 'search_concepts', { text: 'diabetes', limit: 3 });
    const page2 = await ok('alice', 'search_concepts', { text: 'diabetes', limit: 3, offset: 3 });
    expect(page1.hasMore).toBe(true);
    const ids = [
      ...(page1.results as { concept: ConceptOut }[]),
      ...(page2.results as { concept: ConceptOut }[]),
    ].map((result) => result.concept.conceptId);
    expect(new Set(ids).size).toBe(ids.length);
    const standardFirst = (page1.results as { concept: ConceptOut; match: string }[]).filter(
      (result) => result.match === 'similar',
    );
    const firstNonStandard = standardFirst.findIndex((result) => result.concept.standard !== 'S');
    if (firstNonStandard >= 0)
      expect(standardFirst.slice(firstNonStandard).every((result) => result.concept.standard !== 'S')).toBe(
        true,
      );
  });

  it('get_concept gives synonyms, relationships and hierarchy counts, and a valid FHIR $lookup', async () => {
    const details = await ok('alice', 'get_concept', { conceptId: 201826 });
    expect(details.synonyms).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'diabète de type 2' })]),
    );
    const relationships = details.relationships as { relationship: string; concept: ConceptOut }[];
    expect(relationships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          relationship: 'Mapped from',
          concept: expect.objectContaining({ code: 'E11.9' }),
        }),
      ]),
    );
    expect(details.ancestorCount).toBeGreaterThan(0);
    expect(details.hierarchyAvailable).toBe(true);
    const bySystem = await ok('alice', 'get_concept', { system: 'http://snomed.info/sct', code: '44054006' });
    expect((bySystem.concept as ConceptOut).conceptId).toBe(201826);

    const fhir = (await ok('alice', 'get_concept', { conceptId: 201826, format: 'fhir' })).fhir as {
      resourceType: string;
      parameter: {
        name: string;
        valueString?: string;
        part?: { name: string; valueString?: string; valueCode?: string }[];
      }[];
    };
    expect(fhirSchemaProblems(fhir)).toEqual([]);
    expect(fhir.parameter.find((entry) => entry.name === 'display')?.valueString).toBe(
      'Type 2 diabetes mellitus',
    );
    const designations = fhir.parameter.filter((entry) => entry.name === 'designation');
    expect(designations).toContainEqual({
      name: 'designation',
      part: [
        { name: 'language', valueCode: 'fr' },
        { name: 'value', valueString: 'diabète de type 2' },
      ],
    });
    const unknown = await call('alice', 'get_concept', { conceptId: 999_999_999 });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toContain('there is no concept 999999999');
  });

  it('translate_code maps a source code to its standard concept, back, and renders FHIR $translate', async () => {
    const forward = await ok('alice', 'translate_code', {
      system: 'http://hl7.org/fhir/sid/icd-10-cm',
      code: 'E11.9',
    });
    expect(forward.direction).toBe('to_standard');
    expect((forward.targets as { concept: ConceptOut }[]).map((target) => target.concept.conceptId)).toEqual([
      201826,
    ]);
    const back = await ok('alice', 'translate_code', {
      system: 'SNOMED',
      code: '44054006',
      targetVocabulary: 'ICD10CM',
    });
    expect((back.targets as { concept: ConceptOut }[]).map((target) => target.concept.code)).toContain(
      'E11.9',
    );
    const fhir = (await ok('alice', 'translate_code', { system: 'ICD10CM', code: 'E11.9', format: 'fhir' }))
      .fhir as {
      parameter: {
        name: string;
        valueBoolean?: boolean;
        part?: { name: string; valueCoding?: { system: string; code: string } }[];
      }[];
    };
    expect(fhirSchemaProblems(fhir as never)).toEqual([]);
    expect(fhir.parameter[0]).toEqual({ name: 'result', valueBoolean: true });
    expect(fhir.parameter.find((entry) => entry.name === 'match')?.part).toContainEqual({
      name: 'concept',
      valueCoding: {
        system: 'http://snomed.info/sct',
        code: '44054006',
        display: 'Type 2 diabetes mellitus',
      },
    });
    const missing = await ok('alice', 'translate_code', {
      system: 'SNOMED',
      code: '44054006',
      targetVocabulary: 'CPT4',
    });
    expect(missing.message).toContain('no CPT4 code maps to SNOMED 44054006');
    const badSystem = await call('alice', 'translate_code', {
      system: 'http://example.org/codes',
      code: 'x',
    });
    expect(textOf(badSystem)).toContain('unknown code system');
  });

  it('concept_descendants lists the hierarchy with levels, tests subsumption, and renders valid FHIR', async () => {
    const diabetes = await ok('alice', 'search_concepts', {
      text: 'diabetes mellitus',
      standardOnly: true,
      limit: 1,
    });
    const root = (diabetes.results as { concept: ConceptOut }[])[0]?.concept.conceptId;
    const below = await ok('alice', 'concept_descendants', { conceptId: root });
    expect(below.source).toBe('concept_ancestor');
    const entries = below.entries as { concept: ConceptOut; minLevels: number }[];
    expect(entries.map((entry) => entry.concept.conceptId)).toContain(201826);
    expect(entries.every((entry) => entry.minLevels >= 1)).toBe(true);
    const above = await ok('alice', 'concept_descendants', { conceptId: 201826, direction: 'ancestors' });
    expect((above.entries as { concept: ConceptOut }[]).map((entry) => entry.concept.conceptId)).toContain(
      root,
    );

    const subsumes = await ok('alice', 'concept_descendants', { conceptId: root, subsumedConceptId: 201826 });
    expect(subsumes.outcome).toBe('subsumes');
    const reverse = await ok('alice', 'concept_descendants', { conceptId: 201826, subsumedConceptId: root });
    expect(reverse.outcome).toBe('subsumed-by');
    const fhirSubsumes = (
      await ok('alice', 'concept_descendants', {
        conceptId: 201826,
        subsumedConceptId: 201826,
        format: 'fhir',
      })
    ).fhir as { resourceType: string };
    expect(fhirSchemaProblems(fhirSubsumes)).toEqual([]);

    const expansion = (await ok('alice', 'concept_descendants', { conceptId: 201826, format: 'fhir' }))
      .fhir as {
      resourceType: string;
      url: string;
      expansion: { total: number; contains: { code: string }[] };
    };
    expect(fhirSchemaProblems(expansion)).toEqual([]);
    expect(expansion.url).toBe('http://snomed.info/sct?fhir_vs=isa/44054006');
    expect(expansion.expansion.contains[0]?.code).toBe('44054006');
    expect(expansion.expansion.total).toBe(expansion.expansion.contains.length);
  });

  it('runs every vocabulary query through the gate: audited, and refused for a role without vocab', async () => {
    const audit = await handle.database.query<{ tool: string; principal: string }>(
      "SELECT DISTINCT tool, principal FROM hale.audit_log WHERE tool IN ('search_concepts', 'get_concept', 'translate_code', 'concept_descendants')",
    );
    expect(audit.rows.map((row) => row.tool).sort()).toEqual([
      'concept_descendants',
      'get_concept',
      'search_concepts',
      'translate_code',
    ]);

    // A role the policy gives no vocab access to is refused, and told why.
    const policy = await loadGovernancePolicy({
      file: 'billing.yml',
      text: [
        'version: 1',
        'principals:',
        '  erin: { role: billing }',
        'roles:',
        '  billing:',
        '    tables:',
        '      scheduling.practice: { access: rows }',
      ].join('\n'),
    });
    const governed = createGovernedWarehouse({
      warehouse: handle.database,
      auditLog: handle.database,
      policy,
      catalog: await readWarehouseCatalog(handle.database, governedSchemas),
    });
    const runtime = createToolRuntime({
      governed,
      semanticLayer: await loadSemanticLayer(),
      applicationDatabase: handle.database,
      log: () => {},
    });
    const erin = await connectMcpClient({ ...runtime, user: 'erin' });
    const refused = await erin.callTool({ name: 'search_concepts', arguments: { text: 'diabetes' } });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain('table vocab.concept is not available to role billing');
    await erin.close();
  });
});
