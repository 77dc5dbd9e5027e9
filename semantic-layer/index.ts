export { closestNames } from './closest-names.js';
export {
  parseSemanticManifest,
  type SemanticIssue,
  type SemanticManifest,
} from './parse-semantic-manifest.js';
export type { Metric, SemanticModel } from './semantic-manifest-schema.js';
