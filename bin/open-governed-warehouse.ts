import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Databases } from '../mcp-tools/db/index.js';
import {
  checkPolicyAgainstCatalog,
  createGovernedWarehouse,
  GovernanceError,
  type GovernancePolicy,
  type GovernedWarehouse,
  governedSchemas,
  loadGovernancePolicy,
  readWarehouseCatalog,
} from '../mcp-tools/governance/index.js';
import type { Config } from './config/load-config.js';

/** The policy shipped with Hale, used when `--policies` / `HALE_POLICIES` is unset. */
export const bundledPolicyFile = fileURLToPath(
  new URL('../mcp-tools/governance/default-policies.yml', import.meta.url),
);

/** Reads and validates the policy file (`--policies` / `HALE_POLICIES`, else the bundled one). */
export async function readPolicy(config: Config): Promise<GovernancePolicy> {
  const file = config.policies ?? bundledPolicyFile;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new GovernanceError(
      'invalid_policy',
      `cannot read the policy file ${file} (--policies / HALE_POLICIES): ${(error as Error).message}`,
      { cause: error },
    );
  }
  return loadGovernancePolicy({ file, text });
}

/**
 * Builds the governed warehouse for a command or the server: reads and validates the policy file,
 * reads the warehouse catalog, and wires the gate to the warehouse and the audit log.
 */
export async function openGovernedWarehouse({
  config,
  databases,
}: {
  config: Config;
  databases: Databases;
}): Promise<GovernedWarehouse> {
  const policy = await readPolicy(config);
  const catalog = await readWarehouseCatalog(databases.warehouse, governedSchemas);
  // Every command that governs queries needs data; the policy is checked against the tables found.
  if (catalog.tables.size === 0)
    throw new GovernanceError(
      'unknown_name',
      'the warehouse is empty: run `hale seed` (demo data) or `hale cdm load PATH` first',
    );
  const problems = checkPolicyAgainstCatalog(policy, catalog);
  if (problems.length > 0)
    throw new GovernanceError(
      'invalid_policy',
      `the policy does not match the warehouse: ${problems.join('; ')}`,
    );
  return createGovernedWarehouse({
    warehouse: databases.warehouse,
    auditLog: databases.application,
    policy,
    catalog,
  });
}
