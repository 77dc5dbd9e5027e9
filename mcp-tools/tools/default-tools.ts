import {
  conceptDescendantsTool,
  getConceptTool,
  searchConceptsTool,
  translateCodeTool,
} from '../ontology/index.js';
import { searchDocumentsTool } from '../retrieval/search-documents-tool.js';
import {
  compileMetricsSqlTool,
  getDimensionsTool,
  getDimensionValuesTool,
  listMetricsTool,
  queryMetricsTool,
} from '../semantic/index.js';
import { describeTableTool } from './describe-table-tool.js';
import { listTablesTool } from './list-tables-tool.js';
import { runSqlTool } from './run-sql-tool.js';
import type { AnyToolDefinition } from './tool-definition.js';
import { whoamiTool } from './whoami-tool.js';

/** Every tool Hale offers, in the order clients list them. */
export const defaultTools: readonly AnyToolDefinition[] = [
  whoamiTool,
  listTablesTool,
  describeTableTool,
  runSqlTool,
  listMetricsTool,
  getDimensionsTool,
  getDimensionValuesTool,
  queryMetricsTool,
  compileMetricsSqlTool,
  searchConceptsTool,
  getConceptTool,
  translateCodeTool,
  conceptDescendantsTool,
  searchDocumentsTool,
];
