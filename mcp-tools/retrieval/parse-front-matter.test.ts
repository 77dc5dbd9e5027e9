import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from './parse-front-matter.js';
import { RetrievalError } from './retrieval-error.js';

function failure(text: string): RetrievalError {
  try {
    parseFrontMatter(text, 'team/no-show.md');
  } catch (error) {
    if (error instanceof RetrievalError) return error;
    throw error;
  }
  throw new Error('expected parseFrontMatter to throw');
}

describe('parseFrontMatter', () => {
  it('reads title, tags and roles and returns the body without the front matter', () => {
    const { attributes, body } = parseFrontMatter(
      [
        '---',
        'title: No-show definition',
        'tags: [scheduling, no-show]',
        'roles:',
        '  - analyst',
        '  - data_steward',
        '---',
        '# No-show',
        'An appointment the patient did not attend.',
      ].join('\r\n'),
      'no-show.md',
    );
    expect(attributes).toEqual({
      title: 'No-show definition',
      tags: ['scheduling', 'no-show'],
      roles: ['analyst', 'data_steward'],
    });
    expect(body).toBe('# No-show\nAn appointment the patient did not attend.');
  });

  it('treats a file without front matter as all body', () => {
    const text = '# Rules\n\n---\n\nA horizontal rule is not front matter.';
    expect(parseFrontMatter(text, 'rules.md')).toEqual({ attributes: {}, body: text });
  });

  it('accepts an empty front matter block', () => {
    expect(parseFrontMatter('---\n---\nBody.', 'empty.md')).toEqual({ attributes: {}, body: 'Body.' });
  });

  it('names the file and the file line of malformed YAML', () => {
    const error = failure(['---', 'title: ok', 'summary: a: b', '---', 'Body'].join('\n'));
    expect(error.code).toBe('invalid_document');
    expect(error.message).toBe(
      'team/no-show.md: the front matter is not valid YAML at line 3: Nested mappings are not allowed in compact mappings',
    );
  });

  it('rejects a key given twice at the line of the repeat', () => {
    const error = failure(['---', 'title: ok', 'tags: [a]', 'title: twice', '---'].join('\n'));
    expect(error.message).toContain('at line 4');
  });

  it('rejects unknown keys and lists the allowed ones', () => {
    const error = failure(['---', 'title: ok', 'role: analyst', '---', 'Body'].join('\n'));
    expect(error.code).toBe('invalid_document');
    expect(error.message).toBe(
      'team/no-show.md: invalid front matter: unknown key role (allowed keys: title, tags, roles)',
    );
  });

  it('rejects values of the wrong shape with the offending key', () => {
    expect(failure('---\ntags: scheduling\n---\n').message).toContain('tags must be a list');
    expect(failure('---\nroles: [analyst, ""]\n---\n').message).toContain('roles[1] must not be empty');
    expect(failure('---\nroles: []\n---\n').message).toContain('roles must list at least one role');
    expect(failure('---\n- a list\n---\n').message).toContain('it must be a mapping');
  });

  it('rejects front matter that is never closed', () => {
    expect(failure('---\ntitle: ok\n# Heading\n').message).toBe(
      "team/no-show.md: the front matter opened on line 1 is never closed by a '---' line",
    );
  });
});
