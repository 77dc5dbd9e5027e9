import { createInterface } from 'node:readline';
import { type GovernedQueryResult, resolvePrincipal } from '../../mcp-tools/governance/index.js';
import { formatResultTable } from '../../mcp-tools/tools/index.js';
import { openGovernedWarehouse } from '../open-governed-warehouse.js';
import { openRuntime } from '../open-runtime.js';
import { type Command, UsageError } from './command.js';

const usage = `hale sql --as USER [--json | --jsonl] [SQL]
  Runs one SELECT through the governance gate as USER (a principal of the policy file) and prints
  the rows that person may see, the SQL that ran and the policies applied. Every query is audited.
  SQL                 the query; read from stdin when omitted
  --as USER           whose access applies (admin, dana, alice, bob, carol in the demo policy)
  --json              one JSON document: {status, columns, rows, rowCount, executedSql, policies, reason}
  --jsonl             read {"sql": "..."} lines from stdin, print one JSON result per line
  --policies FILE     the policy file (env HALE_POLICIES; default: the bundled demo policy)`;

/** The JSON of ARCHITECTURE §6: `hale sql --json`. */
function resultDocument(result: GovernedQueryResult) {
  return {
    status: result.status,
    columns: result.columns.map((column) => column.name),
    rows: result.rows,
    rowCount: result.rowCount,
    truncated: result.truncated,
    executedSql: result.executedSql ?? null,
    policies: result.policies,
    ...(result.suppression ? { suppression: result.suppression } : {}),
    ...(result.code ? { code: result.code } : {}),
    ...(result.reason ? { reason: result.reason } : {}),
    ...(result.suggestions ? { suggestions: result.suggestions } : {}),
    policyVersion: result.policyVersion,
    durationMs: Math.round(result.durationMs * 10) / 10,
  };
}

function resultText(result: GovernedQueryResult): string {
  if (result.status !== 'ok') {
    const hint = result.suggestions?.length ? ` (did you mean ${result.suggestions.join(', ')}?)` : '';
    return `${result.status} (${result.code}): ${result.reason}${hint}`;
  }
  const lines = [formatResultTable(result)];
  lines.push(
    `(${result.rowCount.toLocaleString('en')} row${result.rowCount === 1 ? '' : 's'}${result.truncated ? ', truncated by the row cap' : ''})`,
  );
  if (result.suppression && result.suppression.smallGroups + result.suppression.complementaryGroups > 0) {
    const { smallGroups, complementaryGroups, minimumCellSize } = result.suppression;
    lines.push(
      `${smallGroups} group${smallGroups === 1 ? '' : 's'} with fewer than ${minimumCellSize} patients hidden${complementaryGroups ? `, ${complementaryGroups} more so they cannot be derived from totals` : ''}`,
    );
  }
  for (const policy of result.policies) lines.push(`policy: ${policy}`);
  return lines.join('\n');
}

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const sqlCommand: Command = {
  name: 'sql',
  summary: 'run governed SQL as a principal (hale sql --as USER "SELECT …")',
  usage,
  options: { as: { type: 'string' }, jsonl: { type: 'boolean' }, policies: { type: 'string' } },
  positionals: [0, 1],
  async run(context) {
    const { values, positionals } = context;
    const user = values.as;
    if (typeof user !== 'string' || user === '')
      throw new UsageError('--as USER is required: whose access applies', usage);
    const jsonl = values.jsonl === true;
    if (jsonl && context.json) throw new UsageError('use either --json or --jsonl', usage);
    if (jsonl && positionals.length > 0)
      throw new UsageError('--jsonl reads queries from stdin; do not pass SQL as an argument', usage);

    const databases = await openRuntime(context);
    const governed = await openGovernedWarehouse({ config: context.config, databases });
    const principal = resolvePrincipal(governed.policy, user);
    const run = (sql: string) =>
      governed.run({ sql, principal, channel: 'cli', tool: 'hale_sql', signal: context.signal });

    if (jsonl) {
      let failures = 0;
      let lineNumber = 0;
      for await (const line of createInterface({
        input: process.stdin,
        crlfDelay: Number.POSITIVE_INFINITY,
      })) {
        lineNumber++;
        if (line.trim() === '') continue;
        let sql: unknown;
        try {
          sql = (JSON.parse(line) as { sql?: unknown }).sql;
        } catch {
          sql = undefined;
        }
        if (typeof sql !== 'string') {
          failures++;
          process.stdout.write(
            `${JSON.stringify({ status: 'error', code: 'invalid_input', reason: `line ${lineNumber}: expected a JSON object {"sql": "..."}` })}\n`,
          );
          continue;
        }
        const result = await run(sql);
        if (result.status !== 'ok') failures++;
        process.stdout.write(`${JSON.stringify(resultDocument(result))}\n`);
      }
      return { json: null, text: '', printed: true, exitCode: failures > 0 ? 1 : 0 };
    }

    const sql = positionals[0] ?? (await readStandardInput());
    if (sql.trim() === '') throw new UsageError('no SQL given (pass it as an argument or on stdin)', usage);
    const result = await run(sql);
    if (result.status !== 'ok' && !context.json) process.stderr.write(`hale sql: ${resultText(result)}\n`);
    return {
      json: resultDocument(result),
      text: result.status === 'ok' ? resultText(result) : '',
      exitCode: result.status === 'ok' ? 0 : 1,
      printed: result.status !== 'ok' && !context.json,
    };
  },
};
