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
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as catalog from '../clinical-catalog.js';

type Table = { header: string[]; rows: string[][] };

function readTable(directory: string, name: string): Table {
  const lines = readFileSync(path.join(directory, name), 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = (lines.shift() ?? '').split('\t');
  return { header, rows: lines.map((line) => line.split('\t')) };
}

/** Returns a list of problems (empty when everything is consistent). */
export function checkVocabulary(dataDirectory: string): string[] {
  const problems: string[] = [];
  const concept = readTable(dataDirectory, 'CONCEPT.csv');
  const byId = new Map<
    number,
    { name: string; domain: string; vocabulary: string; conceptClass: string; standard: string; code: string }
  >();
  for (const row of concept.rows) {
    if (row.length !== concept.header.length) problems.push(`CONCEPT.csv: bad row ${row.join('|')}`);
    const [id, name, domain, vocabulary, conceptClass, standard, code, start, end] = row;
    if (!/^\d{8}$/.test(start ?? '') || !/^\d{8}$/.test(end ?? '')) problems.push(`CONCEPT ${id}: bad dates`);
    byId.set(Number(id), {
      name: name ?? '',
      domain: domain ?? '',
      vocabulary: vocabulary ?? '',
      conceptClass: conceptClass ?? '',
      standard: standard ?? '',
      code: code ?? '',
    });
  }
  const requireConcept = (id: number, where: string, domain?: string) => {
    const found = byId.get(id);
    if (!found) problems.push(`${where}: concept ${id} not in CONCEPT.csv`);
    else if (domain && found.domain !== domain)
      problems.push(`${where}: concept ${id} (${found.name}) has domain ${found.domain}, expected ${domain}`);
    return found;
  };

  // Relationship, ancestor and synonym foreign keys.
  const relationship = readTable(dataDirectory, 'CONCEPT_RELATIONSHIP.csv');
  const relationshipKeys = new Set<string>();
  for (const row of relationship.rows) {
    requireConcept(Number(row[0]), 'CONCEPT_RELATIONSHIP');
    requireConcept(Number(row[1]), 'CONCEPT_RELATIONSHIP');
    relationshipKeys.add(`${row[0]}|${row[1]}|${row[2]}`);
  }
  for (const key of relationshipKeys) {
    const [a, b, id] = key.split('|');
    const reverse = {
      'Maps to': 'Mapped from',
      'Is a': 'Subsumes',
      'RxNorm has ing': 'RxNorm ing of',
      'ATC - RxNorm': 'RxNorm - ATC',
    }[id ?? ''];
    if (reverse && !relationshipKeys.has(`${b}|${a}|${reverse}`))
      problems.push(`CONCEPT_RELATIONSHIP: ${key} has no reverse row`);
  }
  const ancestor = readTable(dataDirectory, 'CONCEPT_ANCESTOR.csv');
  const ancestorKeys = new Set<string>();
  for (const row of ancestor.rows) {
    requireConcept(Number(row[0]), 'CONCEPT_ANCESTOR');
    requireConcept(Number(row[1]), 'CONCEPT_ANCESTOR');
    if (Number(row[2]) > Number(row[3])) problems.push(`CONCEPT_ANCESTOR ${row.join('|')}: min > max`);
    ancestorKeys.add(`${row[0]}|${row[1]}`);
  }
  const synonym = readTable(dataDirectory, 'CONCEPT_SYNONYM.csv');
  for (const row of synonym.rows) {
    requireConcept(Number(row[0]), 'CONCEPT_SYNONYM');
    requireConcept(Number(row[2]), 'CONCEPT_SYNONYM language');
  }

  // Metadata coverage.
  const ids = (name: string) => new Set(readTable(dataDirectory, name).rows.map((r) => r[0]));
  const vocabularies = ids('VOCABULARY.csv');
  const domains = ids('DOMAIN.csv');
  const classes = ids('CONCEPT_CLASS.csv');
  const relationshipTypes = ids('RELATIONSHIP.csv');
  for (const [id, c] of byId) {
    if (!vocabularies.has(c.vocabulary))
      problems.push(`CONCEPT ${id}: vocabulary ${c.vocabulary} missing from VOCABULARY.csv`);
    if (!domains.has(c.domain)) problems.push(`CONCEPT ${id}: domain ${c.domain} missing from DOMAIN.csv`);
    if (!classes.has(c.conceptClass))
      problems.push(`CONCEPT ${id}: class ${c.conceptClass} missing from CONCEPT_CLASS.csv`);
    if (id >= 2_000_000_000 && !['Hale', 'SNOMED', 'ICD10CM', 'ATC', 'RxNorm'].includes(c.vocabulary))
      problems.push(`local concept ${id} in ${c.vocabulary}`);
  }
  for (const key of relationshipKeys) {
    const id = key.split('|')[2] ?? '';
    if (!relationshipTypes.has(id)) problems.push(`relationship ${id} missing from RELATIONSHIP.csv`);
  }
  for (const [name, table] of [
    ['VOCABULARY.csv', 4],
    ['DOMAIN.csv', 2],
    ['CONCEPT_CLASS.csv', 2],
    ['RELATIONSHIP.csv', 5],
  ] as const) {
    for (const row of readTable(dataDirectory, name).rows)
      requireConcept(Number(row[table]), `${name} ${row[0]}`);
  }

  // Catalog.
  for (const c of catalog.conditions) {
    const found = requireConcept(c.conceptId, `condition ${c.name}`, 'Condition');
    if (found && found.standard !== 'S') problems.push(`condition ${c.name}: ${c.conceptId} is not standard`);
    if (found && found.name !== c.name)
      problems.push(`condition ${c.conceptId}: name '${c.name}' differs from '${found.name}'`);
    if (c.sourceConceptId !== 0) {
      const source = requireConcept(c.sourceConceptId, `condition ${c.name} source`, 'Condition');
      if (source && source.code !== c.sourceValue)
        problems.push(`condition ${c.name}: sourceValue ${c.sourceValue} != code ${source.code}`);
      if (!relationshipKeys.has(`${c.sourceConceptId}|${c.conceptId}|Maps to`))
        problems.push(`condition ${c.name}: ${c.sourceValue} does not 'Maps to' ${c.conceptId}`);
    } else if (found && found.code !== c.sourceValue) {
      problems.push(`condition ${c.name}: sourceValue ${c.sourceValue} != SNOMED code ${found.code}`);
    }
  }
  for (const d of catalog.drugs) {
    const found = requireConcept(d.conceptId, `drug ${d.name}`, 'Drug');
    if (found && found.name !== d.name)
      problems.push(`drug ${d.conceptId}: name '${d.name}' differs from '${found.name}'`);
    if (found && found.standard !== 'S') problems.push(`drug ${d.name}: not standard`);
    requireConcept(d.ingredientConceptId, `drug ${d.name} ingredient`, 'Drug');
    if (!ancestorKeys.has(`${d.ingredientConceptId}|${d.conceptId}`))
      problems.push(`drug ${d.name}: ingredient is not an ancestor`);
    for (const id of d.indicationConceptIds) requireConcept(id, `drug ${d.name} indication`, 'Condition');
  }
  for (const m of catalog.measurements) {
    const found = requireConcept(m.conceptId, `measurement ${m.name}`, 'Measurement');
    if (found && found.name !== m.name)
      problems.push(`measurement ${m.conceptId}: name '${m.name}' differs from '${found.name}'`);
    if (found && found.standard !== 'S') problems.push(`measurement ${m.name}: not standard`);
    requireConcept(m.unitConceptId, `measurement ${m.name} unit`, 'Unit');
    for (const id of m.forConditionConceptIds ?? [])
      requireConcept(id, `measurement ${m.name} condition`, 'Condition');
    if (!(m.minimum <= m.mean && m.mean <= m.maximum))
      problems.push(`measurement ${m.name}: mean outside range`);
  }
  for (const p of catalog.procedures) {
    const found = requireConcept(p.conceptId, `procedure ${p.name}`, 'Procedure');
    if (found && found.name !== p.name)
      problems.push(`procedure ${p.conceptId}: name '${p.name}' differs from '${found.name}'`);
  }
  let shareTotal = 0;
  for (const s of catalog.specialties) {
    requireConcept(s.omopConceptId, `specialty ${s.key}`, 'Provider');
    shareTotal += s.share;
  }
  if (Math.abs(shareTotal - 1) > 1e-9) problems.push(`specialty shares sum to ${shareTotal}`);
  for (const id of Object.values(catalog.visitConcepts)) requireConcept(id, 'visit concept', 'Visit');
  for (const id of Object.values(catalog.genderConcepts)) requireConcept(id, 'gender concept', 'Gender');
  for (const id of Object.values(catalog.languageConcepts))
    requireConcept(id, 'language concept', 'Language');
  for (const r of catalog.raceConcepts)
    requireConcept(r.conceptId, 'race concept', r.conceptId === 0 ? 'Metadata' : 'Race');
  for (const e of catalog.ethnicityConcepts) requireConcept(e.conceptId, 'ethnicity concept', 'Ethnicity');
  for (const id of [
    catalog.visitTypeConceptId,
    catalog.conditionTypeConceptId,
    catalog.drugTypeConceptId,
    catalog.measurementTypeConceptId,
    catalog.procedureTypeConceptId,
    catalog.observationTypeConceptId,
    catalog.periodTypeConceptId,
  ]) {
    requireConcept(id, 'type concept', 'Type Concept');
  }
  for (const shares of [catalog.raceConcepts, catalog.ethnicityConcepts]) {
    const total = shares.reduce((sum, s) => sum + s.share, 0);
    if (Math.abs(total - 1) > 1e-9) problems.push(`shares sum to ${total}`);
  }
  return problems;
}

const isMain =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dataDirectory = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');
  const problems = checkVocabulary(dataDirectory);
  for (const problem of problems) console.error(problem);
  console.log(
    problems.length === 0 ? 'vocabulary and catalog are consistent' : `${problems.length} problem(s)`,
  );
  if (problems.length > 0) process.exitCode = 1;
}
