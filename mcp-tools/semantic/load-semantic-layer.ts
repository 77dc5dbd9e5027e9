import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createSemanticLayer, loadSemanticParser, type SemanticLayer } from '../../semantic-layer/index.js';
import { SemanticModelsError } from './semantic-models-error.js';

/** The bundled models: the scheduling mart and OMOP CDM metrics. */
export const bundledSemanticModelsDirectory = new URL('../../semantic-layer/models/', import.meta.url)
  .pathname;

/**
 * Reads every `.yml`/`.yaml` file of a directory (sorted, recursively) and builds the semantic layer.
 * Any issue stops the load with `invalid_semantic_models` listing each one as `file:line: path:
 * message`: a half-loaded semantic layer would answer some questions wrongly.
 */
export async function loadSemanticLayer(
  directory: string = bundledSemanticModelsDirectory,
): Promise<SemanticLayer> {
  await loadSemanticParser();
  let names: string[];
  try {
    names = (await readdir(directory, { recursive: true })).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch (error) {
    throw new SemanticModelsError(
      `cannot read the semantic models directory ${directory}: ${(error as Error).message}`,
      [],
    );
  }
  if (names.length === 0)
    throw new SemanticModelsError(`no .yml file in the semantic models directory ${directory}`, []);
  const files = await Promise.all(
    names.map(async (name) => ({
      path: relative(process.cwd(), join(directory, name)) || name,
      text: await readFile(join(directory, name), 'utf8'),
    })),
  );
  const { layer, issues } = createSemanticLayer(files);
  if (issues.length > 0)
    throw new SemanticModelsError(
      `the semantic models are invalid:\n${issues.map((issue) => `${issue.file}:${issue.line}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`).join('\n')}`,
      issues,
    );
  return layer;
}
