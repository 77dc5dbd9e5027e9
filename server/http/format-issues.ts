import type { z } from 'zod';
import type { FieldError } from './problem-schema.js';

const identifier = /^[A-Za-z_$][\w$]*$/;

/**
 * zod issues as the `errors` of an `invalid_request` problem, each path written the way a client
 * would reach the value: `body.messages[0].content`, `query.limit`, `params["odd key"]`.
 */
export function formatIssues(location: string, issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({ path: formatPath(location, issue.path), message: issue.message }));
}

function formatPath(location: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((written, key) => {
    if (typeof key === 'number') return `${written}[${key}]`;
    const name = String(key);
    return identifier.test(name) ? `${written}.${name}` : `${written}[${JSON.stringify(name)}]`;
  }, location);
}
