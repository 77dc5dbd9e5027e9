/**
 * Consistency check of the bundled vocabulary (`./data`) and the clinical catalog.
 *
 * Verifies that every catalog concept id exists in CONCEPT.csv with a sensible domain, that ICD-10-CM
 * source codes 'Maps to' their condition and drugs have their ingredient, that every id used by
 * CONCEPT_RELATIONSHIP / CONCEPT_ANCESTOR / CONCEPT_SYNONYM exists, and that the metadata tables
 * cover every vocabulary, domain, class and relationship used.
 *
 * Run: `npx tsx mcp-tools/warehouse/vocabulary/check-catalog.ts` (exit code 1 on problems).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkVocabulary } from './check-vocabulary.js';
import { isMainModule } from './is-main-module.js';

if (isMainModule(import.meta.url)) {
  const dataDirectory = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');
  const problems = checkVocabulary(dataDirectory);
  for (const problem of problems) console.error(problem);
  console.log(
    problems.length === 0 ? 'vocabulary and catalog are consistent' : `${problems.length} problem(s)`,
  );
  if (problems.length > 0) process.exitCode = 1;
}
