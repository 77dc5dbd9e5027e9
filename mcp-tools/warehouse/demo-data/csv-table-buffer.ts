/** A value the demo generator writes: null becomes SQL NULL. */
export type CellValue = string | number | null;

const chunkCharacters = 1 << 20;

function encodeCell(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // COPY's CSV format reads an unquoted empty field as NULL, so an empty string must be quoted.
  if (value === '' || /[",\n\r]/.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

/**
 * Rows of one table encoded as COPY-ready CSV, kept as ~1 MB chunks: the generator produces rows far
 * faster than the database takes them, and chunking keeps strings small enough for the drivers.
 */
export class CsvTableBuffer {
  readonly table: string;
  readonly columns: readonly string[];
  readonly chunks: string[] = [];
  #current: string[] = [];
  #currentCharacters = 0;
  #rowCount = 0;

  constructor(table: string, columns: readonly string[]) {
    this.table = table;
    this.columns = columns;
  }

  get rowCount(): number {
    return this.#rowCount;
  }

  /** Appends one row; values follow `columns` order. */
  add(values: readonly CellValue[]): void {
    if (values.length !== this.columns.length) {
      throw new Error(`${this.table}: expected ${this.columns.length} values, got ${values.length}`);
    }
    const line = `${values.map(encodeCell).join(',')}\n`;
    this.#current.push(line);
    this.#currentCharacters += line.length;
    this.#rowCount++;
    if (this.#currentCharacters >= chunkCharacters) this.#flush();
  }

  /** Appends one row given by column name; absent columns are NULL. */
  addRecord(record: Readonly<Record<string, CellValue | undefined>>): void {
    this.add(this.columns.map((column) => record[column] ?? null));
  }

  /** Finishes the last chunk; call once before loading. */
  finish(): this {
    this.#flush();
    return this;
  }

  #flush(): void {
    if (this.#current.length === 0) return;
    this.chunks.push(this.#current.join(''));
    this.#current = [];
    this.#currentCharacters = 0;
  }
}
