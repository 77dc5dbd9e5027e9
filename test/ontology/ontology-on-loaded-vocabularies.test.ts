import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToolRuntime, type ToolRuntime } from '../../bin/create-tool-runtime.js';
import { migrate, migrations } from '../../mcp-tools/db/index.js';
import {
  createGovernedWarehouse,
  type GovernedWarehouse,
  governedSchemas,
  readWarehouseCatalog,
  resolvePrincipal,
} from '../../mcp-tools/governance/index.js';
import { loadSemanticLayer } from '../../mcp-tools/semantic/index.js';
import { loadOmopDataset } from '../../mcp-tools/warehouse/omop-loader/index.js';
import { fhirSchemaProblems } from '../support/fhir-validator.js';
import { loadDefaultPolicy } from '../support/governed-test-warehouse.js';
import { type DisposableDatabase, testDatabaseAdapters } from '../support/test-databases.js';

const datasets = fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));
const gibleed = `${datasets}eunomia-gibleed-cdm53`;
const synthea = `${datasets}omop-synthea27nj-cdm54.zip`;
const present = existsSync(gibleed) && existsSync(synthea);
if (!present)
  console.warn(`[hale tests] ${datasets} is absent: the ontology tests on real vocabularies are skipped`);

interface Loaded {
  handle: DisposableDatabase;
  governed: GovernedWarehouse;
  runtime: ToolRuntime;
}

async function load(adapter: (typeof testDatabaseAdapters)[number], path: string): Promise<Loaded> {
  const handle = await adapter.create();
  await migrate(handle.database, migrations);
  await loadOmopDataset({ database: handle.database, path });
  const governed = createGovernedWarehouse({
    warehouse: handle.database,
    auditLog: handle.database,
    policy: await loadDefaultPolicy(),
    catalog: await readWarehouseCatalog(handle.database, governedSchemas),
  });
  const runtime = createToolRuntime({
    governed,
    semanticLayer: await loadSemanticLayer(),
    applicationDatabase: handle.database,
    log: () => {},
  });
  return { handle, governed, runtime };
}

async function call(loaded: Loaded, tool: string, input: Record<string, unknown>) {
  const result = await loaded.runtime.registry.execute(tool, input, {
    principal: resolvePrincipal(loaded.governed.policy, 'dana'),
    channel: 'eval',
    signal: new AbortController().signal,
    ports: loaded.runtime.ports,
  });
  if (result.isError) throw new Error(result.text);
  return result.structuredContent as Record<string, unknown>;
}

describe.skipIf(!present).each(testDatabaseAdapters)(
  'ontology tools on real OMOP vocabularies, $name',
  (adapter) => {
    let gibleedDatabase: Loaded;
    let syntheaDatabase: Loaded;

    beforeAll(async () => {
      gibleedDatabase = await load(adapter, gibleed);
      syntheaDatabase = await load(adapter, synthea);
    }, 600_000);
    afterAll(async () => {
      await gibleedDatabase?.handle.dispose();
      await syntheaDatabase?.handle.dispose();
    });

    it('GiBleed: ICD-10-CM K92.2 maps to 192671 "Gastrointestinal hemorrhage", whose hierarchy comes from concept_ancestor', async () => {
      const translation = await call(gibleedDatabase, 'translate_code', { system: 'ICD10CM', code: 'K92.2' });
      expect(translation.targets).toEqual([
        expect.objectContaining({
          concept: expect.objectContaining({ conceptId: 192671, name: 'Gastrointestinal hemorrhage' }),
        }),
      ]);
      const fhir = (
        await call(gibleedDatabase, 'translate_code', {
          system: 'http://hl7.org/fhir/sid/icd-10-cm',
          code: 'K92.2',
          format: 'fhir',
        })
      ).fhir as { resourceType: string };
      expect(fhirSchemaProblems(fhir)).toEqual([]);

      // 192671 has ancestor rows (their concepts are not in GiBleed's subset) and no descendant.
      const details = await call(gibleedDatabase, 'get_concept', { conceptId: 192671 });
      expect(details).toMatchObject({ hierarchyAvailable: true, descendantCount: 0 });
      expect(details.ancestorCount).toBeGreaterThan(0);
      const descendants = await call(gibleedDatabase, 'concept_descendants', { conceptId: 192671 });
      expect(descendants).toMatchObject({ source: 'concept_ancestor', entries: [] });
      // An ancestor whose descendants GiBleed does ship: the tool lists exactly what concept_ancestor says.
      const pair = await gibleedDatabase.handle.database.query<{ ancestor: number; descendants: number }>(
        `SELECT a.ancestor_concept_id AS ancestor, count(*) AS descendants FROM vocab.concept_ancestor a
         JOIN vocab.concept d ON d.concept_id = a.descendant_concept_id
         JOIN vocab.concept c ON c.concept_id = a.ancestor_concept_id
        WHERE a.ancestor_concept_id <> a.descendant_concept_id
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
      );
      const ancestor = Number(pair.rows[0]?.ancestor);
      const below = await call(gibleedDatabase, 'concept_descendants', { conceptId: ancestor, limit: 4_000 });
      expect(below.source).toBe('concept_ancestor');
      expect((below.entries as unknown[]).length).toBe(Number(pair.rows[0]?.descendants));

      const search = await call(gibleedDatabase, 'search_concepts', {
        text: 'gastrointestinal hemorrhage',
        standardOnly: true,
      });
      expect((search.results as { concept: { conceptId: number } }[])[0]?.concept.conceptId).toBe(192671);
    });

    it('Synthea: with concept_ancestor empty, the hierarchy says so and follows Is a', async () => {
      const rows = await syntheaDatabase.handle.database.query<{
        concept_id_1: number;
        concept_id_2: number;
      }>(
        `SELECT r.concept_id_1, r.concept_id_2 FROM vocab.concept_relationship r
         JOIN vocab.concept child ON child.concept_id = r.concept_id_1
         JOIN vocab.concept parent ON parent.concept_id = r.concept_id_2
        WHERE r.relationship_id = 'Is a' AND r.concept_id_1 <> r.concept_id_2 ORDER BY 1, 2 LIMIT 1`,
      );
      const child = rows.rows[0];
      expect(child).toBeDefined();
      const ancestors = await call(syntheaDatabase, 'concept_descendants', {
        conceptId: Number(child?.concept_id_1),
        direction: 'ancestors',
        maxLevels: 2,
      });
      expect(ancestors.source).toBe('is_a');
      expect(ancestors.message).toContain('vocab.concept_ancestor is empty');
      expect(
        (ancestors.entries as { concept: { conceptId: number } }[]).map((entry) => entry.concept.conceptId),
      ).toContain(Number(child?.concept_id_2));
      const details = await call(syntheaDatabase, 'get_concept', { conceptId: Number(child?.concept_id_1) });
      expect(details.hierarchyAvailable).toBe(false);
    });
  },
);
