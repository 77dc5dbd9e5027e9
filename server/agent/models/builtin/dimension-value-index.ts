import type { ToolResult } from '../../../../mcp-tools/tools/index.js';
import { normalizeText, type SemanticLayer } from '../../../../semantic-layer/index.js';

/** One value of a categorical dimension a principal may see, e.g. practice__city = 'Lyon'. */
export interface DimensionValueEntry {
  /** The dimension as `get_dimension_values` names it: `practice__city`. */
  dimension: string;
  /** The semantic model and dimension holding it, to qualify it for any metric (`practices`, `city`). */
  model: string;
  field: string;
  /** The dimension's label, for answers ("City"). */
  label: string;
  /** The exact value, as filters need it. */
  value: string;
  /** `normalizeText(value)`: lower case, no accents, punctuation as spaces ("ile de france"). */
  normalized: string;
}

/** The values the built-in model links question words to; built per principal, through the gate. */
export interface DimensionValueIndex {
  entries: DimensionValueEntry[];
  /** Dimensions whose values could not be read for this principal (no access, for one). */
  unavailable: string[];
}

/**
 * The categorical dimensions worth linking question words to: places, practices, specialties, how
 * and how an appointment went, age bands, gender and OMOP visit types. Left out: people's names
 * (practitioners), a second copy of the cities (the patient's), years (they read as time) and the
 * concept names of conditions, drugs and measurements, which the ontology tools find instead.
 * Visit types are the concepts that visits use, not the whole vocabulary.
 */
export const linkedDimensions: readonly { dimension: string; metric?: string }[] = [
  { dimension: 'practice__city' },
  { dimension: 'practice__region' },
  { dimension: 'practice__practice_name' },
  { dimension: 'specialty__specialty_name' },
  { dimension: 'appointment__channel' },
  { dimension: 'appointment__visit_type' },
  { dimension: 'appointment__status' },
  { dimension: 'patient__age_band' },
  { dimension: 'person__gender' },
  { dimension: 'person__age_band' },
  { dimension: 'visit_concept__visit_type_name', metric: 'visits' },
];

/** Values read per dimension at most. */
export const valuesPerDimension = 200;

/**
 * Builds the index by calling `get_dimension_values` as the principal, through Hale's governed
 * registry, so values they may not see never reach the model. A dimension whose call fails (carol
 * has no OMOP access) is left out and listed in `unavailable`.
 */
export async function loadDimensionValueIndex({
  semanticLayer,
  callTool,
}: {
  semanticLayer: SemanticLayer;
  callTool: (tool: string, input: unknown) => Promise<ToolResult>;
}): Promise<DimensionValueIndex> {
  const nodes = [...semanticLayer.graph.nodes.values()];
  const results = await Promise.all(
    linkedDimensions.map(async ({ dimension, metric }) => {
      const [entity] = dimension.split('__');
      const field = dimension.split('__').at(-1) ?? dimension;
      const node = nodes.find((candidate) => candidate.primaryEntity === entity);
      const definition = node?.dimensions.get(field)?.dimension;
      if (!node || !definition) return { dimension, entries: undefined };
      const result = await callTool('get_dimension_values', {
        dimension,
        limit: valuesPerDimension,
        ...(metric ? { metric } : {}),
      }).catch(() => undefined);
      if (!result || result.isError) return { dimension, entries: undefined };
      const values = (result.structuredContent.values ?? []) as { value: unknown }[];
      const entries = values.flatMap(({ value }) =>
        typeof value === 'string' && value.trim() !== ''
          ? [
              {
                dimension,
                model: node.model.name,
                field,
                label: definition.label ?? field,
                value,
                normalized: normalizeText(value),
              },
            ]
          : [],
      );
      return { dimension, entries };
    }),
  );
  return {
    entries: results.flatMap((result) => result.entries ?? []),
    unavailable: results.filter((result) => result.entries === undefined).map((result) => result.dimension),
  };
}
