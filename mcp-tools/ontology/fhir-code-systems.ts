/**
 * OMOP `vocabulary_id` → FHIR code system URI, for the vocabularies FHIR names (HL7 terminology
 * registry). `vocabulary.vocabulary_reference` holds download pages, not these URIs. A vocabulary
 * missing here is rendered with the OMOP concept id system instead.
 */
export const fhirSystemsByVocabulary: Readonly<Record<string, string>> = {
  SNOMED: 'http://snomed.info/sct',
  LOINC: 'http://loinc.org',
  ICD10: 'http://hl7.org/fhir/sid/icd-10',
  ICD10CM: 'http://hl7.org/fhir/sid/icd-10-cm',
  ICD9CM: 'http://hl7.org/fhir/sid/icd-9-cm',
  RxNorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  UCUM: 'http://unitsofmeasure.org',
  ATC: 'http://www.whocc.no/atc',
  CVX: 'http://hl7.org/fhir/sid/cvx',
  NDC: 'http://hl7.org/fhir/sid/ndc',
  CPT4: 'http://www.ama-assn.org/go/cpt',
  HCPCS: 'urn:oid:2.16.840.1.113883.6.285',
  Gender: 'http://terminology.hl7.org/CodeSystem/v3-AdministrativeGender',
  Race: 'urn:oid:2.16.840.1.113883.6.238',
  Ethnicity: 'urn:oid:2.16.840.1.113883.6.238',
};

/** OMOP concept ids as a code system (OHDSI's FHIR terminology server). */
export const omopConceptSystem = 'https://fhir-terminology.ohdsi.org';

/** The OMOP vocabulary of a FHIR system URI, or the id itself when it is one (`ICD10CM`). */
export function vocabularyOfSystem(system: string): string | undefined {
  if (system === omopConceptSystem) return undefined;
  const entry = Object.entries(fhirSystemsByVocabulary).find(([, uri]) => uri === system);
  if (entry) return entry[0];
  return /^[A-Za-z0-9 _-]{1,20}$/.test(system) ? system : undefined;
}
