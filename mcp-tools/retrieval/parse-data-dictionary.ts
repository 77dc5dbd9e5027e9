import { basename } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { RetrievalError } from './retrieval-error.js';
import { everyRole, type SourceDocument } from './source-document.js';

/**
 * Header names each piece of a data dictionary may go by, compared after lower-casing and dropping
 * everything but letters and digits (`Table Name`, `table_name` and `cdmTableName` all match). The
 * `cdm*` and camel-case names are those of the OHDSI OMOP CDM field- and table-level CSVs.
 */
const headerAliases = {
  table: ['table', 'tablename', 'cdmtablename'],
  column: ['column', 'columnname', 'field', 'fieldname', 'cdmfieldname'],
  type: ['type', 'datatype', 'cdmdatatype'],
  required: ['required', 'isrequired'],
  description: ['description', 'definition', 'tabledescription'],
  userGuidance: ['userguidance'],
  etlConventions: ['etlconventions'],
  primaryKey: ['primarykey', 'isprimarykey'],
  foreignKey: ['foreignkey', 'isforeignkey'],
  foreignTable: ['fktablename', 'foreigntable'],
  foreignField: ['fkfieldname', 'foreignfield'],
  foreignDomain: ['fkdomain'],
} as const;

type Role = keyof typeof headerAliases;
type Row = { line: number; values: Partial<Record<Role, string>>; extras: [string, string][] };

const expectedHeaders =
  'a table column (table, table_name or cdmTableName) and a column column (column, column_name, field or ' +
  'cdmFieldName), optionally with description, type, required; or, for a table-level dictionary, a table ' +
  'column and a description column (description, definition or tableDescription)';

/** A CSV that is not laid out like any data dictionary this reader knows; lists what it found. */
export class UnknownDictionaryLayoutError extends RetrievalError {
  readonly headers: string[];

  constructor(file: string, headers: string[]) {
    super(
      'invalid_document',
      `${file}: not a data dictionary: found the columns ${headers.map((header) => JSON.stringify(header)).join(', ')}; expected ${expectedHeaders}`,
    );
    this.name = 'UnknownDictionaryLayoutError';
    this.headers = headers;
  }
}

/**
 * Turns a CSV data dictionary into one `data_dictionary` document per table: the table as the `#`
 * heading and, for a column-level file, one `##` section per column with its type, whether it is
 * required, its keys, description, user guidance and ETL conventions. Reads the OMOP CDM field- and
 * table-level CSVs (where `NA` means empty) and a team's own CSV with headers such as `table`,
 * `column`, `description`, `type`; other columns are kept as `name: value` lines. `file` is the
 * name relative to the ingested folder and makes the key (`<file>#<table>`); `source` is shown to
 * readers and named in errors. Throws `UnknownDictionaryLayoutError` for an unknown layout and
 * `RetrievalError('invalid_document')` for malformed CSV, an empty file or a row without a table.
 */
export function parseDataDictionary(
  text: string,
  {
    file,
    source = file,
    allowedRoles = [everyRole],
    tags = [],
  }: { file: string; source?: string; allowedRoles?: string[]; tags?: string[] },
): SourceDocument[] {
  // The header alone decides the layout, so a large data extract is turned away without parsing it.
  const [header] = readRecords(text, source, 1);
  if (!header) throw new RetrievalError('invalid_document', `${source}: the file is empty`);
  const roleOfColumn = assignRoles(header.fields);
  const roles = new Set(roleOfColumn);
  const layout = roles.has('column')
    ? 'column'
    : roles.has('description') || roles.has('userGuidance') || roles.has('etlConventions')
      ? 'table'
      : undefined;
  if (!roles.has('table') || !layout) throw new UnknownDictionaryLayoutError(source, header.fields);
  const records = readRecords(text, source).slice(1);
  if (records.length === 0)
    throw new RetrievalError(
      'invalid_document',
      `${source}: no rows after the header on line ${header.line}`,
    );

  const tables = new Map<string, Row[]>();
  for (const record of records) {
    const row: Row = { line: record.line, values: {}, extras: [] };
    record.fields.forEach((field, index) => {
      const value = cleanValue(field);
      const role = roleOfColumn[index];
      const name = header.fields[index]?.trim();
      if (value === undefined) return;
      if (role) row.values[role] = value;
      else if (name) row.extras.push([name, value]);
    });
    const table = row.values.table;
    if (!table) throw new RetrievalError('invalid_document', `${source}: line ${row.line} has no table name`);
    if (layout === 'column' && !row.values.column)
      throw new RetrievalError('invalid_document', `${source}: line ${row.line} has no column name`);
    const rows = tables.get(table);
    if (rows) rows.push(row);
    else tables.set(table, [row]);
  }

  return [...tables].map(([table, rows]) => ({
    key: `${file}#${table}`,
    sourceType: 'data_dictionary',
    title: `Data dictionary: ${table} (${basename(file)})`,
    content: layout === 'column' ? renderColumns(table, rows, file) : renderTable(table, rows),
    tags: [...new Set(['data-dictionary', table, ...tags])],
    allowedRoles,
    source,
  }));
}

/** Parses the CSV into records that know the file line they start on. */
function readRecords(text: string, source: string, limit?: number): { line: number; fields: string[] }[] {
  // Parsing bytes lets the byte offsets csv-parse reports be turned into line numbers; its own
  // line counter double-counts CRLF line breaks inside quoted fields, which the OMOP files have.
  const bytes = Buffer.from(text.replace(/^\uFEFF/, ''), 'utf8');
  let parsed: { record: string[]; info: { bytes: number } }[];
  try {
    // The typings do not model `info: true`, which wraps each record with its position.
    parsed = parse(bytes, {
      delimiter: guessDelimiter(text),
      info: true,
      skip_empty_lines: true,
      // Spreadsheets export blank trailing rows as `,,,`.
      skip_records_with_empty_values: true,
      to: limit ?? -1,
    }) as unknown as typeof parsed;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new RetrievalError('invalid_document', `${source}: not a valid CSV: ${error.message}`, {
      cause: error,
    });
  }
  let offset = 0;
  let line = 1;
  return parsed.map(({ record, info }) => {
    // Skip the blank lines between the previous record and this one, then count the lines it ends.
    let start = offset;
    while (bytes[start] === 0x0a || bytes[start] === 0x0d) start++;
    line += countNewlines(bytes, offset, start);
    const startLine = line;
    line += countNewlines(bytes, start, info.bytes);
    offset = info.bytes;
    return { line: startLine, fields: record };
  });
}

function countNewlines(bytes: Buffer, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) if (bytes[index] === 0x0a) count++;
  return count;
}

/** Commas unless the header line uses semicolons (spreadsheets in many locales) or tabs more. */
function guessDelimiter(text: string): string {
  const headerLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const counts = [',', ';', '\t'].map((delimiter) => ({
    delimiter,
    count: headerLine.split(delimiter).length - 1,
  }));
  return counts.reduce((best, candidate) => (candidate.count > best.count ? candidate : best)).delimiter;
}

/** The role of each column, by position; the first column claiming a role wins. */
function assignRoles(headers: string[]): (Role | undefined)[] {
  const claimed = new Set<Role>();
  return headers.map((header) => {
    const normalized = header.toLowerCase().replace(/[^a-z0-9]/g, '');
    const role = (Object.keys(headerAliases) as Role[]).find((candidate) =>
      (headerAliases[candidate] as readonly string[]).includes(normalized),
    );
    // A second `description` column, say, is kept as an ordinary `name: value` line.
    if (!role || claimed.has(role)) return undefined;
    claimed.add(role);
    return role;
  });
}

/** Blank and `NA` (OMOP's empty) become absent; HTML line breaks and CRLF become newlines. */
function cleanValue(field: string): string | undefined {
  const value = field
    .replace(/\r\n?/g, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/\n{3,}/g, '\n\n')
    // A value line starting with `#` would otherwise become a heading and split the column.
    .replace(/^(\s*)#/gm, '$1\\#')
    .trim();
  return value === '' || value === 'NA' ? undefined : value;
}

function yesNo(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/^(yes|y|true|1|x)$/i.test(value)) return 'yes';
  if (/^(no|n|false|0)$/i.test(value)) return 'no';
  return value;
}

/** OMOP writes key targets in upper case while its tables are named in lower case. */
function identifier(name: string): string {
  return name === name.toUpperCase() ? name.toLowerCase() : name;
}

function renderColumns(table: string, rows: Row[], file: string): string {
  const columns = rows.map((row) => row.values.column);
  const sections = rows.map(({ values, extras }) => {
    const foreignTarget = [values.foreignTable, values.foreignField]
      .filter((part) => part !== undefined)
      .map(identifier)
      .join('.');
    const foreignKey =
      foreignTarget !== '' ? foreignTarget : yesNo(values.foreignKey) === 'yes' ? 'yes' : undefined;
    const facts: [string, string | undefined][] = [
      ['Type', values.type],
      ['Required', yesNo(values.required)],
      ['Primary key', yesNo(values.primaryKey) === 'yes' ? 'yes' : undefined],
      [
        'Foreign key',
        foreignKey && values.foreignDomain ? `${foreignKey} (domain: ${values.foreignDomain})` : foreignKey,
      ],
      ...extras,
    ];
    return [
      `## ${values.column}`,
      facts.flatMap(([name, value]) => (value === undefined ? [] : [`- ${name}: ${value}`])).join('\n'),
      values.description,
      values.userGuidance && `User guidance: ${values.userGuidance}`,
      values.etlConventions && `ETL conventions: ${values.etlConventions}`,
    ];
  });
  return joinBlocks([
    `# ${table}`,
    `Columns of the ${table} table in the data dictionary ${basename(file)}: ${columns.join(', ')}.`,
    ...sections.flat(),
  ]);
}

function renderTable(table: string, rows: Row[]): string {
  const blocks = rows.flatMap(({ values, extras }) => {
    const facts: [string, string | undefined][] = [['Required', yesNo(values.required)], ...extras];
    return [
      values.description,
      facts.flatMap(([name, value]) => (value === undefined ? [] : [`- ${name}: ${value}`])).join('\n'),
      values.userGuidance && `## User guidance\n\n${values.userGuidance}`,
      values.etlConventions && `## ETL conventions\n\n${values.etlConventions}`,
    ];
  });
  return joinBlocks([`# ${table}`, ...blocks]);
}

function joinBlocks(blocks: (string | undefined)[]): string {
  return `${blocks.filter((block) => block !== undefined && block !== '').join('\n\n')}\n`;
}
