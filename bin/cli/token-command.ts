import { resolvePrincipal } from '../../mcp-tools/governance/index.js';
import {
  type ApiTokenRecord,
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from '../../mcp-tools/mcp/index.js';
import { readPolicy } from '../open-governed-warehouse.js';
import { openRuntime } from '../open-runtime.js';
import { type Command, UsageError } from './command.js';

const defaultExpiryDays = 90;
const maximumExpiryDays = 3650;

const usage = `hale token create --user USER [--label TEXT] [--expires-in-days N] [--json]
hale token revoke TOKEN_ID
hale token list [--json]
  API tokens for the MCP endpoint (/mcp) of \`hale start\`: clients send one as
  "Authorization: Bearer <token>" and act as USER, a principal of the policy file. The token is
  printed once, at creation; Hale keeps only its SHA-256 digest. A token expires after
  --expires-in-days (default ${defaultExpiryDays}); revoke it early by its id (the part after
  "hale_") or by the token itself.`;

function parseExpiry(value: string | boolean | undefined): number {
  if (value === undefined) return defaultExpiryDays;
  const text = String(value);
  const days = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(days >= 1 && days <= maximumExpiryDays))
    throw new UsageError(
      `--expires-in-days must be a whole number from 1 to ${maximumExpiryDays}, got ${JSON.stringify(text)}`,
      usage,
    );
  return days;
}

function describeToken(record: ApiTokenRecord): string {
  const state = record.revokedAt ? `revoked ${record.revokedAt}` : `expires ${record.expiresAt}`;
  const used = record.lastUsedAt ? `last used ${record.lastUsedAt}` : 'never used';
  return `${record.tokenId}  ${record.user}  ${state}  ${used}${record.label ? `  "${record.label}"` : ''}`;
}

export const tokenCommand: Command = {
  name: 'token',
  summary: 'create, list and revoke API tokens for /mcp (hale token create --user USER)',
  usage,
  options: {
    user: { type: 'string' },
    label: { type: 'string' },
    'expires-in-days': { type: 'string' },
    policies: { type: 'string' },
  },
  positionals: [1, 2],
  async run(context) {
    const [subcommand, argument] = context.positionals;
    if (subcommand === 'create') {
      if (argument !== undefined)
        throw new UsageError(`unexpected argument ${JSON.stringify(argument)}`, usage);
      const user = context.values.user;
      if (typeof user !== 'string' || user.trim() === '')
        throw new UsageError('--user USER is required: whom the token authenticates', usage);
      const label = typeof context.values.label === 'string' ? context.values.label : '';
      if (label.length > 200) throw new UsageError('--label must be at most 200 characters', usage);
      const expiresInDays = parseExpiry(context.values['expires-in-days']);
      // The user must be a principal now; a token for a name the policy lacks would never work.
      // Only the policy is needed for that, not the warehouse's catalog.
      resolvePrincipal(await readPolicy(context.config), user);
      const databases = await openRuntime(context);
      const { token, record } = await createApiToken(databases.application, { user, label, expiresInDays });
      return {
        json: { token, ...record },
        text: `${token}\n\nAPI token ${record.tokenId} for ${user}, expires ${record.expiresAt}.\nIt is shown only now: store it in your MCP client's configuration (see docs/mcp.md).`,
      };
    }
    if (subcommand === 'revoke') {
      if (!argument) throw new UsageError('name the token to revoke: hale token revoke TOKEN_ID', usage);
      const databases = await openRuntime(context);
      const record = await revokeApiToken(databases.application, argument);
      if (!record)
        throw new UsageError(`no API token with id ${JSON.stringify(argument)} (see hale token list)`, usage);
      return { json: record, text: `revoked ${describeToken(record)}` };
    }
    if (subcommand === 'list') {
      if (argument !== undefined)
        throw new UsageError(`unexpected argument ${JSON.stringify(argument)}`, usage);
      const databases = await openRuntime(context);
      const records = await listApiTokens(databases.application);
      return {
        json: { tokens: records },
        text: records.length === 0 ? 'no API tokens' : records.map(describeToken).join('\n'),
      };
    }
    throw new UsageError(`unknown token subcommand ${JSON.stringify(subcommand)}`, usage);
  },
};
