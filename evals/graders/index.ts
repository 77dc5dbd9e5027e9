export { compareResultSets, type ExecutionAccuracyVerdict, type ResultSet } from './execution-accuracy.js';
