import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldCases } from '../../bench/semantic/metric-gold-cases.js';
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
import { compileMetricQuery, type MetricQuery, type SemanticLayer } from '../../semantic-layer/index.js';
import { loadDefaultPolicy } from '../support/governed-test-warehouse.js';
import { type DisposableDatabase, testDatabaseAdapters } from '../support/test-databases.js';

const gibleed = fileURLToPath(new URL('../../../shared/datasets/eunomia-gibleed-cdm53', import.meta.url));
const present = existsSync(gibleed);
if (!present) console.warn(`[hale tests] ${gibleed} is absent: the metrics-on-GiBleed tests are skipped`);

const sorted = (rows: Record<string, unknown>[], columns: string[]) =>
  rows
    .map((row) =>
      columns
        .map((column) => {
          const value = row[column];
          return typeof value === 'number' && !Number.isInteger(value) ? value.toPrecision(9) : String(value);
        })
        .join(' | '),
    )
    .sort();

describe.skipIf(!present).each(testDatabaseAdapters)(
  'bundled OMOP metrics on GiBleed loaded with hale cdm load, $name',
  (adapter) => {
    let handle: DisposableDatabase;
    let governed: GovernedWarehouse;
    let layer: SemanticLayer;
    const run = async (query: MetricQuery) => {
      const compiled = compileMetricQuery(layer, query);
      const result = await governed.run({
        sql: compiled.sql,
        parameters: compiled.parameters,
        principal: resolvePrincipal(governed.policy, 'admin'),
        channel: 'eval',
        tool: 'test',
      });
      expect(result.status, result.reason).toBe('ok');
      return { rows: result.rows, columns: compiled.columns.map((column) => column.name) };
    };

    beforeAll(async () => {
      handle = await adapter.create();
      await migrate(handle.database, migrations);
      await loadOmopDataset({ database: handle.database, path: gibleed });
      governed = createGovernedWarehouse({
        warehouse: handle.database,
        auditLog: handle.database,
        policy: await loadDefaultPolicy(),
        catalog: await readWarehouseCatalog(handle.database, governedSchemas),
      });
      layer = await loadSemanticLayer();
    }, 300_000);
    afterAll(async () => handle?.dispose());

    it('answers every OMOP gold case as the gold SQL does; tables GiBleed lacks give no rows', async () => {
      const omopCases = goldCases.filter((gold) => gold.name.startsWith('OMOP'));
      let answered = 0;
      for (const gold of omopCases) {
        const { rows, columns } = await run(gold.query as MetricQuery);
        const expected = (await handle.database.query(gold.sql)).rows as Record<string, unknown>[];
        expect(sorted(rows, columns), gold.name).toEqual(sorted(expected, columns));
        if (rows.length > 0) answered++;
      }
      // Persons, visits, eras and deaths are in GiBleed; condition_occurrence, drug_exposure, measurement are not.
      expect(answered).toBeGreaterThanOrEqual(6);
    });

    it('counts patients with a condition and its descendants through the loaded concept_ancestor', async () => {
      const ancestor = await handle.database.query<{ ancestor_concept_id: number; descendants: number }>(
        `SELECT ca.ancestor_concept_id, count(DISTINCT e.condition_concept_id) AS descendants
         FROM vocab.concept_ancestor ca JOIN cdm.condition_era e ON e.condition_concept_id = ca.descendant_concept_id
        WHERE ca.ancestor_concept_id <> ca.descendant_concept_id
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
      );
      const concept = Number(ancestor.rows[0]?.ancestor_concept_id);
      expect(Number(ancestor.rows[0]?.descendants)).toBeGreaterThan(1);
      const { rows } = await run({
        metrics: ['patients_with_condition'],
        group_by: ['person__gender'],
        where: [{ dimension: 'condition', operator: 'descendant_of', values: [concept] }],
      });
      const gold = await handle.database.query(
        `SELECT CASE p.gender_concept_id WHEN 8532 THEN 'female' WHEN 8507 THEN 'male' ELSE 'unknown' END AS person__gender,
              count(DISTINCT e.person_id) AS patients_with_condition
         FROM cdm.condition_era e JOIN cdm.person p ON p.person_id = e.person_id
        WHERE e.condition_concept_id IN (SELECT descendant_concept_id FROM vocab.concept_ancestor WHERE ancestor_concept_id = $1)
        GROUP BY 1`,
        [concept],
      );
      expect(sorted(rows, ['person__gender', 'patients_with_condition'])).toEqual(
        sorted(gold.rows as Record<string, unknown>[], ['person__gender', 'patients_with_condition']),
      );
      expect(rows.length).toBeGreaterThan(0);
    });
  },
);
