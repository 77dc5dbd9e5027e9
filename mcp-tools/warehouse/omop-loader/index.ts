export { loadOmopDataset } from './load-omop-dataset.js';
export type { CdmVersion, DuplicateKeyPolicy, LoadProgress, LoadReport } from './load-report.js';
export { loadVocabularyFolder } from './load-vocabulary-folder.js';
export { OmopLoadError, type OmopLoadErrorCode } from './omop-load-error.js';
