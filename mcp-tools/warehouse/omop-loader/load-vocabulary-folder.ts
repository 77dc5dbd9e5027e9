import type { Transaction } from '../../db/index.js';
import { openDatasetSource } from './dataset-source.js';
import { loadDatasetPlan } from './load-dataset-plan.js';
import type { DuplicateKeyPolicy, LoadProgress, LoadReport } from './load-report.js';
import { OmopLoadError } from './omop-load-error.js';
import { planDatasetLoad } from './plan-dataset-load.js';

/**
 * Replaces the `vocab` schema with the vocabulary files of a folder (or `.zip`), inside the
 * caller's transaction: for the demo seeder's bundled Athena-format vocabulary (tab-delimited,
 * `YYYYMMDD` dates; comma files work too). It recreates `vocab`, loads, and builds the indexes, so
 * the caller need not recreate `vocab` itself; clinical files are skipped, `cdm` is untouched, and
 * `hale.warehouse_state` is left to the caller. A folder without vocabulary files is a
 * `no_omop_tables` error.
 */
export async function loadVocabularyFolder({
  transaction,
  path,
  onDuplicateKey = 'keep-rows',
  onProgress,
  signal,
}: {
  transaction: Transaction;
  path: string;
  onDuplicateKey?: DuplicateKeyPolicy;
  onProgress?: (progress: LoadProgress) => void;
  /** Aborting (Ctrl-C) rolls the whole load back. */
  signal?: AbortSignal;
}): Promise<LoadReport> {
  const source = await openDatasetSource({ path });
  try {
    const plan = planDatasetLoad({ paths: source.files.map((file) => file.path), schemas: ['vocab'] });
    if (plan.files.length === 0) {
      throw new OmopLoadError('no_omop_tables', `${path} holds no vocabulary table file (CONCEPT.csv, …)`);
    }
    return await loadDatasetPlan({ transaction, source, plan, onDuplicateKey, onProgress, signal });
  } finally {
    await source.close();
  }
}
