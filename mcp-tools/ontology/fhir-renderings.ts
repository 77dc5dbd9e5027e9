import type { Concept } from './concept.js';
import type { SubsumptionOutcome } from './concept-hierarchy.js';
import { fhirSystemsByVocabulary, omopConceptSystem } from './fhir-code-systems.js';
import type { ConceptDetails } from './get-concept.js';
import type { CodeTranslation } from './translate-code.js';

/** A FHIR R4 Coding. */
export interface FhirCoding {
  system: string;
  code: string;
  display: string;
}

type ParameterValue =
  | { valueString: string }
  | { valueCode: string }
  | { valueBoolean: boolean }
  | { valueInteger: number }
  | { valueCoding: FhirCoding };
export interface FhirParameter {
  name: string;
  part?: FhirParameter[];
  valueString?: string;
  valueCode?: string;
  valueBoolean?: boolean;
  valueInteger?: number;
  valueCoding?: FhirCoding;
}
export interface FhirParameters {
  resourceType: 'Parameters';
  parameter: FhirParameter[];
}

/** Languages of synonyms: OMOP's English and French concepts, and the bundled vocabulary's local French one. */
const languageCodes: Readonly<Record<number, string>> = { 4180186: 'en', 4180190: 'fr', 2000000003: 'fr' };

/**
 * A concept as a FHIR Coding: its code in the FHIR system of its vocabulary, or its OMOP concept id
 * in OHDSI's concept-id system when FHIR has no URI for the vocabulary.
 */
export function conceptCoding(concept: Concept): FhirCoding {
  const system = fhirSystemsByVocabulary[concept.vocabulary];
  return system
    ? { system, code: concept.code, display: concept.name }
    : { system: omopConceptSystem, code: String(concept.conceptId), display: concept.name };
}

function parameter(name: string, value: ParameterValue): FhirParameter {
  return { name, ...value };
}

/** `CodeSystem/$lookup` output: name, display, designations (synonyms) and properties. */
export function renderLookup(details: ConceptDetails): FhirParameters {
  const { concept } = details;
  const properties: [string, ParameterValue][] = [
    ['concept_id', { valueInteger: concept.conceptId }],
    ['domain_id', { valueCode: concept.domain }],
    ['concept_class_id', { valueCode: concept.conceptClass }],
    ['inactive', { valueBoolean: concept.invalidReason !== null }],
    ...(concept.standard
      ? ([['standard_concept', { valueCode: concept.standard }]] as [string, ParameterValue][])
      : []),
    ...details.relationships
      .filter((entry) => entry.relationship === 'Is a' && entry.concept.vocabulary === concept.vocabulary)
      .map((entry): [string, ParameterValue] => ['parent', { valueCode: conceptCoding(entry.concept).code }]),
    ...details.relationships
      .filter((entry) => entry.relationship === 'Subsumes' && entry.concept.vocabulary === concept.vocabulary)
      .map((entry): [string, ParameterValue] => ['child', { valueCode: conceptCoding(entry.concept).code }]),
    ...details.relationships
      .filter((entry) => entry.relationship === 'Maps to' || entry.relationship === 'Mapped from')
      .map((entry): [string, ParameterValue] => [
        entry.relationship === 'Maps to' ? 'maps_to' : 'mapped_from',
        { valueCoding: conceptCoding(entry.concept) },
      ]),
  ];
  return {
    resourceType: 'Parameters',
    parameter: [
      parameter('name', { valueString: concept.vocabulary }),
      parameter('display', { valueString: concept.name }),
      ...details.synonyms
        .filter((synonym) => synonym.name !== concept.name)
        .map((synonym) => ({
          name: 'designation',
          part: [
            parameter('language', { valueCode: languageCodes[synonym.languageConceptId] ?? 'en' }),
            parameter('value', { valueString: synonym.name }),
          ],
        })),
      ...properties.map(([code, value]) => ({
        name: 'property',
        part: [parameter('code', { valueCode: code }), parameter('value', value)],
      })),
    ],
  };
}

/** `ConceptMap/$translate` output (R4): result, message, one match per target with its equivalence. */
export function renderTranslate(translation: CodeTranslation): FhirParameters {
  const matches = translation.targets.map((target) => ({
    name: 'match',
    part: [
      // OMOP's 'Maps to' points a source code at its standard equivalent; the other direction (and a
      // path through a standard concept) only says the codes are related.
      parameter('equivalence', { valueCode: target.relationship === 'Maps to' ? 'equivalent' : 'relatedto' }),
      parameter('concept', { valueCoding: conceptCoding(target.concept) }),
    ],
  }));
  return {
    resourceType: 'Parameters',
    parameter: [
      parameter('result', { valueBoolean: matches.length > 0 }),
      ...(translation.message ? [parameter('message', { valueString: translation.message })] : []),
      ...matches,
    ],
  };
}

/** `CodeSystem/$subsumes` output. */
export function renderSubsumes(outcome: SubsumptionOutcome): FhirParameters {
  return { resourceType: 'Parameters', parameter: [parameter('outcome', { valueCode: outcome })] };
}

/** `ValueSet/$expand` of the implicit value set "X and its descendants" (`…?fhir_vs=isa/X`). */
export function renderExpansion({
  root,
  descendants,
  total,
  timestamp,
}: {
  root: Concept;
  descendants: readonly Concept[];
  /** All members; undefined when the expansion was cut and the total is not known. */
  total: number | undefined;
  /** When the expansion was made (FHIR requires it). */
  timestamp: string;
}) {
  const coding = conceptCoding(root);
  return {
    resourceType: 'ValueSet' as const,
    url: `${coding.system}?fhir_vs=isa/${coding.code}`,
    status: 'active' as const,
    expansion: {
      timestamp,
      ...(total !== undefined ? { total } : {}),
      contains: [root, ...descendants].map((concept) => conceptCoding(concept)),
    },
  };
}
