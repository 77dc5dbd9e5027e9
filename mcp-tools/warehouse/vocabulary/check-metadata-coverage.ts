import { athenaFileName } from './athena-file-name.js';
import { readAthenaTable } from './read-athena-table.js';
import type { VocabularyCheckContext } from './vocabulary-check-context.js';
import { vocabularyTableColumns } from './vocabulary-table-columns.js';

/** The OMOP range for site-local concepts; such ids must never be mistaken for Athena ids. */
const firstLocalConceptId = 2_000_000_000;

/** Vocabularies a local concept may belong to: Hale's own, or those whose real codes it stands in for. */
const localConceptVocabularies: readonly string[] = ['Hale', 'SNOMED', 'ICD10CM', 'ATC', 'RxNorm'];

/** Metadata tables whose `<table>_concept_id` column must resolve inside CONCEPT. */
const metadataTableNames = ['vocabulary', 'domain', 'concept_class', 'relationship'] as const;

/**
 * Checks that VOCABULARY, DOMAIN, CONCEPT_CLASS and RELATIONSHIP cover every vocabulary, domain, class
 * and relationship the bundled rows use, that local concepts sit in an allowed vocabulary, and that
 * each metadata row's concept id is bundled.
 */
export function checkMetadataCoverage(
  { dataDirectory, concepts, problems, requireConcept }: VocabularyCheckContext,
  relationshipKeys: ReadonlySet<string>,
): void {
  const idsOf = (fileName: string) =>
    new Set(readAthenaTable(dataDirectory, fileName).rows.map((row) => row[0]));
  const vocabularies = idsOf('VOCABULARY.csv');
  const domains = idsOf('DOMAIN.csv');
  const classes = idsOf('CONCEPT_CLASS.csv');
  const relationshipTypes = idsOf('RELATIONSHIP.csv');
  for (const [conceptId, concept] of concepts) {
    if (!vocabularies.has(concept.vocabulary))
      problems.push(`CONCEPT ${conceptId}: vocabulary ${concept.vocabulary} missing from VOCABULARY.csv`);
    if (!domains.has(concept.domain))
      problems.push(`CONCEPT ${conceptId}: domain ${concept.domain} missing from DOMAIN.csv`);
    if (!classes.has(concept.conceptClass))
      problems.push(`CONCEPT ${conceptId}: class ${concept.conceptClass} missing from CONCEPT_CLASS.csv`);
    if (conceptId >= firstLocalConceptId && !localConceptVocabularies.includes(concept.vocabulary))
      problems.push(`local concept ${conceptId} in ${concept.vocabulary}`);
  }
  for (const key of relationshipKeys) {
    const relationshipId = key.split('|')[2] ?? '';
    if (!relationshipTypes.has(relationshipId))
      problems.push(`relationship ${relationshipId} missing from RELATIONSHIP.csv`);
  }
  for (const tableName of metadataTableNames) {
    const fileName = athenaFileName(tableName);
    const conceptIdColumn = vocabularyTableColumns(tableName).indexOf(`${tableName}_concept_id`);
    for (const row of readAthenaTable(dataDirectory, fileName).rows)
      requireConcept({ conceptId: Number(row[conceptIdColumn]), where: `${fileName} ${row[0]}` });
  }
}
