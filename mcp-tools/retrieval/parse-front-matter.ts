import { parseDocument } from 'yaml';
import { z } from 'zod';
import { RetrievalError } from './retrieval-error.js';

const nonEmptyText = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty');

const frontMatterSchema = z.strictObject({
  title: nonEmptyText.optional(),
  tags: z.array(nonEmptyText, { error: 'must be a list, e.g. [scheduling, no-show]' }).optional(),
  roles: z
    .array(nonEmptyText, { error: 'must be a list, e.g. [analyst, data_steward]' })
    .min(1, "must list at least one role ('*' for every role)")
    .optional(),
});

/** What a knowledge file may declare about itself in its YAML front matter. */
export type FrontMatterAttributes = z.infer<typeof frontMatterSchema>;

const allowedKeys = Object.keys(frontMatterSchema.shape);
const delimiter = /^---[ \t]*$/;

/**
 * Splits a markdown file into its YAML front matter (a block between `---` lines at the very
 * start) and its body, and validates the front matter: `title`, `tags` and `roles`, nothing else,
 * so a misspelt `role:` fails loudly instead of leaving a restricted document readable by every
 * role. Without front matter the attributes are empty and the body is the whole text. Line endings
 * are normalised to `\n`. Throws `RetrievalError('invalid_document')` naming `file` and the line.
 */
export function parseFrontMatter(
  text: string,
  file: string,
): { attributes: FrontMatterAttributes; body: string } {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  if (!delimiter.test(lines[0] ?? '')) return { attributes: {}, body: lines.join('\n') };
  const closing = lines.findIndex((line, index) => index > 0 && (delimiter.test(line) || line === '...'));
  if (closing === -1)
    throw new RetrievalError(
      'invalid_document',
      `${file}: the front matter opened on line 1 is never closed by a '---' line`,
    );

  const yaml = lines.slice(1, closing).join('\n');
  const document = parseDocument(yaml, { prettyErrors: false });
  const [error] = document.errors;
  if (error) {
    // The YAML starts on the file's second line, after the opening `---`.
    const line = yaml.slice(0, error.pos[0]).split('\n').length + 1;
    throw new RetrievalError(
      'invalid_document',
      `${file}: the front matter is not valid YAML at line ${line}: ${error.message}`,
      { cause: error },
    );
  }

  const parsed = frontMatterSchema.safeParse(document.toJS() ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.join(', ')} (allowed keys: ${allowedKeys.join(', ')})`
        : issue.path.length === 0
          ? `it must be a mapping with the keys ${allowedKeys.join(', ')}`
          : `${issue.path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : String(segment))).join('')} ${issue.message}`,
    );
    throw new RetrievalError('invalid_document', `${file}: invalid front matter: ${problems.join('; ')}`, {
      cause: parsed.error,
    });
  }
  return { attributes: parsed.data, body: lines.slice(closing + 1).join('\n') };
}
