import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '../sql/sql-parser.js';
import { parsePolicyFile } from './parse-policy-file.js';

beforeAll(() => loadSqlParser());

const file = 'policies.yml';

describe('parsePolicyFile', () => {
  it('reports every problem with its file and line, not only the first', () => {
    const text = [
      'version: 1', // 1
      'principals:', // 2
      '  eve:', // 3
      '    role: analist', // 4
      '  bob:', // 5
      '    role: clinician', // 6
      'roles:', // 7
      '  analyst:', // 8
      '    tables:', // 9
      '      cdm.*: { access: aggregate }', // 10
      '  clinician:', // 11
      '    tables:', // 12
      '      scheduling.appointment:', // 13
      '        access: rows', // 14
      "        row_filter: practice_id = ANY (principal('practice_ids'))", // 15
      '      scheduling.patient:', // 16
      '        access: rows', // 17
      '        row_filter: patient_id IN (SELECT', // 18
      '        columns:', // 19
      '          email: { mask: null }', // 20
    ].join('\n');
    const { policy, issues } = parsePolicyFile({ file, text });
    expect(policy).toBeUndefined();
    const byLine = issues.map((issue) => `${issue.line}: ${issue.message}`);
    expect(byLine).toEqual(
      expect.arrayContaining([expect.stringMatching(/^20: mask: null is read by YAML as "no value"/)]),
    );
    // Shape problems stop the semantic checks; fix the mask and the rest is reported together.
    const second = parsePolicyFile({ file, text: text.replace('{ mask: null }', '{ mask: "null" }') });
    const messages = second.issues.map((issue) => `${issue.file}:${issue.line}: ${issue.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^policies\.yml:10: aggregate access needs an entity_key/),
        expect.stringMatching(/^policies\.yml:10: aggregate access needs a minimum_cell_size/),
        expect.stringMatching(/^policies\.yml:18: row_filter is not a valid SQL predicate/),
        expect.stringMatching(/^policies\.yml:4: unknown role "analist" \(did you mean analyst\?\)/),
        expect.stringMatching(
          /^policies\.yml:6: role clinician filters scheduling\.appointment by principal\('practice_ids'\), but bob has no attribute practice_ids/,
        ),
      ]),
    );
  });

  it('gives the policy a content-hash version that changes with the file', async () => {
    const text =
      'version: 1\nprincipals:\n  admin: { role: admin }\nroles:\n  admin:\n    tables:\n      cdm.*: { access: rows }\n';
    const first = parsePolicyFile({ file, text });
    const again = parsePolicyFile({ file, text });
    const changed = parsePolicyFile({ file, text: text.replace('rows', 'none') });
    expect(first.issues).toEqual([]);
    expect(first.policy?.version).toMatch(/^[0-9a-f]{12}$/);
    expect(again.policy?.version).toBe(first.policy?.version);
    expect(changed.policy?.version).not.toBe(first.policy?.version);
  });
});
