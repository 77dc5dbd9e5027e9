import { GovernanceError } from '../governance-error.js';
import { loadSqlParser } from '../sql/sql-parser.js';
import type { GovernancePolicy } from './governance-policy.js';
import { parsePolicyFile } from './parse-policy-file.js';
import { formatPolicyIssues } from './policy-issue.js';

/** Parses a policy file's text, throwing `invalid_policy` with every problem (file:line) when it is invalid. */
export async function loadGovernancePolicy({
  file,
  text,
}: {
  file: string;
  text: string;
}): Promise<GovernancePolicy> {
  await loadSqlParser();
  const { policy, issues } = parsePolicyFile({ file, text });
  if (!policy || issues.length > 0)
    // One line: the CLI prints an error's first line only, and every problem must be visible.
    throw new GovernanceError(
      'invalid_policy',
      `the policy file is invalid: ${formatPolicyIssues(issues).replaceAll('\n', '; ')}`,
    );
  return policy;
}
