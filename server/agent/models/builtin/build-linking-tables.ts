import {
  type AvailableDimension,
  dimensionsForMetrics,
  modelsOfMetric,
  type SemanticLayer,
} from '../../../../semantic-layer/index.js';
import { parseTimeExpression } from './parse-time-expression.js';
import { phraseStems } from './tokenize-question.js';

/** Where a question's words about data come from: the scheduling mart or the OMOP CDM. */
export type DataDomain = 'scheduling' | 'omop';

/** A name, label or synonym of a metric, as stems. */
export interface MetricPhrase {
  metric: string;
  stems: string[];
  kind: 'name' | 'label' | 'synonym';
}

/** A dimension of a semantic model, named the way it is stored (not yet qualified for a metric). */
export interface DimensionTarget {
  model: string;
  dimension: string;
}

/** Words that name one or more dimensions ("city" names the practice's; "age band" two models'). */
export interface DimensionPhrase {
  stems: string[];
  label: string;
  targets: DimensionTarget[];
}

/** Everything the built-in model matches questions against, computed once per semantic layer. */
export interface LinkingTables {
  layer: SemanticLayer;
  metricPhrases: MetricPhrase[];
  /** Each metric's sample questions as stem sets, time words removed. */
  sampleQuestions: { metric: string; stems: Set<string> }[];
  /** For a stem, the metrics whose name or label contain it ("rate" → the rates). */
  metricsByStem: Map<string, string[]>;
  dimensionPhrases: DimensionPhrase[];
  domainOfMetric: Map<string, DataDomain>;
  domainOfModel: Map<string, DataDomain>;
  /** `dimensionsForMetrics`, cached by metric list. */
  dimensionsFor(metrics: readonly string[]): AvailableDimension[];
}

const labelWithoutUnit = (label: string) => label.replace(/\(.*?\)/g, ' ');

/**
 * Builds the linking tables of a semantic layer: metric phrases (name, label, synonyms), sample
 * questions, dimension phrases and the domain of every model and metric. `now` only serves to find
 * the time words of sample questions, which are left out of their stems.
 */
export function buildLinkingTables(layer: SemanticLayer, now: Date): LinkingTables {
  const domainOfModel = new Map<string, DataDomain>();
  for (const node of layer.graph.nodes.values())
    domainOfModel.set(node.model.name, node.model.schema === 'scheduling' ? 'scheduling' : 'omop');

  const metricPhrases: MetricPhrase[] = [];
  const sampleQuestions: LinkingTables['sampleQuestions'] = [];
  const metricsByStem = new Map<string, string[]>();
  const domainOfMetric = new Map<string, DataDomain>();
  for (const metric of layer.metrics.values()) {
    const add = (text: string, kind: MetricPhrase['kind']) => {
      const stems = phraseStems(text);
      if (stems.length > 0) metricPhrases.push({ metric: metric.name, stems, kind });
    };
    add(metric.name, 'name');
    if (metric.label) add(labelWithoutUnit(metric.label), 'label');
    for (const synonym of metric.synonyms ?? []) add(synonym, 'synonym');
    for (const question of metric.sample_questions ?? []) {
      let text = question.toLowerCase();
      for (const words of parseTimeExpression(text, now).matched) text = text.replace(words, ' ');
      sampleQuestions.push({ metric: metric.name, stems: new Set(phraseStems(text)) });
    }
    for (const stem of new Set([
      ...phraseStems(metric.name),
      ...phraseStems(labelWithoutUnit(metric.label ?? '')),
    ])) {
      const metrics = metricsByStem.get(stem) ?? [];
      metrics.push(metric.name);
      metricsByStem.set(stem, metrics);
    }
    const [first] = modelsOfMetric(layer, metric.name);
    if (first) domainOfMetric.set(metric.name, domainOfModel.get(first.model.name) ?? 'omop');
  }

  const byStems = new Map<string, DimensionPhrase>();
  for (const model of layer.manifest.semanticModels) {
    for (const dimension of model.dimensions) {
      if (dimension.type !== 'categorical') continue;
      const target = { model: model.name, dimension: dimension.name };
      const texts = [dimension.name, dimension.label ?? '', ...(dimension.synonyms ?? [])];
      for (const text of texts) {
        const stems = phraseStems(text);
        if (stems.length === 0) continue;
        const key = stems.join(' ');
        const phrase = byStems.get(key) ?? { stems, label: dimension.label ?? dimension.name, targets: [] };
        if (!phrase.targets.some((known) => known.model === model.name && known.dimension === dimension.name))
          phrase.targets.push(target);
        byStems.set(key, phrase);
      }
    }
  }

  const dimensionCache = new Map<string, AvailableDimension[]>();
  return {
    layer,
    metricPhrases,
    sampleQuestions,
    metricsByStem,
    dimensionPhrases: [...byStems.values()],
    domainOfMetric,
    domainOfModel,
    dimensionsFor(metrics) {
      const key = [...metrics].sort().join(',');
      let available = dimensionCache.get(key);
      if (!available) {
        available = dimensionsForMetrics(layer, metrics);
        dimensionCache.set(key, available);
      }
      return available;
    },
  };
}

/**
 * The group-by name under which metrics reach one of the targets: the shortest path wins, so
 * appointments reach a city as `practice__city`, not `practitioner__practice__city`.
 */
export function qualifyDimension(
  tables: LinkingTables,
  metrics: readonly string[],
  targets: readonly DimensionTarget[],
): AvailableDimension | undefined {
  const candidates = tables
    .dimensionsFor(metrics)
    .filter((available) =>
      targets.some(
        (target) =>
          target.model === available.model && available.name.split('__').at(-1) === target.dimension,
      ),
    );
  return candidates.sort((left, right) => left.name.split('__').length - right.name.split('__').length)[0];
}
