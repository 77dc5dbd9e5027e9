import { renderNativePolicies } from '../../mcp-tools/governance/index.js';
import { openGovernedWarehouse } from '../open-governed-warehouse.js';
import { openRuntime } from '../open-runtime.js';
import { type Command, UsageError } from './command.js';

const usage = `hale governance sql [--policies FILE] [--json]
  Prints the governance policy as a PostgreSQL script for the warehouse itself (defense in depth):
  a NOLOGIN role hale_<user> per principal with column grants, masking views and row-level security,
  so the database refuses what Hale's gate refuses to whoever connects with those roles. Nothing is
  applied: review the script, then run it as a superuser or the tables' owner
  (psql -v ON_ERROR_STOP=1 -f FILE). Minimum cell sizes cannot be expressed natively: aggregate-only
  access stays enforced by Hale's gate alone.
  --policies FILE   the policy file (env HALE_POLICIES; default: the bundled demo policy)
  --json            {"sql": "...", "policyVersion": "..."}`;

export const governanceCommand: Command = {
  name: 'governance',
  summary: 'print the policy as native PostgreSQL roles, grants and policies (hale governance sql)',
  usage,
  options: { policies: { type: 'string' } },
  positionals: [1, 1],
  async run(context) {
    const [subcommand] = context.positionals;
    if (subcommand !== 'sql')
      throw new UsageError(`unknown governance subcommand ${JSON.stringify(subcommand)}`, usage);
    const databases = await openRuntime(context);
    const governed = await openGovernedWarehouse({ config: context.config, databases });
    const sql = renderNativePolicies({ policy: governed.policy, catalog: governed.catalog });
    return { json: { sql, policyVersion: governed.policy.version }, text: sql.trimEnd() };
  },
};
