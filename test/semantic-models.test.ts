import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { warehouseTables } from '../mcp-tools/warehouse/index.js';
import { parseSemanticManifest } from '../semantic-layer/index.js';

const modelsDirectory = new URL('../semantic-layer/models/', import.meta.url);
const files = readdirSync(modelsDirectory)
  .filter((name) => name.endsWith('.yml'))
  .map((name) => ({ path: name, text: readFileSync(new URL(name, modelsDirectory), 'utf8') }));

describe('bundled semantic models', () => {
  const { manifest, issues } = parseSemanticManifest(files);

  it('validate', () => {
    expect(issues).toEqual([]);
    expect(manifest.metrics.length).toBeGreaterThan(0);
  });

  it('point at warehouse tables and columns that exist', () => {
    const problems: string[] = [];
    for (const model of manifest.semanticModels) {
      const tableName = /^ref\('(.+)'\)$/.exec(model.model)?.[1];
      const table = warehouseTables.find((candidate) => candidate.name === tableName);
      if (!table) {
        problems.push(`${model.name}: no warehouse table ${tableName}`);
        continue;
      }
      const columns = new Set(table.columns.map((column) => column.name));
      for (const field of [...model.entities, ...model.dimensions]) {
        const column = field.expr ?? field.name;
        if (/^[a-z_]+$/.test(column) && !columns.has(column))
          problems.push(`${model.name}.${field.name}: no column ${column}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
