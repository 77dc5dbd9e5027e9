/** Stable codes for the ways an OMOP load can fail; nothing in the warehouse changes for any of them. */
export type OmopLoadErrorCode =
  | 'dataset_not_found'
  | 'unsupported_dataset'
  | 'unreadable_dataset'
  | 'no_omop_tables'
  | 'duplicate_table'
  | 'invalid_header'
  | 'invalid_row'
  | 'duplicate_key'
  | 'copy_failed';

/** Where in the dataset a failure happened, so the user can open the file at the right line. */
export interface OmopLoadErrorLocation {
  /** The file's path inside the dataset (folder or zip), as the user sees it. */
  file?: string;
  /** Physical 1-based line number in the file; the header is line 1. */
  line?: number;
  /** The column as spelled in the file's header. */
  column?: string;
}

/**
 * A load that was refused or aborted. The message reads `FILE:LINE: column X: reason` when the
 * failure is tied to a value, so it can be shown to the user as is; the transaction has rolled back.
 */
export class OmopLoadError extends Error {
  readonly code: OmopLoadErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: string | undefined;

  constructor(
    code: OmopLoadErrorCode,
    message: string,
    options: OmopLoadErrorLocation & { cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OmopLoadError';
    this.code = code;
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
  }
}

/** Formats the `FILE:LINE: column X: reason` message of a value-level failure. */
export function locatedMessage({
  file,
  line,
  column,
  reason,
}: OmopLoadErrorLocation & { reason: string }): string {
  const place = [file, line].filter((part) => part !== undefined).join(':');
  const columnPart = column === undefined ? '' : `column ${column}: `;
  return `${place}: ${columnPart}${reason}`;
}
