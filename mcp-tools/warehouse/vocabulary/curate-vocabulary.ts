/**
 * Builds the curated OMOP vocabulary subset bundled with Hale (`./data/*.csv`, Athena download format:
 * tab-delimited, lower-case CDM 5.4 headers, dates YYYYMMDD, no quoting).
 *
 * Sources: the Synthea27Nj CDM 5.4 zip and the GiBleed CDM 5.3 CSVs in ../shared/datasets (real OMOP
 * vocabulary subsets), plus the hand-written `local-additions.ts`. Seeds come from
 * `../clinical-catalog.ts`, so every catalog concept is guaranteed to be bundled.
 *
 * Run: `npx tsx mcp-tools/warehouse/vocabulary/curate-vocabulary.ts [datasetsDirectory]`
 * Output is sorted and deterministic; the generated files are committed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAncestorRows } from './build-ancestor-rows.js';
import { buildConceptClassRows } from './build-concept-class-rows.js';
import { buildDomainRows } from './build-domain-rows.js';
import { buildHandConcepts } from './build-hand-concepts.js';
import { buildRelationshipTypeRows } from './build-relationship-type-rows.js';
import { buildRelationships } from './build-relationships.js';
import { buildSynonymRows } from './build-synonym-rows.js';
import { buildVocabularyRows } from './build-vocabulary-rows.js';
import { checkVocabulary } from './check-vocabulary.js';
import { collectSourceConcepts } from './collect-source-concepts.js';
import { compareConceptRows } from './concept-row.js';
import { isMainModule } from './is-main-module.js';
import { readSourceDatasets, syntheaZipFileName } from './read-source-datasets.js';
import { compareRelationshipRows } from './relationship-row.js';
import { selectConcepts } from './select-concepts.js';
import { writeVocabularyFiles } from './write-vocabulary-files.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const outputDirectory = path.join(here, 'data');

/**
 * Rebuilds `./data` from the source datasets in `datasetsDirectory` and `local-additions.ts`: selects
 * the concepts, then derives their relationships, ancestors, synonyms and the metadata tables they
 * use, and writes all eight Athena files, printing each file's row count.
 */
export async function curateVocabulary(datasetsDirectory: string): Promise<void> {
  const { synthea, gibleed } = await readSourceDatasets(datasetsDirectory);
  // Synthea's rows come first, so where both sources hold a relationship, GiBleed's row is kept.
  const sourceRelationships = [...synthea.relationships, ...gibleed.relationships];
  const concepts = selectConcepts({
    sourceConcepts: collectSourceConcepts({ synthea, gibleed }),
    handConcepts: buildHandConcepts(),
    sourceRelationships,
  });
  const relationships = [...buildRelationships({ concepts, sourceRelationships }).values()];
  writeVocabularyFiles({
    directory: outputDirectory,
    tables: {
      concept: [...concepts.values()].sort(compareConceptRows),
      concept_relationship: [...relationships].sort(compareRelationshipRows),
      concept_ancestor: buildAncestorRows({ concepts, relationships, gibleedAncestors: gibleed.ancestors }),
      concept_synonym: buildSynonymRows({ concepts, gibleedSynonyms: gibleed.synonyms }),
      vocabulary: buildVocabularyRows({ concepts, gibleedVocabularies: gibleed.vocabularies }),
      domain: buildDomainRows({ concepts, gibleedDomains: gibleed.domains }),
      concept_class: buildConceptClassRows(concepts),
      relationship: buildRelationshipTypeRows({
        concepts,
        relationships,
        gibleedRelationshipTypes: gibleed.relationshipTypes,
      }),
    },
  });
}

if (isMainModule(import.meta.url)) {
  const projectRoot = path.resolve(here, '../../..');
  const datasetsDirectory = path.resolve(process.argv[2] ?? path.join(projectRoot, '../shared/datasets'));
  if (!existsSync(path.join(datasetsDirectory, syntheaZipFileName))) {
    console.log(
      `skipped: source datasets not found in ${datasetsDirectory}; the committed data/ files are unchanged`,
    );
  } else {
    await curateVocabulary(datasetsDirectory);
    const problems = checkVocabulary(outputDirectory);
    if (problems.length > 0) {
      for (const problem of problems) console.error(`check: ${problem}`);
      process.exitCode = 1;
    } else {
      console.log('check: catalog and vocabulary are consistent');
    }
  }
}
