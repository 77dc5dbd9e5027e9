import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type CsvRow, parseCsv } from './parse-csv.js';
import { readZipEntries } from './read-zip-entries.js';

/** The Synthea27Nj CDM 5.4 archive; its presence tells whether the source datasets are available. */
export const syntheaZipFileName = 'omop-synthea27nj-cdm54.zip';

const gibleedDirectoryName = 'eunomia-gibleed-cdm53';

/** The vocabulary tables of the two source datasets, as parsed CSV rows. */
export interface SourceDatasets {
  /** Synthea27Nj: vocabulary release v5.0 09-APR-22, the newer of the two. */
  readonly synthea: { readonly concepts: CsvRow[]; readonly relationships: CsvRow[] };
  /** GiBleed: an older release, but the only one with ancestors, synonyms and metadata names. */
  readonly gibleed: {
    readonly concepts: CsvRow[];
    readonly relationships: CsvRow[];
    readonly ancestors: CsvRow[];
    readonly synonyms: CsvRow[];
    readonly vocabularies: CsvRow[];
    readonly domains: CsvRow[];
    readonly relationshipTypes: CsvRow[];
  };
}

/**
 * Reads the vocabulary tables the build uses from the Synthea27Nj zip and the GiBleed CSV folder in
 * `datasetsDirectory` (`../shared/datasets` by default). A table missing from the zip reads as empty;
 * a missing GiBleed file throws.
 */
export async function readSourceDatasets(datasetsDirectory: string): Promise<SourceDatasets> {
  const syntheaFiles = await readZipEntries(
    path.join(datasetsDirectory, syntheaZipFileName),
    new Set(['CONCEPT.csv', 'CONCEPT_RELATIONSHIP.csv']),
  );
  const readGibleed = (fileName: string) =>
    parseCsv(readFileSync(path.join(datasetsDirectory, gibleedDirectoryName, fileName), 'utf8'));
  return {
    synthea: {
      concepts: parseCsv(syntheaFiles.get('CONCEPT.csv') ?? ''),
      relationships: parseCsv(syntheaFiles.get('CONCEPT_RELATIONSHIP.csv') ?? ''),
    },
    gibleed: {
      concepts: readGibleed('CONCEPT.csv'),
      relationships: readGibleed('CONCEPT_RELATIONSHIP.csv'),
      ancestors: readGibleed('CONCEPT_ANCESTOR.csv'),
      synonyms: readGibleed('CONCEPT_SYNONYM.csv'),
      vocabularies: readGibleed('VOCABULARY.csv'),
      domains: readGibleed('DOMAIN.csv'),
      relationshipTypes: readGibleed('RELATIONSHIP.csv'),
    },
  };
}
