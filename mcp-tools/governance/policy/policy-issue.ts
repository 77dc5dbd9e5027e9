/** One problem in a policy file, located so whoever maintains it can fix it. */
export interface PolicyIssue {
  file: string;
  line: number;
  /** Where in the document, e.g. `roles.analyst.tables.cdm.person.entity_key`. */
  path: string;
  message: string;
}

/** Renders issues one per line as `file:line: path: message`. */
export function formatPolicyIssues(issues: readonly PolicyIssue[]): string {
  return issues
    .map((issue) => `${issue.file}:${issue.line}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`)
    .join('\n');
}
