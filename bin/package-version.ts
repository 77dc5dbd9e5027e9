import { readFileSync } from 'node:fs';

/** The version in package.json: the code version every answer and `/healthz` carry. */
export const packageVersion: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
