import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createToolRuntime } from '../bin/create-tool-runtime.js';
import { type Database, migrate, migrations, openPostgresDatabase } from '../mcp-tools/db/index.js';
import {
  createGovernedWarehouse,
  type GovernancePolicy,
  governedSchemas,
  loadGovernancePolicy,
  readWarehouseCatalog,
  resolvePrincipal,
} from '../mcp-tools/governance/index.js';
import { loadSemanticLayer } from '../mcp-tools/semantic/index.js';
import { addPrimaryKeys, createSchemaIndexes, recreateSchema } from '../mcp-tools/warehouse/index.js';
import { median, percentile, round } from './governance/timing-statistics.js';
import { withBenchWarehouse } from './governance/with-bench-warehouse.js';

const policyPath = fileURLToPath(new URL('../mcp-tools/governance/default-policies.yml', import.meta.url));

/** Searches people type: names, French names, typos, codes, single words, filtered searches. */
const bundledSearches: Record<string, unknown>[] = [
  { text: 'type 2 diabetes' },
  { text: 'diabète de type 2' },
  { text: 'diabtes mellitus' },
  { text: 'E11.9' },
  { text: 'hypertension', standardOnly: true },
  { text: 'hémoglobine glyquée' },
  { text: 'metformin', vocabularies: ['RxNorm'] },
  { text: 'asthma' },
  { text: 'fibrillation auriculaire' },
  { text: '4548-4' },
  { text: 'chronic kidney disease', domains: ['Condition'] },
  { text: 'paracetamol' },
];

/** Words of the generated vocabulary: names are three or four of them, like clinical terms. */
const words = (
  'acute chronic benign malignant primary secondary congenital acquired recurrent severe mild moderate ' +
  'disorder disease syndrome infection neoplasm carcinoma lymphoma fracture injury ulcer hemorrhage ' +
  'inflammation stenosis insufficiency failure deficiency obstruction dysplasia hyperplasia atrophy ' +
  'heart lung liver kidney brain skin bone muscle joint artery vein nerve stomach colon pancreas thyroid ' +
  'adrenal pituitary retina cornea ear nose throat spine knee hip shoulder wrist ankle femur tibia ' +
  'diabetic hypertensive ischemic viral bacterial fungal allergic autoimmune metabolic toxic traumatic ' +
  'left right bilateral upper lower anterior posterior lateral medial proximal distal ' +
  'tablet capsule injection solution oral topical extended release milligram sodium hydrochloride ' +
  'serum plasma blood urine glucose cholesterol creatinine hemoglobin platelet leukocyte albumin ' +
  'measurement panel level count ratio concentration mass volume presence'
).split(' ');

/** Syllables of made-up words: real vocabularies hold tens of thousands of distinct words. */
const syllables = 'ka lo mi ne su ta ri po ve da lu mo ni fe go ba ze ci ru xo pa te lo na vi ku'.split(' ');

/** The generated name of concept `id`, as the SQL below writes it: two clinical words and two made-up ones. */
function generatedName(id: number): string {
  const word = (index: number) => words[index % words.length] ?? '';
  const made = (seed: number) =>
    [seed, Math.floor(seed / 26), Math.floor(seed / 676)]
      .map((value) => syllables[value % syllables.length])
      .join('');
  return `${word(id * 7919)} ${made(id * 104729)} ${word(Math.floor(id / 7))} ${made(id * 31 + 17)}`;
}

/** Searches over the generated vocabulary: whole names, some of their words, a made-up word, typos, codes. */
function generatedSearches(): Record<string, unknown>[] {
  const name = (id: number) => generatedName(id).split(' ');
  return [
    { text: generatedName(123_457) },
    { text: generatedName(1_500_001) },
    { text: name(654_321).slice(0, 2).join(' ') },
    { text: name(42_001).slice(1, 3).join(' ') },
    { text: name(987_654)[1] },
    { text: name(777_777)[3], standardOnly: true },
    { text: `${name(31_415)[0]} ${name(31_415)[1]?.slice(0, -1)}` },
    { text: name(271_828).join(' ').replace(/a/, 'e') },
    { text: 'chronic kidney failure' },
    { text: 'G1234567' },
    { text: name(999_001)[1], domains: ['Condition'] },
    { text: 'diabetic retina' },
  ];
}

/** The latency of `search_concepts` calls through the registry (gate, audit and tool log included). */
async function measureSearch({
  database,
  policy,
  searches,
  rounds,
}: {
  database: Database;
  policy: GovernancePolicy;
  searches: readonly Record<string, unknown>[];
  rounds: number;
}) {
  const catalog = await readWarehouseCatalog(database, governedSchemas);
  const governed = createGovernedWarehouse({ warehouse: database, auditLog: database, policy, catalog });
  const runtime = createToolRuntime({
    governed,
    semanticLayer: await loadSemanticLayer(),
    applicationDatabase: database,
    log: () => {},
  });
  const context = {
    principal: resolvePrincipal(policy, 'alice'),
    channel: 'eval' as const,
    signal: new AbortController().signal,
    ports: runtime.ports,
  };
  const samples: number[] = [];
  const perSearch: Record<string, number[]> = {};
  for (let round_ = 0; round_ <= rounds; round_++) {
    for (const search of searches) {
      const started = performance.now();
      const result = await runtime.registry.execute('search_concepts', search, context);
      const elapsed = performance.now() - started;
      if (result.isError) throw new Error(`search ${JSON.stringify(search)} failed: ${result.text}`);
      if (round_ === 0) continue; // warm-up: plans, caches
      samples.push(elapsed);
      const key = JSON.stringify(search);
      perSearch[key] = [...(perSearch[key] ?? []), elapsed];
    }
  }
  return {
    searches: searches.length,
    rounds,
    trigram: catalog.extensionSchemas?.has('pg_trgm') ?? false,
    p50Ms: round(median(samples), 2),
    p95Ms: round(percentile(samples, 0.95), 2),
    perSearchP50Ms: Object.fromEntries(
      Object.entries(perSearch).map(([key, values]) => [key, round(median(values), 2)]),
    ),
  };
}

/**
 * Fills `vocab.concept` with `count` generated concepts (three or four clinical words, a code
 * `G<id>`) and half as many synonyms, in SQL on the server, then builds the search indexes.
 */
async function generateVocabulary(database: Database, count: number): Promise<number> {
  const started = performance.now();
  await database.transaction(async (transaction) => {
    await recreateSchema(transaction, 'vocab');
    const array = `ARRAY[${words.map((word) => `'${word}'`).join(', ')}]`;
    const n = words.length;
    const syllableArray = `ARRAY[${syllables.map((syllable) => `'${syllable}'`).join(', ')}]`;
    const m = syllables.length;
    // Three syllables from a seed, as generatedName does: 17,576 made-up words.
    const made = (seed: string) =>
      `(s[1 + (${seed}) % ${m}] || s[1 + ((${seed}) / ${m}) % ${m}] || s[1 + ((${seed}) / ${m * m}) % ${m}])`;
    await transaction.exec(`
      INSERT INTO vocab.concept (concept_id, concept_name, domain_id, vocabulary_id, concept_class_id,
                                 standard_concept, concept_code, valid_start_date, valid_end_date, invalid_reason)
      SELECT i,
             w[1 + (i::bigint * 7919) % ${n}] || ' ' || ${made('i::bigint * 104729')} || ' ' || w[1 + (i / 7) % ${n}]
               || ' ' || ${made('i::bigint * 31 + 17')},
             (ARRAY['Condition', 'Drug', 'Measurement', 'Procedure'])[1 + i % 4],
             'Generated', 'Generated', CASE WHEN i % 3 = 0 THEN 'S' END, 'G' || i,
             DATE '1970-01-01', DATE '2099-12-31', NULL
        FROM generate_series(1, ${count}) AS i, (SELECT ${array} AS w, ${syllableArray} AS s) AS words;
      INSERT INTO vocab.concept_synonym (concept_id, concept_synonym_name, language_concept_id)
      SELECT i, ${made('i::bigint * 31 + 17')} || ' ' || w[1 + (i::bigint * 7919) % ${n}], 4180186
        FROM generate_series(2, ${count}, 2) AS i, (SELECT ${array} AS w, ${syllableArray} AS s) AS words;
    `);
    // As a load does: keys after the bulk insert, then the secondary and search indexes.
    await addPrimaryKeys(transaction, 'vocab');
    await createSchemaIndexes(transaction, 'vocab');
  });
  return (performance.now() - started) / 1000;
}

/**
 * Concept search latency: on the bundled vocabulary in the embedded database (the demo warehouse),
 * and, when `serverUrl` is given, on a generated vocabulary of `generatedConcepts` concepts in a fresh
 * database of that server (dropped afterwards), with its trigram and full-text indexes.
 */
export async function benchOntology({
  serverUrl,
  generatedConcepts = 2_000_000,
}: {
  serverUrl?: string | undefined;
  generatedConcepts?: number;
}) {
  const policy = await loadGovernancePolicy({ file: policyPath, text: readFileSync(policyPath, 'utf8') });
  const bundled = await withBenchWarehouse({
    target: { kind: 'embedded' },
    scale: 0.05,
    policy,
    rolePrefix: `halebench_${randomBytes(3).toString('hex')}_`,
    work: ({ database }) => measureSearch({ database, policy, searches: bundledSearches, rounds: 20 }),
  });
  process.stderr.write(`ontology embedded: search p50 ${bundled.p50Ms} ms, p95 ${bundled.p95Ms} ms\n`);
  if (!serverUrl) return { bundled };

  const name = `hale_bench_ontology_${randomBytes(4).toString('hex')}`;
  // The server's own postgres database creates and drops the run's database; nothing else is written.
  const maintenanceUrl = new URL(serverUrl);
  maintenanceUrl.pathname = '/postgres';
  const maintenance = await openPostgresDatabase({ url: maintenanceUrl.toString(), maxConnections: 1 });
  try {
    await maintenance.exec(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = await openPostgresDatabase({ url: url.toString(), applicationName: 'hale-bench' });
    try {
      await migrate(database, migrations);
      const seconds = await generateVocabulary(database, generatedConcepts);
      process.stderr.write(
        `ontology postgres: ${generatedConcepts} concepts generated and indexed in ${seconds.toFixed(0)} s\n`,
      );
      const generated = await measureSearch({ database, policy, searches: generatedSearches(), rounds: 10 });
      process.stderr.write(
        `ontology postgres: search p50 ${generated.p50Ms} ms, p95 ${generated.p95Ms} ms\n`,
      );
      return {
        bundled,
        generated: { concepts: generatedConcepts, buildSeconds: round(seconds, 1), ...generated },
      };
    } finally {
      await database.close();
    }
  } finally {
    await maintenance.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await maintenance.close();
  }
}
