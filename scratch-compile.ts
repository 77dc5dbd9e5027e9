import { readFileSync } from 'node:fs';
import { compileMetricQuery, createSemanticLayer, loadSemanticParser, savedQueryToMetricQuery } from './semantic-layer/index.js';
await loadSemanticParser();
const files = ['scheduling.yml', 'omop.yml'].map((name) => ({ path: name, text: readFileSync(`semantic-layer/models/${name}`, 'utf8') }));
const { layer, issues } = createSemanticLayer(files);
console.log('issues', issues);
for (const saved of layer.manifest.savedQueries) {
  try {
    const c = compileMetricQuery(layer, savedQueryToMetricQuery(saved));
    console.log('--', saved.name, '\n', c.sql, c.parameters);
  } catch (e) { console.log('ERR', saved.name, (e as Error).message); }
}
