import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Database, migrate, migrations } from '../../mcp-tools/db/index.js';
import {
  createGovernedWarehouse,
  type ExecutionLimits,
  type GovernancePolicy,
  type GovernedQueryResult,
  type GovernedWarehouse,
  governedSchemas,
  loadGovernancePolicy,
  readWarehouseCatalog,
  resolvePrincipal,
} from '../../mcp-tools/governance/index.js';
import { seedDemoWarehouse } from '../../mcp-tools/warehouse/index.js';

/** The policy file shipped in the repository. */
export const defaultPolicyPath = fileURLToPath(
  new URL('../../mcp-tools/governance/default-policies.yml', import.meta.url),
);

/** Loads the shipped policy. */
export function loadDefaultPolicy(): Promise<GovernancePolicy> {
  return loadGovernancePolicy({ file: defaultPolicyPath, text: readFileSync(defaultPolicyPath, 'utf8') });
}

/** A seeded demo warehouse behind the gate, with helpers to run SQL as a demo user. */
export interface GovernedTestWarehouse {
  governed: GovernedWarehouse;
  policy: GovernancePolicy;
  /** Runs SQL through the gate as a demo user. */
  runAs(user: string, sql: string, options?: { signal?: AbortSignal }): Promise<GovernedQueryResult>;
  /** Runs SQL directly on the database (ungoverned), for reference results. */
  reference(sql: string): Promise<Record<string, unknown>[]>;
}

/** Seeds a small demo warehouse into `database`, applies migrations and builds the gate over it. */
export async function createGovernedTestWarehouse({
  database,
  scale = 0.1,
  seed = 11,
  limits,
}: {
  database: Database;
  scale?: number;
  /** The demo generator's random seed: another seed, other data. */
  seed?: number;
  limits?: ExecutionLimits;
}): Promise<GovernedTestWarehouse> {
  await migrate(database, migrations);
  await seedDemoWarehouse({
    warehouse: database,
    scale,
    seed,
    referenceDate: '2026-06-30',
    force: false,
  });
  const policy = await loadDefaultPolicy();
  const catalog = await readWarehouseCatalog(database, governedSchemas);
  const governed = createGovernedWarehouse({
    warehouse: database,
    auditLog: database,
    policy,
    catalog,
    ...(limits ? { limits } : {}),
  });
  return {
    governed,
    policy,
    runAs: (user, sql, options = {}) =>
      governed.run({
        sql,
        principal: resolvePrincipal(policy, user),
        channel: 'eval',
        tool: 'test',
        ...options,
      }),
    reference: async (sql) => (await database.query(sql)).rows,
  };
}
