import { type ModelExpression, modelExpression } from './model-expression.js';
import type { Dimension, Entity, Measure, SemanticModel } from './semantic-manifest-schema.js';
import type { TimeGranularity } from './time-granularity.js';

/** A semantic model ready to compile: its relation and every expression parsed and qualified. */
export interface ModelNode {
  model: SemanticModel;
  /** `scheduling.appointment`, or the bare table name when the model names no schema. */
  relation: string;
  /** The entity local dimensions are named by (`appointment__status`). */
  primaryEntity: string;
  entities: Map<string, { entity: Entity; expression: ModelExpression }>;
  dimensions: Map<string, { dimension: Dimension; expression: ModelExpression }>;
  measures: Map<string, { measure: Measure; expression: ModelExpression | undefined }>;
}

/** One join: from a model, through an entity, to a model where that entity is primary, unique or natural. */
export interface JoinStep {
  entity: string;
  from: ModelNode;
  to: ModelNode;
}

/** Something a metric can be grouped or filtered by, reached from the metric's model. */
export interface GroupByTarget {
  /** Qualified name without grain: `practice__region`, `appointment__start_at`, `practice`. */
  name: string;
  kind: 'categorical' | 'time' | 'entity';
  /** The model that holds the column. */
  node: ModelNode;
  expression: ModelExpression;
  /** Joins from the metric's model; empty for its own columns. */
  path: JoinStep[];
  /** The finest grain of a time dimension. */
  granularity?: TimeGranularity;
  description?: string;
  label?: string;
  synonyms?: string[];
  sampleQuestions?: string[];
}

/** Joining *to* one of these never multiplies the rows of the model joined from. */
const joinableTypes = new Set(['primary', 'unique', 'natural']);

/** The most joins MetricFlow (and Hale) makes from a measure's model to reach a dimension. */
export const maximumHops = 2;

/** Where every dimension, entity and measure lives, and what each model can reach through entities. */
export class SemanticGraph {
  readonly nodes: Map<string, ModelNode>;
  readonly measureOwners = new Map<string, ModelNode>();
  private readonly reachable = new Map<string, Map<string, GroupByTarget[]>>();

  constructor(nodes: readonly ModelNode[]) {
    this.nodes = new Map(nodes.map((node) => [node.model.name, node]));
    for (const node of nodes) for (const name of node.measures.keys()) this.measureOwners.set(name, node);
  }

  /** Every group-by target reachable from `node`, by qualified name; more than one means ambiguous. */
  reachableFrom(node: ModelNode): Map<string, GroupByTarget[]> {
    let targets = this.reachable.get(node.model.name);
    if (targets) return targets;
    targets = new Map();
    const add = (target: GroupByTarget) => {
      const existing = targets?.get(target.name) ?? [];
      existing.push(target);
      targets?.set(target.name, existing);
    };
    addLocal(node, [], [], add);
    const visit = (from: ModelNode, path: JoinStep[], visited: Set<string>) => {
      if (path.length >= maximumHops) return;
      for (const [entityName] of from.entities) {
        // The entity a model was reached through is where the previous hop came in.
        if (path.length > 0 && path.at(-1)?.entity === entityName) continue;
        for (const to of this.nodes.values()) {
          if (visited.has(to.model.name)) continue;
          const target = to.entities.get(entityName);
          if (!target || !joinableTypes.has(target.entity.type)) continue;
          const nextPath = [...path, { entity: entityName, from, to }];
          addLocal(
            to,
            nextPath.map((step) => step.entity),
            nextPath,
            add,
          );
          visit(to, nextPath, new Set([...visited, to.model.name]));
        }
      }
    };
    visit(node, [], new Set([node.model.name]));
    this.reachable.set(node.model.name, targets);
    return targets;
  }
}

/** Adds a model's own dimensions and entities, named through `entityPath` (empty: the model itself). */
function addLocal(
  node: ModelNode,
  entityPath: string[],
  path: JoinStep[],
  add: (target: GroupByTarget) => void,
): void {
  const prefix = entityPath.length > 0 ? entityPath : [node.primaryEntity];
  for (const { dimension, expression } of node.dimensions.values()) {
    add({
      name: [...prefix, dimension.name].join('__'),
      kind: dimension.type,
      node,
      expression,
      path,
      ...(dimension.type_params?.time_granularity
        ? { granularity: dimension.type_params.time_granularity }
        : {}),
      ...(dimension.description ? { description: dimension.description } : {}),
      ...(dimension.label ? { label: dimension.label } : {}),
      ...(dimension.synonyms ? { synonyms: dimension.synonyms } : {}),
      ...(dimension.sample_questions ? { sampleQuestions: dimension.sample_questions } : {}),
    });
  }
  for (const { entity, expression } of node.entities.values()) {
    // The entity joined through is the same value as the one joined from: name it once, at the start.
    if (entityPath.length > 0 && entity.name === entityPath.at(-1)) continue;
    add({
      name: [...entityPath, entity.name].join('__'),
      kind: 'entity',
      node,
      expression,
      path,
      ...(entity.description ? { description: entity.description } : {}),
    });
  }
}

/**
 * Builds the nodes of a manifest's models, parsing every expression. Problems (an expression that is
 * not SQL) are returned with the path of the offending key, for the caller to locate.
 */
export function buildModelNodes(models: readonly SemanticModel[]): {
  nodes: ModelNode[];
  problems: { modelIndex: number; path: (string | number)[]; message: string }[];
} {
  const problems: { modelIndex: number; path: (string | number)[]; message: string }[] = [];
  const nodes = models.map((model, modelIndex) => {
    const expressionOf = (text: string, path: (string | number)[]): ModelExpression => {
      const parsed = modelExpression(text);
      if ('error' in parsed) {
        problems.push({ modelIndex, path, message: parsed.error });
        return { render: () => 'NULL' };
      }
      return parsed;
    };
    const table = /^ref\('([^']+)'\)$/.exec(model.model)?.[1] ?? model.name;
    const primary =
      model.entities.find((entity) => entity.type === 'primary')?.name ??
      model.primary_entity ??
      model.entities.find((entity) => entity.type === 'unique')?.name ??
      model.name;
    return {
      model,
      relation: model.schema ? `${model.schema}.${table}` : table,
      primaryEntity: primary,
      entities: new Map(
        model.entities.map((entity, index) => [
          entity.name,
          { entity, expression: expressionOf(entity.expr ?? entity.name, ['entities', index, 'expr']) },
        ]),
      ),
      dimensions: new Map(
        model.dimensions.map((dimension, index) => [
          dimension.name,
          {
            dimension,
            expression: expressionOf(dimension.expr ?? dimension.name, ['dimensions', index, 'expr']),
          },
        ]),
      ),
      measures: new Map(
        model.measures.map((measure, index) => [
          measure.name,
          {
            measure,
            expression:
              measure.expr === undefined
                ? measure.agg === 'count'
                  ? undefined
                  : expressionOf(measure.name, ['measures', index, 'name'])
                : expressionOf(String(measure.expr), ['measures', index, 'expr']),
          },
        ]),
      ),
    } satisfies ModelNode;
  });
  return { nodes, problems };
}
