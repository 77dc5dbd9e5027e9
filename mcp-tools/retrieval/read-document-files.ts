import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseDataDictionary, UnknownDictionaryLayoutError } from './parse-data-dictionary.js';
import { parseFrontMatter } from './parse-front-matter.js';
import { RetrievalError, type RetrievalErrorCode } from './retrieval-error.js';
import { everyRole, type SourceDocument } from './source-document.js';

/** Larger files are skipped: no team-written document or data dictionary is this big. */
export const maxDocumentFileBytes = 5 * 1024 * 1024;

const supportedExtensions = ['.md', '.markdown', '.txt', '.csv'];

/** A file that was found but not ingested, and why, so the person ingesting can act on it. */
export interface SkippedFile {
  path: string;
  reason: string;
}

type FileOutcome = { documents: SourceDocument[] } | { code: RetrievalErrorCode; reason: string };

/**
 * Reads the documents under `path` for `hale docs ingest`: a single file, or a folder walked
 * recursively in sorted order, skipping hidden entries and `node_modules`. Markdown files become
 * knowledge documents (front matter sets title, tags and roles; otherwise the title is the first
 * `#` heading or the file name), text files knowledge documents titled by their file name, and CSV
 * files data dictionary documents, one per table. Keys are paths relative to the ingested folder
 * (the file's folder when `path` is a file), with `/` separators. In a folder, files that cannot be
 * ingested (other kinds, too large, not text, CSVs that are not data dictionaries) are returned in
 * `skipped` with the reason; a file named explicitly is ingested or fails with a `RetrievalError`.
 * Malformed front matter or a malformed data dictionary always fails, naming the file.
 */
export async function readDocumentFiles(
  path: string,
  { defaultRoles = [everyRole], tags = [] }: { defaultRoles?: string[]; tags?: string[] } = {},
): Promise<{ root: string; documents: SourceDocument[]; skipped: SkippedFile[] }> {
  const entry = await stat(path).catch((error: unknown) => {
    throw new RetrievalError('unreadable_source', `cannot read ${path}: ${describeFileError(error)}`, {
      cause: error,
    });
  });
  const documents: SourceDocument[] = [];
  const skipped: SkippedFile[] = [];

  if (!entry.isDirectory()) {
    const outcome = await readDocumentFile({ file: basename(path), source: path, defaultRoles, tags });
    if ('reason' in outcome)
      throw new RetrievalError(outcome.code, `cannot ingest ${path}: ${outcome.reason}`);
    return { root: resolve(dirname(path)), documents: outcome.documents, skipped };
  }

  const files = await listFiles(path, '', skipped);
  for (const file of files.sort()) {
    const outcome = await readDocumentFile({ file, source: join(path, file), defaultRoles, tags }).catch(
      (error: unknown) => {
        // A folder may hold data extracts next to dictionaries; only a named file must be one.
        if (error instanceof UnknownDictionaryLayoutError)
          return { code: error.code, reason: describeUnknownLayout(error.headers) };
        throw error;
      },
    );
    if ('reason' in outcome) skipped.push({ path: join(path, file), reason: outcome.reason });
    else documents.push(...outcome.documents);
  }

  const seen = new Set<string>();
  for (const document of documents) {
    if (seen.has(document.key))
      throw new RetrievalError(
        'invalid_document',
        `two documents under ${path} have the key ${document.key}`,
      );
    seen.add(document.key);
  }
  return { root: resolve(path), documents, skipped };
}

/** Relative paths (with `/`) of the files under `folder`; unreadable entries go to `skipped`. */
async function listFiles(root: string, folder: string, skipped: SkippedFile[]): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(join(root, folder), { withFileTypes: true });
  } catch (error) {
    skipped.push({ path: join(root, folder), reason: `cannot read the folder: ${describeFileError(error)}` });
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await listFiles(root, relative, skipped)));
    else if (entry.isFile()) files.push(relative);
    else if (entry.isSymbolicLink()) {
      // Links to files are followed; links to folders are not, so a link cycle cannot loop.
      const target = await stat(join(root, relative)).catch(() => undefined);
      if (target?.isFile()) files.push(relative);
      else
        skipped.push({
          path: join(root, relative),
          reason: target ? 'symbolic link to a folder (not followed)' : 'broken symbolic link',
        });
    }
  }
  return files;
}

async function readDocumentFile({
  file,
  source,
  defaultRoles,
  tags,
}: {
  file: string;
  source: string;
  defaultRoles: string[];
  tags: string[];
}): Promise<FileOutcome> {
  const extension = extname(file).toLowerCase();
  if (!supportedExtensions.includes(extension))
    return {
      code: 'unreadable_source',
      reason: `unsupported file type ${extension || '(no extension)'}; expected ${supportedExtensions.join(', ')}`,
    };
  let bytes: Buffer;
  try {
    const { size } = await stat(source);
    if (size > maxDocumentFileBytes)
      return {
        code: 'unreadable_source',
        reason: `${formatMegabytes(size)}, larger than the ${formatMegabytes(maxDocumentFileBytes)} limit`,
      };
    bytes = await readFile(source);
  } catch (error) {
    return { code: 'unreadable_source', reason: `cannot read it: ${describeFileError(error)}` };
  }
  const decoded = decodeText(bytes);
  if ('reason' in decoded) return { code: 'unreadable_source', reason: decoded.reason };
  const text = decoded.text.replace(/\r\n?/g, '\n');

  if (extension === '.csv')
    return { documents: parseDataDictionary(text, { file, source, allowedRoles: defaultRoles, tags }) };
  const { attributes, body } =
    extension === '.txt' ? { attributes: {}, body: text } : parseFrontMatter(text, source);
  if (body.trim() === '') return { code: 'invalid_document', reason: 'the file has no text' };
  return {
    documents: [
      {
        key: file,
        sourceType: 'knowledge',
        title:
          attributes.title ?? (extension === '.txt' ? undefined : firstTopHeading(body)) ?? basename(file),
        content: body,
        tags: [...new Set([...(attributes.tags ?? []), ...tags])],
        allowedRoles: attributes.roles ?? defaultRoles,
        source,
      },
    ],
  };
}

/**
 * UTF-8 text, or why the bytes are not text. A handful of stray bytes in otherwise valid UTF-8
 * become U+FFFD instead of losing the file: the OMOP CDM 5.4 field-level CSV, the reference data
 * dictionary, has Mac Roman curly quotes in two of its 432 rows.
 */
function decodeText(bytes: Buffer): { text: string } | { reason: string } {
  if (bytes.includes(0)) return { reason: 'not a text file (it contains NUL bytes)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const invalid = text.match(/\uFFFD/g)?.length ?? 0;
    if (invalid * 1000 <= text.length) return { text };
    return { reason: `not UTF-8 text (${invalid} invalid byte sequences); save it as UTF-8` };
  }
}

/** The text of the first level-one ATX heading outside fenced code, if any. */
function firstTopHeading(markdown: string): string | undefined {
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (heading?.[1]) return heading[1];
  }
  return undefined;
}

function describeUnknownLayout(headers: string[]): string {
  const shown = headers.slice(0, 8).join(', ');
  return `not a data dictionary (its columns are ${shown}${headers.length > 8 ? ', …' : ''}; a dictionary needs a table column and a column or description column)`;
}

function describeFileError(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

function formatMegabytes(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}
