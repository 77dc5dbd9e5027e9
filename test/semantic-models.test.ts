import { beforeAll, describe, expect, it } from 'vitest';
import type { WarehouseCatalog } from '../mcp-tools/governance/index.js';
import { checkSemanticLayerAgainstCatalog, loadSemanticLayer } from '../mcp-tools/semantic/index.js';
import { warehouseTables } from '../mcp-tools/warehouse/index.js';
import { createSemanticLayer, type SemanticLayer } from '../semantic-layer/index.js';

/** The warehouse's tables as the catalog would read them, from the schema definitions. */
const catalog: WarehouseCatalog = {
  tables: new Map(
    warehouseTables.map((table) => [
      `${table.schema}.${table.name}`,
      {
        schema: table.schema,
        name: table.name,
        columns: table.columns.map((column) => ({ name: column.name, type: column.type })),
      },
    ]),
  ),
} as unknown as WarehouseCatalog;
const schemas = ['scheduling', 'cdm', 'vocab'];

describe('bundled semantic models', () => {
  let bundled: SemanticLayer;
  beforeAll(async () => {
    bundled = await loadSemanticLayer();
  });

  it('load without issues, with at least 25 metrics described, with synonyms and sample questions', () => {
    expect(bundled.metrics.size).toBeGreaterThanOrEqual(25);
    const undocumented = [...bundled.metrics.values()].filter(
      (metric) => !metric.description || !metric.label,
    );
    expect(undocumented.map((metric) => metric.name)).toEqual([]);
    const withQuestions = [...bundled.metrics.values()].filter((metric) => metric.sample_questions?.length);
    expect(withQuestions.length).toBeGreaterThanOrEqual(20);
  });

  it('read only tables and columns the warehouse has', () => {
    expect(checkSemanticLayerAgainstCatalog(bundled, catalog, schemas)).toEqual([]);
  });

  it('report a table or column the warehouse lacks, located, with close names', () => {
    const text = [
      'semantic_models:',
      '  - name: appointments',
      "    model: ref('appointmnt')",
      '    schema: scheduling',
      '  - name: practices',
      "    model: ref('practice')",
      '    schema: scheduling',
      '    entities: [{ name: practice, type: primary, expr: practice_id }]',
      '    dimensions:',
      '      - { name: region, type: categorical }',
      '      - { name: town, type: categorical, expr: "upper(citty) || \' \' || postal_code" }',
    ].join('\n');
    const { layer, issues } = createSemanticLayer([{ path: 'mine.yml', text }]);
    expect(issues).toEqual([]);
    expect(checkSemanticLayerAgainstCatalog(layer, catalog, schemas)).toEqual([
      {
        file: 'mine.yml',
        line: 3,
        path: 'semantic_models[0].model',
        message:
          'semantic model "appointments": the warehouse has no table scheduling.appointmnt; did you mean scheduling.appointment or scheduling.patient?',
      },
      {
        file: 'mine.yml',
        line: 11,
        path: 'semantic_models[1].dimensions[1].expr',
        message: 'scheduling.practice has no column "citty"; did you mean "city"?',
      },
    ]);
  });
});
