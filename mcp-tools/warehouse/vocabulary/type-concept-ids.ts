import * as catalog from '../clinical-catalog.js';

/**
 * The type concept of every table the demo-data generator fills. The build bundles them and the
 * catalog check requires each to be a 'Type Concept', so both read this one list.
 */
export const typeConceptIds: readonly number[] = [
  catalog.visitTypeConceptId,
  catalog.conditionTypeConceptId,
  catalog.drugTypeConceptId,
  catalog.measurementTypeConceptId,
  catalog.procedureTypeConceptId,
  catalog.observationTypeConceptId,
  catalog.periodTypeConceptId,
];
