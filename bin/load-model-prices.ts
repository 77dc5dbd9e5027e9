import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { defaultPriceTable, type PriceTable } from '../server/agent/model-prices.js';
import { ConfigError } from './config/load-config.js';

const priceFileSchema = z.record(
  z.string().min(1),
  z.strictObject({ input: z.number().min(0), output: z.number().min(0) }),
);

/**
 * The price table: the file's entries (HALE_MODEL_PRICES) before the built-in ones, so a file may
 * override or add models and an unlisted model still has the default price.
 */
export async function loadModelPrices(file: string | undefined): Promise<PriceTable> {
  if (!file) return defaultPriceTable;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      'modelPrices',
      `cannot read HALE_MODEL_PRICES ${file}: ${(error as Error).message}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (error) {
    throw new ConfigError('modelPrices', `${file} is not valid YAML: ${(error as Error).message}`);
  }
  const checked = priceFileSchema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new ConfigError(
      'modelPrices',
      `${file}: ${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'invalid'} (expected "model-id: {input: dollars per million tokens, output: …}")`,
    );
  }
  return new Map([
    ...Object.entries(checked.data).map(
      ([model, price]) => [model, { inputPerMillion: price.input, outputPerMillion: price.output }] as const,
    ),
    ...defaultPriceTable,
  ]);
}
