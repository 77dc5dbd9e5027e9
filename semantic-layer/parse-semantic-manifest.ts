import { isNode, LineCounter, parseDocument } from 'yaml';
import { closestNames } from './closest-names.js';
import { type Metric, type SemanticModel, semanticFileSchema } from './semantic-manifest-schema.js';

/** One problem in the semantic YAML, located so the data team can fix it. */
export interface SemanticIssue {
  file: string;
  line: number;
  /** Where in the document, e.g. `metrics[2].type_params.measure`. */
  path: string;
  message: string;
}

/** The validated semantic layer: every model and metric of every file. */
export interface SemanticManifest {
  semanticModels: SemanticModel[];
  metrics: Metric[];
}

type PathSegment = string | number;

function formatPath(path: readonly PathSegment[]): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index ? '.' : ''}${segment}`))
    .join('');
}

/**
 * Parses and validates semantic YAML files (pure: the caller reads them). Collects every issue —
 * YAML syntax, shape, unknown references, duplicates — each with file, line and a suggestion where
 * a close name exists, instead of stopping at the first.
 */
export function parseSemanticManifest(files: readonly { path: string; text: string }[]): {
  manifest: SemanticManifest;
  issues: SemanticIssue[];
} {
  const issues: SemanticIssue[] = [];
  const manifest: SemanticManifest = { semanticModels: [], metrics: [] };
  const located: { file: string; lineOf: (path: readonly PathSegment[]) => number; path: PathSegment[] }[] =
    [];

  for (const file of files) {
    const lineCounter = new LineCounter();
    const document = parseDocument(file.text, { lineCounter, prettyErrors: false });
    for (const error of document.errors) {
      issues.push({
        file: file.path,
        line: lineCounter.linePos(error.pos[0]).line,
        path: '',
        message: error.message,
      });
    }
    if (document.errors.length > 0) continue;
    const lineOf = (path: readonly PathSegment[]) => {
      for (let length = path.length; length >= 0; length--) {
        const node = document.getIn(path.slice(0, length), true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return 1;
    };
    const parsed = semanticFileSchema.safeParse(document.toJS() ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
        issues.push({ file: file.path, line: lineOf(path), path: formatPath(path), message: issue.message });
      }
      continue;
    }
    parsed.data.semantic_models.forEach((model, index) => {
      manifest.semanticModels.push(model);
      located.push({ file: file.path, lineOf, path: ['semantic_models', index] });
    });
    parsed.data.metrics.forEach((metric, index) => {
      manifest.metrics.push(metric);
      located.push({ file: file.path, lineOf, path: ['metrics', index] });
    });
  }

  const locate = (
    kind: 'semantic_models' | 'metrics',
    index: number,
    rest: PathSegment[],
    message: string,
  ) => {
    const place = located.filter((entry) => entry.path[0] === kind)[index];
    if (!place) return;
    const path = [...place.path, ...rest];
    issues.push({ file: place.file, line: place.lineOf(path), path: formatPath(path), message });
  };
  const unknown = (what: string, name: string, known: Iterable<string>) => {
    const suggestions = closestNames(name, known);
    return `unknown ${what} "${name}"${suggestions.length > 0 ? `; did you mean ${suggestions.map((suggestion) => `"${suggestion}"`).join(' or ')}?` : ''}`;
  };

  const measures = new Set<string>();
  manifest.semanticModels.forEach((model, index) => {
    for (const measure of model.measures) {
      if (measures.has(measure.name))
        locate('semantic_models', index, ['measures'], `measure "${measure.name}" is defined twice`);
      measures.add(measure.name);
    }
    const timeDimensions = model.dimensions
      .filter((dimension) => dimension.type === 'time')
      .map((dimension) => dimension.name);
    const aggTime = model.defaults?.agg_time_dimension;
    if (aggTime && !timeDimensions.includes(aggTime)) {
      locate(
        'semantic_models',
        index,
        ['defaults', 'agg_time_dimension'],
        unknown('time dimension', aggTime, timeDimensions),
      );
    }
    if (model.measures.length > 0 && !aggTime) {
      locate(
        'semantic_models',
        index,
        [],
        `semantic model "${model.name}" has measures but no defaults.agg_time_dimension`,
      );
    }
  });
  const metricNames = new Set(manifest.metrics.map((metric) => metric.name));
  manifest.metrics.forEach((metric, index) => {
    if (manifest.metrics.findIndex((other) => other.name === metric.name) !== index) {
      locate('metrics', index, ['name'], `metric "${metric.name}" is defined twice`);
    }
    const { measure, numerator, denominator } = metric.type_params;
    if (metric.type === 'simple') {
      if (!measure) locate('metrics', index, ['type_params'], 'a simple metric needs type_params.measure');
      else if (!measures.has(measure))
        locate('metrics', index, ['type_params', 'measure'], unknown('measure', measure, measures));
    } else {
      for (const [key, value] of [
        ['numerator', numerator],
        ['denominator', denominator],
      ] as const) {
        if (!value) locate('metrics', index, ['type_params'], `a ratio metric needs type_params.${key}`);
        else if (!metricNames.has(value))
          locate('metrics', index, ['type_params', key], unknown('metric', value, metricNames));
      }
    }
  });
  return { manifest, issues };
}
