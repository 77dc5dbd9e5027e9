export { listAuditEntries, type RecordedAuditEntry, recordAuditEntry } from './audit/index.js';
export { readWarehouseCatalog } from './catalog/read-warehouse-catalog.js';
export type { CatalogColumn, CatalogTable, WarehouseCatalog } from './catalog/warehouse-catalog.js';
export { defaultExecutionLimits, type ExecutionLimits } from './execution/execute-governed-plan.js';
export { GovernanceError, type GovernanceErrorCode } from './governance-error.js';
export type {
  GovernedQueryRequest,
  GovernedQueryResult,
  QueryChannel,
  SuppressionReport,
} from './governed-query.js';
export { createGovernedWarehouse, type GovernedWarehouse, governedSchemas } from './governed-warehouse.js';
export { renderNativePolicies } from './native/render-native-policies.js';
export { checkPolicyAgainstCatalog } from './policy/check-policy-against-catalog.js';
export type { GovernancePolicy, Principal } from './policy/governance-policy.js';
export { loadGovernancePolicy } from './policy/load-governance-policy.js';
export { parsePolicyFile } from './policy/parse-policy-file.js';
export { formatPolicyIssues, type PolicyIssue } from './policy/policy-issue.js';
export { resolvePrincipal } from './policy/resolve-principal.js';
export { tableAccessFor } from './policy/table-access-for.js';
export type { QueryParameter } from './sql/bind-query-parameters.js';
export { loadSqlParser } from './sql/sql-parser.js';
