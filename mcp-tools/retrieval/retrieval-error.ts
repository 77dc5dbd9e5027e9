/** Why a retrieval operation failed; stable, so callers and tests can branch on it. */
export type RetrievalErrorCode =
  /** A file or folder to ingest cannot be read or is not a supported kind. */
  | 'unreadable_source'
  /** A document file is malformed (bad front matter, a CSV without the expected columns). */
  | 'invalid_document'
  /** The embedding endpoint failed, refused or answered vectors of the wrong shape. */
  | 'embedding_failed'
  /** The database lacks what retrieval needs (pgvector for vector search). */
  | 'retrieval_unavailable'
  /** A search or ingestion request is invalid. */
  | 'invalid_request';

/** A retrieval failure with a message safe to show to the person or model that caused it. */
export class RetrievalError extends Error {
  readonly code: RetrievalErrorCode;

  constructor(code: RetrievalErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RetrievalError';
    this.code = code;
  }
}
