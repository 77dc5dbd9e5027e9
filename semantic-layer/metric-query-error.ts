/** One problem with a metric query, located in the query (`group_by[1]`, `where[0]`). */
export interface MetricQueryIssue {
  path: string;
  message: string;
  /** Close valid names, for "did you mean …". */
  suggestions: string[];
}

/**
 * A metric query that cannot be compiled. Every problem is collected, MetricFlow-style, so one round
 * trip tells the caller (often a model) everything to fix.
 */
export class MetricQueryError extends Error {
  readonly code = 'invalid_metric_query';
  readonly issues: readonly MetricQueryIssue[];

  constructor(issues: readonly MetricQueryIssue[]) {
    super(
      issues.length === 1
        ? `${issues[0]?.path}: ${issues[0]?.message}`
        : `the metric query has ${issues.length} problems:\n${issues.map((issue) => `- ${issue.path}: ${issue.message}`).join('\n')}`,
    );
    this.name = 'MetricQueryError';
    this.issues = issues;
  }
}
