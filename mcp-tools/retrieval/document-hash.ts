import { createHash } from 'node:crypto';
import type { SourceDocument } from './source-document.js';

/**
 * How documents are cut and indexed. Bump it when chunking or the full-text vector changes: every
 * document then re-ingests at the next start, so stored chunks never mix two formats.
 */
export const indexFormatVersion = 3;

/**
 * The content hash of a document: everything stored about it (and the index format), so a change of
 * text, title, tags or readers re-ingests it, and nothing else does.
 */
export function documentHash(document: SourceDocument): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        indexFormatVersion,
        document.sourceType,
        document.title,
        document.source,
        [...document.tags].sort(),
        [...document.allowedRoles].sort(),
        document.content,
      ]),
    )
    .digest('hex');
}
