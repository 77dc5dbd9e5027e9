import { checkClinicalEntries } from './check-clinical-entries.js';
import { checkConceptReferences } from './check-concept-references.js';
import { checkMetadataCoverage } from './check-metadata-coverage.js';
import { checkSharedConcepts } from './check-shared-concepts.js';
import { readBundledConcepts } from './read-bundled-concepts.js';
import { createVocabularyCheckContext } from './vocabulary-check-context.js';

/**
 * Checks the bundled vocabulary in `dataDirectory` against itself and against the clinical catalog,
 * and returns the problems found, in a stable order (empty when everything is consistent): malformed
 * CONCEPT rows, dangling concept ids, missing reverse rows, uncovered metadata, then catalog entries.
 */
export function checkVocabulary(dataDirectory: string): string[] {
  const problems: string[] = [];
  const concepts = readBundledConcepts({ dataDirectory, problems });
  const context = createVocabularyCheckContext({ dataDirectory, concepts, problems });
  const references = checkConceptReferences(context);
  checkMetadataCoverage(context, references.relationshipKeys);
  checkClinicalEntries(context, references);
  checkSharedConcepts(context);
  return problems;
}
