export { type BuiltinModelOptions, createBuiltinModel } from './create-builtin-model.js';
export {
  type DimensionValueEntry,
  type DimensionValueIndex,
  loadDimensionValueIndex,
} from './dimension-value-index.js';
