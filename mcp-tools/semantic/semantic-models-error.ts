import type { SemanticIssue } from '../../semantic-layer/index.js';

/** The semantic model files cannot be read or do not validate; `issues` locates each problem. */
export class SemanticModelsError extends Error {
  readonly code = 'invalid_semantic_models';
  readonly issues: readonly SemanticIssue[];

  constructor(message: string, issues: readonly SemanticIssue[]) {
    super(message);
    this.name = 'SemanticModelsError';
    this.issues = issues;
  }
}
