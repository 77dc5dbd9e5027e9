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
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import yauzl from 'yauzl';
import * as catalog from '../clinical-catalog.js';
import { checkVocabulary } from './check-catalog.js';
import {
  atcClasses,
  atcParentCode,
  drugIngredients,
  englishSynonyms,
  frenchSynonyms,
  type HandConcept,
  haleVocabulary,
  handIsA,
  icd10cmCodes,
  localConcepts,
  referencedConcepts,
} from './local-additions.js';

type Row = Record<string, string>;

interface ConceptRow {
  concept_id: number;
  concept_name: string;
  domain_id: string;
  vocabulary_id: string;
  concept_class_id: string;
  standard_concept: string;
  concept_code: string;
  valid_start_date: string;
  valid_end_date: string;
  invalid_reason: string;
}

interface RelationshipRow {
  concept_id_1: number;
  concept_id_2: number;
  relationship_id: string;
  valid_start_date: string;
  valid_end_date: string;
  invalid_reason: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '../../..');
const outputDirectory = path.join(here, 'data');
const frenchLanguageConceptId = catalog.languageConcepts.french;
const englishLanguageConceptId = catalog.languageConcepts.english;
const LOCAL_START = '19700101';
const LOCAL_END = '20991231';

/** Relationships worth keeping between two bundled concepts. */
const keptRelationships = new Set([
  'Maps to',
  'Mapped from',
  'Is a',
  'Subsumes',
  'RxNorm has ing',
  'RxNorm ing of',
  'Consists of',
  'Constitutes',
  'Panel contains',
  'Contained in panel',
  'Has due to',
  'Due to of',
  'Has asso finding',
  'Asso finding of',
  'Maps to value',
  'Value mapped from',
  'ATC - RxNorm',
  'RxNorm - ATC',
]);

/** Extra real concepts (beyond the catalog) worth bundling for ontology questions. */
const extraSeeds: readonly number[] = [
  0, // No matching concept
  134057, // Disorder of cardiovascular system
  4144583, // Diabetes mellitus due to cystic fibrosis
  75036, // Localized, primary osteoarthritis of the hand
  4309027, // Idiopathic atrophic hypothyroidism
  1759842, // clavulanate
  3030354, // eGFR (MDRD), non-standard in this vocabulary release
  3000483, // Glucose [Mass/volume] in Blood
  3009542, // Hematocrit
  3010813, // Leukocytes
  3007461, // Platelets [#/volume] in Blood
  3013682, // Urea nitrogen
  3024561, // Albumin
  3006906, // Calcium
  40758413, // Blood pressure systolic and diastolic
  3027598, // Mean blood pressure
  36203185, // Blood pressure panel
  40760809, // Lipid panel with direct LDL
  3042932, // PHQ-9 total score
  3044486, // PHQ-9 panel
  40758879, // PHQ-2 total score
  42868746, // GAD-7 total score
  40772159, // GAD-7
  4133840, // Spirometry
  4064377, // Depression screening
  37395717, // Depression screening using PHQ-9 score
  4060985, // Body mass index 30+ - obesity
  4256640, // Body mass index 40+ - severely obese
  42709996, // Smokes tobacco daily
  40489429, // Telemedicine consultation with patient
  4089036, // Telephone encounter
  9327, // inch
  9289, // degree Fahrenheit
  8848, // thousand per microliter
  9579, // millimole per mole
  8523, // ratio
  40213154, // Influenza, seasonal, injectable, preservative free (CVX)
  40213198, // pneumococcal conjugate vaccine, 13 valent (CVX)
];

// ---------------------------------------------------------------------------------------------- io

function parseCsv(text: string): Row[] {
  return parse(text, {
    columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
    skip_empty_lines: true,
    relax_quotes: true,
  }) as Row[];
}

function readZipEntries(zipPath: string, wanted: ReadonlySet<string>): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true }, (openError, zip) => {
      if (openError || !zip) return reject(openError ?? new Error(`cannot open ${zipPath}`));
      const found = new Map<string, string>();
      zip.on('error', reject);
      zip.on('end', () => resolve(found));
      zip.on('entry', (entry: yauzl.Entry) => {
        const baseName = entry.fileName.split('/').pop() ?? '';
        if (entry.fileName.includes('__MACOSX/') || baseName.startsWith('._') || !wanted.has(baseName)) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream)
            return reject(streamError ?? new Error(`cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            found.set(baseName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** YYYY-MM-DD (or YYYYMMDD, or an ISO datetime) → YYYYMMDD. */
function athenaDate(value: string | undefined): string {
  const digits = (value ?? '').slice(0, 10).replaceAll('-', '');
  if (!/^\d{8}$/.test(digits)) throw new Error(`bad date: ${value}`);
  return digits;
}

function clean(value: string): string {
  return value
    .replace(/[\t\r\n]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

function writeTable(
  fileName: string,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
) {
  const lines = [header.join('\t')];
  for (const row of rows) {
    const cells = row.map(String);
    for (const cell of cells) {
      if (/[\t\r\n]/.test(cell)) throw new Error(`${fileName}: value contains a tab or newline: ${cell}`);
    }
    lines.push(cells.join('\t'));
  }
  writeFileSync(path.join(outputDirectory, fileName), `${lines.join('\n')}\n`);
  return rows.length;
}

function compareNumbers(...pairs: [number, number][]): number {
  for (const [a, b] of pairs) if (a !== b) return a - b;
  return 0;
}

// ------------------------------------------------------------------------------------------- build

function toConceptRow(row: Row): ConceptRow {
  return {
    concept_id: Number(row.concept_id),
    concept_name: clean(row.concept_name ?? ''),
    domain_id: row.domain_id ?? '',
    vocabulary_id: row.vocabulary_id ?? '',
    concept_class_id: row.concept_class_id ?? '',
    standard_concept: row.standard_concept ?? '',
    concept_code: clean(row.concept_code ?? ''),
    valid_start_date: athenaDate(row.valid_start_date),
    valid_end_date: athenaDate(row.valid_end_date),
    invalid_reason: row.invalid_reason ?? '',
  };
}

function handConceptRow(concept: HandConcept): ConceptRow {
  return {
    concept_id: concept.conceptId,
    concept_name: concept.name,
    domain_id: concept.domainId,
    vocabulary_id: concept.vocabularyId,
    concept_class_id: concept.conceptClassId,
    standard_concept: concept.standardConcept,
    concept_code: concept.conceptCode,
    valid_start_date: LOCAL_START,
    valid_end_date: LOCAL_END,
    invalid_reason: '',
  };
}

function icdConceptClass(code: string): string {
  return `${code.replace('.', '').length}-char billing code`;
}

const atcLevelClass: Record<number, string> = {
  1: 'ATC 1st',
  3: 'ATC 2nd',
  4: 'ATC 3rd',
  5: 'ATC 4th',
  7: 'ATC 5th',
};

function catalogSeeds(): number[] {
  const ids: number[] = [];
  for (const c of catalog.conditions) ids.push(c.conceptId, c.sourceConceptId);
  for (const d of catalog.drugs) ids.push(d.conceptId, d.ingredientConceptId, ...d.indicationConceptIds);
  for (const m of catalog.measurements)
    ids.push(m.conceptId, m.unitConceptId, ...(m.forConditionConceptIds ?? []));
  for (const p of catalog.procedures) ids.push(p.conceptId);
  for (const s of catalog.specialties) ids.push(s.omopConceptId);
  ids.push(...Object.values(catalog.visitConcepts), ...Object.values(catalog.genderConcepts));
  ids.push(...Object.values(catalog.languageConcepts));
  ids.push(
    ...catalog.raceConcepts.map((r) => r.conceptId),
    ...catalog.ethnicityConcepts.map((e) => e.conceptId),
  );
  ids.push(
    catalog.visitTypeConceptId,
    catalog.conditionTypeConceptId,
    catalog.drugTypeConceptId,
    catalog.measurementTypeConceptId,
    catalog.procedureTypeConceptId,
    catalog.observationTypeConceptId,
    catalog.periodTypeConceptId,
  );
  return ids;
}

export async function curateVocabulary(datasetsDirectory: string): Promise<void> {
  const syntheaZip = path.join(datasetsDirectory, 'omop-synthea27nj-cdm54.zip');
  const gibleedDirectory = path.join(datasetsDirectory, 'eunomia-gibleed-cdm53');
  const synthea = await readZipEntries(syntheaZip, new Set(['CONCEPT.csv', 'CONCEPT_RELATIONSHIP.csv']));
  const readGibleed = (name: string) => parseCsv(readFileSync(path.join(gibleedDirectory, name), 'utf8'));

  // 1. Source concepts: Synthea (vocabulary release 2022) wins over GiBleed (older release).
  const sourceConcepts = new Map<number, ConceptRow>();
  for (const row of readGibleed('CONCEPT.csv')) sourceConcepts.set(Number(row.concept_id), toConceptRow(row));
  for (const row of parseCsv(synthea.get('CONCEPT.csv') ?? ''))
    sourceConcepts.set(Number(row.concept_id), toConceptRow(row));

  // 2. Hand-written concepts.
  const handRows: ConceptRow[] = [
    ...referencedConcepts.map(handConceptRow),
    ...localConcepts.map(handConceptRow),
    ...icd10cmCodes.map((icd) =>
      handConceptRow({
        conceptId: icd.conceptId,
        name: icd.name,
        domainId: 'Condition',
        vocabularyId: 'ICD10CM',
        conceptClassId: icdConceptClass(icd.code),
        standardConcept: '',
        conceptCode: icd.code,
      }),
    ),
    ...atcClasses.map((atc) => {
      const conceptClassId = atcLevelClass[atc.code.length];
      if (!conceptClassId) throw new Error(`bad ATC code ${atc.code}`);
      return handConceptRow({
        conceptId: atc.conceptId,
        name: atc.name,
        domainId: 'Drug',
        vocabularyId: 'ATC',
        conceptClassId,
        standardConcept: 'C',
        conceptCode: atc.code,
      });
    }),
  ];
  for (const row of handRows) {
    if (sourceConcepts.has(row.concept_id))
      throw new Error(`hand concept ${row.concept_id} collides with a source concept`);
  }

  // 3. Selection: catalog seeds, extras, hand edges' endpoints, every standard condition of the sources,
  //    then named 'Is a' parents (transitively) and named non-standard concepts that map into the set.
  const syntheaRelationships = parseCsv(synthea.get('CONCEPT_RELATIONSHIP.csv') ?? '');
  const gibleedRelationships = readGibleed('CONCEPT_RELATIONSHIP.csv');
  const allSourceRelationships = [...syntheaRelationships, ...gibleedRelationships];
  const selected = new Set<number>([...catalogSeeds(), ...extraSeeds, ...handRows.map((r) => r.concept_id)]);
  for (const [child, parent] of [...handIsA, ...drugIngredients]) selected.add(child).add(parent);
  for (const concept of sourceConcepts.values()) {
    if (concept.domain_id === 'Condition' && concept.standard_concept === 'S')
      selected.add(concept.concept_id);
  }
  const parentsOf = new Map<number, number[]>();
  for (const rel of allSourceRelationships) {
    if (rel.relationship_id !== 'Is a') continue;
    const child = Number(rel.concept_id_1);
    const parent = Number(rel.concept_id_2);
    if (!sourceConcepts.has(parent)) continue;
    parentsOf.set(child, [...(parentsOf.get(child) ?? []), parent]);
  }
  const queue = [...selected];
  while (queue.length > 0) {
    const id = queue.pop() as number;
    for (const parent of parentsOf.get(id) ?? []) {
      if (!selected.has(parent)) {
        selected.add(parent);
        queue.push(parent);
      }
    }
  }
  for (const rel of allSourceRelationships) {
    if (rel.relationship_id !== 'Maps to') continue;
    const from = Number(rel.concept_id_1);
    const concept = sourceConcepts.get(from);
    if (concept && concept.standard_concept === '' && selected.has(Number(rel.concept_id_2))) {
      if (['SNOMED', 'ICD10CM', 'LOINC', 'RxNorm'].includes(concept.vocabulary_id)) selected.add(from);
    }
  }

  const concepts = new Map<number, ConceptRow>();
  for (const id of selected) {
    const row = sourceConcepts.get(id) ?? handRows.find((r) => r.concept_id === id);
    if (!row) throw new Error(`selected concept ${id} has no row in the sources nor in local-additions.ts`);
    concepts.set(id, row);
  }
  const isStandardOrClassification = (id: number) => {
    const s = concepts.get(id)?.standard_concept;
    return s === 'S' || s === 'C';
  };

  // 4. Relationships: source rows among bundled concepts, plus hand-written facts (each with reverse).
  const relationships = new Map<string, RelationshipRow>();
  const addRelationship = (row: RelationshipRow) => {
    if (!concepts.has(row.concept_id_1) || !concepts.has(row.concept_id_2)) return;
    relationships.set(`${row.concept_id_1}|${row.concept_id_2}|${row.relationship_id}`, row);
  };
  for (const rel of allSourceRelationships) {
    if (!keptRelationships.has(rel.relationship_id ?? '')) continue;
    addRelationship({
      concept_id_1: Number(rel.concept_id_1),
      concept_id_2: Number(rel.concept_id_2),
      relationship_id: rel.relationship_id ?? '',
      valid_start_date: athenaDate(rel.valid_start_date),
      valid_end_date: athenaDate(rel.valid_end_date),
      invalid_reason: rel.invalid_reason ?? '',
    });
  }
  const addPair = (a: number, b: number, forward: string, backward: string) => {
    for (const [x, y, id] of [
      [a, b, forward],
      [b, a, backward],
    ] as const) {
      const key = `${x}|${y}|${id}`;
      if (!relationships.has(key)) {
        addRelationship({
          concept_id_1: x,
          concept_id_2: y,
          relationship_id: id,
          valid_start_date: LOCAL_START,
          valid_end_date: LOCAL_END,
          invalid_reason: '',
        });
      }
    }
  };
  for (const icd of icd10cmCodes) addPair(icd.conceptId, icd.mapsTo, 'Maps to', 'Mapped from');
  for (const [child, parent] of handIsA) addPair(child, parent, 'Is a', 'Subsumes');
  for (const [drug, ingredient] of drugIngredients)
    addPair(drug, ingredient, 'RxNorm has ing', 'RxNorm ing of');
  const atcByCode = new Map(atcClasses.map((atc) => [atc.code, atc]));
  for (const atc of atcClasses) {
    const parentCode = atcParentCode(atc.code);
    if (parentCode) {
      const parent = atcByCode.get(parentCode);
      if (!parent) throw new Error(`ATC ${atc.code}: parent ${parentCode} missing`);
      addPair(atc.conceptId, parent.conceptId, 'Is a', 'Subsumes');
    }
    for (const ingredient of atc.ingredients ?? [])
      addPair(atc.conceptId, ingredient, 'ATC - RxNorm', 'RxNorm - ATC');
  }
  // Standard concepts map to themselves (Athena convention); add the missing self 'Maps to' rows.
  for (const concept of concepts.values()) {
    if (concept.standard_concept === 'S')
      addPair(concept.concept_id, concept.concept_id, 'Maps to', 'Mapped from');
  }

  // 5. Ancestors: GiBleed's real rows among bundled standard concepts, then the closure of direct edges
  //    ('Is a', drug → ingredient, ingredient → ATC) combined with those rows.
  const gibleedAncestors = new Map<string, [number, number]>();
  for (const row of readGibleed('CONCEPT_ANCESTOR.csv')) {
    const a = Number(row.ancestor_concept_id);
    const d = Number(row.descendant_concept_id);
    if (a === d || !isStandardOrClassification(a) || !isStandardOrClassification(d)) continue;
    gibleedAncestors.set(`${a}|${d}`, [
      Number(row.min_levels_of_separation),
      Number(row.max_levels_of_separation),
    ]);
  }
  const edges = new Map<number, Map<number, [number, number]>>();
  const addEdge = (descendant: number, ancestor: number, levels: [number, number]) => {
    if (
      descendant === ancestor ||
      !isStandardOrClassification(descendant) ||
      !isStandardOrClassification(ancestor)
    )
      return;
    const map = edges.get(descendant) ?? new Map<number, [number, number]>();
    map.set(ancestor, levels);
    edges.set(descendant, map);
  };
  for (const rel of relationships.values()) {
    const { concept_id_1: from, concept_id_2: to, relationship_id: id } = rel;
    if (id === 'Is a' || id === 'RxNorm has ing' || id === 'RxNorm - ATC') {
      if (!gibleedAncestors.has(`${to}|${from}`)) addEdge(from, to, [1, 1]);
    }
  }
  for (const [key, levels] of gibleedAncestors) {
    const [a, d] = key.split('|').map(Number) as [number, number];
    addEdge(d, a, levels);
  }
  const closure = new Map<number, Map<number, [number, number]>>();
  const visiting = new Set<number>();
  const ancestorsOf = (id: number): Map<number, [number, number]> => {
    const known = closure.get(id);
    if (known) return known;
    if (visiting.has(id)) throw new Error(`cycle in hierarchy at ${id}`);
    visiting.add(id);
    const result = new Map<number, [number, number]>([[id, [0, 0]]]);
    for (const [parent, [edgeMin, edgeMax]] of edges.get(id) ?? []) {
      for (const [ancestor, [min, max]] of ancestorsOf(parent)) {
        const current = result.get(ancestor);
        const candidate: [number, number] = [min + edgeMin, max + edgeMax];
        result.set(
          ancestor,
          current ? [Math.min(current[0], candidate[0]), Math.max(current[1], candidate[1])] : candidate,
        );
      }
    }
    visiting.delete(id);
    closure.set(id, result);
    return result;
  };
  const ancestorRows: [number, number, number, number][] = [];
  for (const id of concepts.keys()) {
    if (!isStandardOrClassification(id) || id === 0) continue;
    for (const [ancestor, [min, max]] of ancestorsOf(id)) ancestorRows.push([ancestor, id, min, max]);
  }

  // 6. Synonyms.
  const synonyms = new Map<string, [number, string, number]>();
  const addSynonym = (id: number, name: string, language: number) => {
    if (!concepts.has(id)) throw new Error(`synonym for unbundled concept ${id}`);
    const cleaned = clean(name);
    synonyms.set(`${id}|${cleaned}|${language}`, [id, cleaned, language]);
  };
  for (const row of readGibleed('CONCEPT_SYNONYM.csv')) {
    const id = Number(row.concept_id);
    if (concepts.has(id)) addSynonym(id, row.concept_synonym_name ?? '', Number(row.language_concept_id));
  }
  for (const [id, name] of englishSynonyms) addSynonym(id, name, englishLanguageConceptId);
  for (const [id, name] of frenchSynonyms) addSynonym(id, name, frenchLanguageConceptId);

  // 7. Metadata tables, restricted to what the bundled rows use. Metadata concept ids are kept only
  //    when that concept is bundled (else 0), so every *_concept_id resolves inside CONCEPT.
  const metadataId = (value: string | undefined) => (concepts.has(Number(value)) ? Number(value) : 0);
  const usedVocabularies = new Set([...concepts.values()].map((c) => c.vocabulary_id));
  const usedDomains = new Set([...concepts.values()].map((c) => c.domain_id));
  const usedClasses = new Set([...concepts.values()].map((c) => c.concept_class_id));
  const usedRelationships = new Set([...relationships.values()].map((r) => r.relationship_id));
  const gibleedVocabularies = new Map(readGibleed('VOCABULARY.csv').map((r) => [r.vocabulary_id ?? '', r]));
  const gibleedDomains = new Map(readGibleed('DOMAIN.csv').map((r) => [r.domain_id ?? '', r]));
  const gibleedRelationshipTypes = new Map(
    readGibleed('RELATIONSHIP.csv').map((r) => [r.relationship_id ?? '', r]),
  );
  const fallbackVocabularyNames: Record<string, [string, string]> = {
    'Medicare Specialty': [
      'Medicare provider/supplier specialty codes (CMS)',
      'https://www.cms.gov/Medicare/Provider-Enrollment-and-Certification',
    ],
    ATC: ['WHO Anatomic Therapeutic Chemical Classification', 'http://www.whocc.no/atc_ddd_index/'],
    Race: [
      'Race and Ethnicity Code Set (USBC)',
      'http://www.cdc.gov/nchs/data/dvs/Race_Ethnicity_CodeSet.pdf',
    ],
    Ethnicity: ['OMOP Ethnicity', 'OMOP generated'],
    Gender: ['OMOP Gender', 'OMOP generated'],
    Visit: ['OMOP Visit', 'OMOP generated'],
  };
  const sourceVersion = 'v5.0 09-APR-22 (subset)';
  const vocabularyRows = [...usedVocabularies].sort().map((id) => {
    if (id === haleVocabulary.vocabularyId) {
      return [
        id,
        haleVocabulary.vocabularyName,
        haleVocabulary.vocabularyReference,
        haleVocabulary.vocabularyVersion,
        0,
      ];
    }
    const source = gibleedVocabularies.get(id);
    const fallback = fallbackVocabularyNames[id];
    const name = clean(source?.vocabulary_name || fallback?.[0] || id);
    const reference = clean(source?.vocabulary_reference || fallback?.[1] || 'OMOP generated');
    return [id, name, reference, sourceVersion, metadataId(source?.vocabulary_concept_id)];
  });
  const fallbackDomainNames: Record<string, string> = { Provider: 'Provider', Language: 'Language' };
  const domainRows = [...usedDomains].sort().map((id) => {
    const source = gibleedDomains.get(id);
    return [
      id,
      clean(source?.domain_name || fallbackDomainNames[id] || id),
      metadataId(source?.domain_concept_id),
    ];
  });
  const classRows = [...usedClasses].sort().map((id) => [id, id, 0]);
  for (const id of usedRelationships) {
    const reverse = gibleedRelationshipTypes.get(id)?.reverse_relationship_id;
    if (!reverse) throw new Error(`relationship ${id} unknown to GiBleed RELATIONSHIP.csv`);
    usedRelationships.add(reverse);
  }
  const relationshipRows = [...usedRelationships].sort().map((id) => {
    const source = gibleedRelationshipTypes.get(id) as Row;
    return [
      id,
      clean(source.relationship_name ?? id),
      source.is_hierarchical ?? '0',
      source.defines_ancestry ?? '0',
      source.reverse_relationship_id ?? '',
      metadataId(source.relationship_concept_id),
    ];
  });

  // 8. Write.
  mkdirSync(outputDirectory, { recursive: true });
  const counts: Record<string, number> = {};
  counts['CONCEPT.csv'] = writeTable(
    'CONCEPT.csv',
    [
      'concept_id',
      'concept_name',
      'domain_id',
      'vocabulary_id',
      'concept_class_id',
      'standard_concept',
      'concept_code',
      'valid_start_date',
      'valid_end_date',
      'invalid_reason',
    ],
    [...concepts.values()]
      .sort((a, b) => a.concept_id - b.concept_id)
      .map((c) => [
        c.concept_id,
        c.concept_name,
        c.domain_id,
        c.vocabulary_id,
        c.concept_class_id,
        c.standard_concept,
        c.concept_code,
        c.valid_start_date,
        c.valid_end_date,
        c.invalid_reason,
      ]),
  );
  counts['CONCEPT_RELATIONSHIP.csv'] = writeTable(
    'CONCEPT_RELATIONSHIP.csv',
    [
      'concept_id_1',
      'concept_id_2',
      'relationship_id',
      'valid_start_date',
      'valid_end_date',
      'invalid_reason',
    ],
    [...relationships.values()]
      .sort(
        (a, b) =>
          compareNumbers([a.concept_id_1, b.concept_id_1], [a.concept_id_2, b.concept_id_2]) ||
          a.relationship_id.localeCompare(b.relationship_id),
      )
      .map((r) => [
        r.concept_id_1,
        r.concept_id_2,
        r.relationship_id,
        r.valid_start_date,
        r.valid_end_date,
        r.invalid_reason,
      ]),
  );
  counts['CONCEPT_ANCESTOR.csv'] = writeTable(
    'CONCEPT_ANCESTOR.csv',
    ['ancestor_concept_id', 'descendant_concept_id', 'min_levels_of_separation', 'max_levels_of_separation'],
    ancestorRows.sort((a, b) => compareNumbers([a[0], b[0]], [a[1], b[1]])),
  );
  counts['CONCEPT_SYNONYM.csv'] = writeTable(
    'CONCEPT_SYNONYM.csv',
    ['concept_id', 'concept_synonym_name', 'language_concept_id'],
    [...synonyms.values()].sort(
      (a, b) => compareNumbers([a[0], b[0]], [a[2], b[2]]) || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0),
    ),
  );
  counts['VOCABULARY.csv'] = writeTable(
    'VOCABULARY.csv',
    [
      'vocabulary_id',
      'vocabulary_name',
      'vocabulary_reference',
      'vocabulary_version',
      'vocabulary_concept_id',
    ],
    vocabularyRows,
  );
  counts['DOMAIN.csv'] = writeTable(
    'DOMAIN.csv',
    ['domain_id', 'domain_name', 'domain_concept_id'],
    domainRows,
  );
  counts['CONCEPT_CLASS.csv'] = writeTable(
    'CONCEPT_CLASS.csv',
    ['concept_class_id', 'concept_class_name', 'concept_class_concept_id'],
    classRows,
  );
  counts['RELATIONSHIP.csv'] = writeTable(
    'RELATIONSHIP.csv',
    [
      'relationship_id',
      'relationship_name',
      'is_hierarchical',
      'defines_ancestry',
      'reverse_relationship_id',
      'relationship_concept_id',
    ],
    relationshipRows,
  );
  for (const [file, count] of Object.entries(counts))
    console.log(`${file.padEnd(26)} ${String(count).padStart(7)} rows`);
}

const isMain =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const datasetsDirectory = path.resolve(process.argv[2] ?? path.join(projectRoot, '../shared/datasets'));
  if (!existsSync(path.join(datasetsDirectory, 'omop-synthea27nj-cdm54.zip'))) {
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
