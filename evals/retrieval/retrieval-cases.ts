import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

/** One retrieval question and the documents that answer it. */
export interface RetrievalCase {
  query: string;
  /** Document keys, most useful first. */
  relevant: string[];
  tags: string[];
}

const casesFileSchema = z.strictObject({
  cases: z
    .array(
      z.strictObject({
        query: z.string().min(1),
        relevant: z.array(z.string().min(1)).min(1),
        tags: z.array(z.string().min(1)).default([]),
      }),
    )
    .min(1),
});

/** The bundled retrieval evaluation set. */
export const bundledRetrievalCasesFile = fileURLToPath(new URL('./retrieval-cases.yml', import.meta.url));

/** Reads and validates a retrieval evaluation set (YAML: `cases: [{query, relevant, tags}]`). */
export async function loadRetrievalCases(file = bundledRetrievalCasesFile): Promise<RetrievalCase[]> {
  const parsed = casesFileSchema.safeParse(parse(await readFile(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  return parsed.data.cases;
}
