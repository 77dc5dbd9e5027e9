export { type Concept, conceptFromRow } from './concept.js';
export { conceptDescendantsTool } from './concept-descendants-tool.js';
export { conceptHierarchy, testSubsumption } from './concept-hierarchy.js';
export { fhirSystemsByVocabulary, omopConceptSystem, vocabularyOfSystem } from './fhir-code-systems.js';
export {
  conceptCoding,
  renderExpansion,
  renderLookup,
  renderSubsumes,
  renderTranslate,
} from './fhir-renderings.js';
export { findConcept, getConceptDetails } from './get-concept.js';
export { getConceptTool } from './get-concept-tool.js';
export type { OntologyContext } from './ontology-context.js';
export { searchConcepts } from './search-concepts.js';
export { searchConceptsTool } from './search-concepts-tool.js';
export { translateCode } from './translate-code.js';
export { translateCodeTool } from './translate-code-tool.js';
