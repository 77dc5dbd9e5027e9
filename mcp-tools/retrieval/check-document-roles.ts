import { RetrievalError } from './retrieval-error.js';
import { everyRole, type SourceDocument } from './source-document.js';

/**
 * Refuses documents whose readers name a role the policy does not define: a misspelt role would
 * otherwise make a document silently unreadable (or, renamed later, readable by the wrong people).
 */
export function checkDocumentRoles(
  documents: readonly SourceDocument[],
  knownRoles: readonly string[],
): void {
  const known = new Set([...knownRoles, everyRole]);
  const problems = documents.flatMap((document) =>
    document.allowedRoles
      .filter((role) => !known.has(role))
      .map((role) => `${document.source}: unknown role ${JSON.stringify(role)}`),
  );
  if (problems.length > 0)
    throw new RetrievalError(
      'invalid_document',
      `${problems.join('; ')} (the policy defines: ${knownRoles.join(', ')}; '*' means every role)`,
    );
}
