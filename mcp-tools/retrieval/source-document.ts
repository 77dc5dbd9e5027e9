/** Where a document comes from; search results can be filtered by it. */
export type DocumentSourceType =
  /** Generated from the semantic layer: one per metric. */
  | 'metric'
  /** Generated from the warehouse catalog and table descriptions: one per table. */
  | 'table'
  /** Generated from the policy: what one role may see, in plain words. */
  | 'role'
  /** A team-written markdown or text file (`docs/knowledge/`, `hale docs ingest`). */
  | 'knowledge'
  /** A verified question and the metric query that answers it. */
  | 'verified_query'
  /** A CSV data dictionary: one document per table, one section per column. */
  | 'data_dictionary';

export const documentSourceTypes = [
  'metric',
  'table',
  'role',
  'knowledge',
  'verified_query',
  'data_dictionary',
] as const satisfies readonly DocumentSourceType[];

/** Every principal may read a document whose allowed roles include this. */
export const everyRole = '*';

/**
 * A document before it is stored: what the generators and file readers produce and ingestion
 * chunks, embeds and stores.
 */
export interface SourceDocument {
  /**
   * Stable identity across ingestions, unique within its collection: `metric:no_show_rate`,
   * `table:scheduling.appointment`, `role:analyst`, `knowledge:no-show-and-cancellation.md`,
   * `verified:lyon-teleconsultation-cancellations`, `dictionary:person`. For files ingested with
   * `hale docs ingest`, the path relative to the ingested folder.
   */
  key: string;
  sourceType: DocumentSourceType;
  title: string;
  /** Markdown (plain text is valid markdown); chunked by headings. */
  content: string;
  tags: string[];
  /** Roles that may read it; `['*']` for every principal. */
  allowedRoles: string[];
  /** Shown to the reader as where the text came from (a file path, `semantic layer: scheduling.yml`). */
  source: string;
}
