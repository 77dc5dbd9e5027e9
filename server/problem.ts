import type { Response } from 'express';

/** An RFC 9457 problem document; `code` is Hale's stable error code. */
export interface Problem {
  status: number;
  code: string;
  title: string;
  detail?: string;
}

/** Sends a problem as `application/problem+json`. */
export function sendProblem(response: Response, problem: Problem): void {
  response
    .status(problem.status)
    .type('application/problem+json')
    .json({ type: `https://hale.dev/problems/${problem.code}`, ...problem });
}
