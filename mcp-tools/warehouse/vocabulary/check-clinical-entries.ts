import * as catalog from '../clinical-catalog.js';
import type { ConceptReferences } from './check-concept-references.js';
import type { VocabularyCheckContext } from './vocabulary-check-context.js';

/** The catalog is written against the bundle, so a renamed concept means one of the two is stale. */
function checkName({
  problems,
  kind,
  entry,
  bundledName,
}: {
  problems: string[];
  kind: string;
  entry: { conceptId: number; name: string };
  bundledName: string | undefined;
}): void {
  if (bundledName !== undefined && bundledName !== entry.name)
    problems.push(`${kind} ${entry.conceptId}: name '${entry.name}' differs from '${bundledName}'`);
}

function checkConditions(
  { problems, requireConcept }: VocabularyCheckContext,
  relationshipKeys: ReadonlySet<string>,
) {
  for (const condition of catalog.conditions) {
    const { conceptId, sourceConceptId, name, sourceValue } = condition;
    const found = requireConcept({ conceptId, where: `condition ${name}`, domain: 'Condition' });
    if (found && found.standard !== 'S') problems.push(`condition ${name}: ${conceptId} is not standard`);
    checkName({ problems, kind: 'condition', entry: condition, bundledName: found?.name });
    // A condition coded in ICD-10-CM carries its source concept; one coded in SNOMED is its own source.
    if (sourceConceptId !== 0) {
      const source = requireConcept({
        conceptId: sourceConceptId,
        where: `condition ${name} source`,
        domain: 'Condition',
      });
      if (source && source.code !== sourceValue)
        problems.push(`condition ${name}: sourceValue ${sourceValue} != code ${source.code}`);
      if (!relationshipKeys.has(`${sourceConceptId}|${conceptId}|Maps to`))
        problems.push(`condition ${name}: ${sourceValue} does not 'Maps to' ${conceptId}`);
    } else if (found && found.code !== sourceValue) {
      problems.push(`condition ${name}: sourceValue ${sourceValue} != SNOMED code ${found.code}`);
    }
  }
}

function checkDrugs({ problems, requireConcept }: VocabularyCheckContext, ancestorKeys: ReadonlySet<string>) {
  for (const drug of catalog.drugs) {
    const found = requireConcept({ conceptId: drug.conceptId, where: `drug ${drug.name}`, domain: 'Drug' });
    checkName({ problems, kind: 'drug', entry: drug, bundledName: found?.name });
    if (found && found.standard !== 'S') problems.push(`drug ${drug.name}: not standard`);
    requireConcept({
      conceptId: drug.ingredientConceptId,
      where: `drug ${drug.name} ingredient`,
      domain: 'Drug',
    });
    // Ingredient-level questions find drugs through CONCEPT_ANCESTOR, not through the relationship.
    if (!ancestorKeys.has(`${drug.ingredientConceptId}|${drug.conceptId}`))
      problems.push(`drug ${drug.name}: ingredient is not an ancestor`);
    for (const conceptId of drug.indicationConceptIds)
      requireConcept({ conceptId, where: `drug ${drug.name} indication`, domain: 'Condition' });
  }
}

function checkMeasurements({ problems, requireConcept }: VocabularyCheckContext) {
  for (const measurement of catalog.measurements) {
    const { name } = measurement;
    const found = requireConcept({
      conceptId: measurement.conceptId,
      where: `measurement ${name}`,
      domain: 'Measurement',
    });
    checkName({ problems, kind: 'measurement', entry: measurement, bundledName: found?.name });
    if (found && found.standard !== 'S') problems.push(`measurement ${name}: not standard`);
    requireConcept({
      conceptId: measurement.unitConceptId,
      where: `measurement ${name} unit`,
      domain: 'Unit',
    });
    for (const conceptId of measurement.forConditionConceptIds ?? [])
      requireConcept({ conceptId, where: `measurement ${name} condition`, domain: 'Condition' });
    if (!(measurement.minimum <= measurement.mean && measurement.mean <= measurement.maximum))
      problems.push(`measurement ${name}: mean outside range`);
  }
}

function checkProcedures({ problems, requireConcept }: VocabularyCheckContext) {
  for (const procedure of catalog.procedures) {
    const found = requireConcept({
      conceptId: procedure.conceptId,
      where: `procedure ${procedure.name}`,
      domain: 'Procedure',
    });
    checkName({ problems, kind: 'procedure', entry: procedure, bundledName: found?.name });
  }
}

/**
 * Checks the clinical entries of `../clinical-catalog.ts` against the bundle: each condition, drug,
 * measurement and procedure is bundled in its domain, standard and under the same name; ICD-10-CM
 * sources 'Maps to' their condition; drugs descend from their ingredient; units, indications and
 * linked conditions are bundled; measurement means lie within their range.
 */
export function checkClinicalEntries(
  context: VocabularyCheckContext,
  { relationshipKeys, ancestorKeys }: ConceptReferences,
): void {
  checkConditions(context, relationshipKeys);
  checkDrugs(context, ancestorKeys);
  checkMeasurements(context);
  checkProcedures(context);
}
