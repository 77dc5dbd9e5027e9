export { checkDocumentRoles } from './check-document-roles.js';
export { chunkMarkdown, type DocumentChunk } from './chunk-markdown.js';
export { conceptExpansions } from './concept-expansion.js';
export { createEmbeddingProvider } from './create-embedding-provider.js';
export {
  createDocumentLibrary,
  type DocumentLibrary,
  type DocumentSearchRequest,
  type DocumentSearchResult,
} from './document-library.js';
export type { Embedder } from './embedder.js';
export {
  builtinDimension,
  builtinEmbeddingProvider,
  type EmbeddingProvider,
  fixedEmbeddingProvider,
} from './embedding-provider.js';
export { readEmbeddingSpace } from './embedding-space.js';
export { generatedDocuments } from './generated-documents.js';
export {
  chunkEmbeddingText,
  type IngestionProgress,
  type IngestionReport,
  ingestDocuments,
} from './ingest-documents.js';
export {
  acceptedProviderIdForms,
  formatProviderId,
  type ProviderId,
  type ProviderIdParse,
  parseProviderId,
} from './parse-provider-id.js';
export { expandQuery, type SynonymGroup, semanticSynonymGroups } from './query-expansion.js';
export { readDocumentFiles } from './read-document-files.js';
export { RetrievalError, type RetrievalErrorCode } from './retrieval-error.js';
export { type DocumentHit, type SearchMode, searchDocuments } from './search-documents.js';
export { retrievedTextNotice, searchDocumentsTool } from './search-documents-tool.js';
export {
  type DocumentSourceType,
  documentSourceTypes,
  everyRole,
  type SourceDocument,
} from './source-document.js';
export { parseVerifiedQueries, type VerifiedQuery, verifiedQueryDocuments } from './verified-queries.js';
