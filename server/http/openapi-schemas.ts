import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1) as a plain object. */
export type JsonSchema = Record<string, unknown>;

/** Converts zod schemas for one OpenAPI document, collecting shared definitions as components. */
export interface OpenApiSchemas {
  /**
   * The JSON Schema of `schema`, for the request (`input`: before defaults and coercion) or the
   * response (`output`). `name` names the schema if it must become a component (a recursive root).
   */
  convert(schema: z.core.$ZodType, options: { io: 'input' | 'output'; name: string }): JsonSchema;
  /** Every definition hoisted so far, for `components.schemas`. */
  readonly components: Record<string, JsonSchema>;
}

const componentReference = '#/components/schemas/';
const localDefinition = /^#\/\$defs\/([^/]+)/;

/**
 * Creates the converter. `z.toJSONSchema` puts schemas with a `.meta({ id })`, and recursive ones
 * such as `z.json()`, under a local `$defs` referenced as `#/$defs/…` (or `#` for a recursive root).
 * Inside an OpenAPI document those references would resolve against the document root, so every
 * definition moves to `components.schemas` and its references are rewritten.
 */
export function createOpenApiSchemas(): OpenApiSchemas {
  const components: Record<string, JsonSchema> = {};

  function convert(schema: z.core.$ZodType, { io, name }: { io: 'input' | 'output'; name: string }) {
    const { $schema: _dialect, $defs, ...root } = z.toJSONSchema(schema, { io }) as JsonSchema;
    const definitions = ($defs ?? {}) as Record<string, JsonSchema>;
    const rootIsReferenced = [root, ...Object.values(definitions)].some(referencesRoot);
    if (!rootIsReferenced && Object.keys(definitions).length === 0) return root;

    // Names from `.meta({ id })` are shared across routes; the same id can still convert differently
    // as input and as output (defaults, strictness), so a clash retries with a suffix for every
    // definition of this schema at once, keeping their references to each other consistent.
    for (const suffix of suffixes(io)) {
      const componentName = (local: string) => `${baseName(local, name)}${suffix}`;
      const rewrite = (node: unknown) =>
        rewriteReferences(node, (reference) =>
          reference === '#'
            ? `${componentReference}${name}${suffix}`
            : reference.replace(
                localDefinition,
                (_match, local: string) => componentReference + componentName(local),
              ),
        );
      const candidates = new Map<string, JsonSchema>();
      for (const [local, definition] of Object.entries(definitions)) {
        candidates.set(componentName(local), rewrite(definition) as JsonSchema);
      }
      if (rootIsReferenced) candidates.set(`${name}${suffix}`, rewrite(root) as JsonSchema);
      const clashes = [...candidates].some(
        ([candidate, converted]) =>
          components[candidate] !== undefined && !isDeepStrictEqual(components[candidate], converted),
      );
      if (clashes) continue;
      for (const [candidate, converted] of candidates) components[candidate] = converted;
      return rootIsReferenced
        ? { $ref: `${componentReference}${name}${suffix}` }
        : (rewrite(root) as JsonSchema);
    }
    throw new Error('unreachable: the suffixes never run out');
  }

  return { convert, components };
}

function* suffixes(io: 'input' | 'output'): Generator<string> {
  yield '';
  const ioSuffix = io === 'input' ? 'Input' : 'Output';
  yield ioSuffix;
  for (let counter = 2; ; counter += 1) yield `${ioSuffix}${counter}`;
}

// zod names anonymous recursive definitions `__schema0`, `__schema1`, … per conversion; prefixing
// them with the owner's name keeps two routes' definitions apart.
function baseName(local: string, owner: string): string {
  return local.startsWith('__schema') ? `${owner}_${local.slice(2)}` : local;
}

function referencesRoot(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(referencesRoot);
  if (node === null || typeof node !== 'object') return false;
  return Object.entries(node).some(
    ([key, value]) => (key === '$ref' && value === '#') || referencesRoot(value),
  );
}

function rewriteReferences(node: unknown, rename: (reference: string) => string): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteReferences(item, rename));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' ? rename(value) : rewriteReferences(value, rename),
    ]),
  );
}
