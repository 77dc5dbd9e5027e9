import type { Row } from '../../mcp-tools/db/index.js';
import {
  type GovernancePolicy,
  governedSchemas,
  resolvePrincipal,
} from '../../mcp-tools/governance/index.js';
import { nativeNamesFor } from '../../mcp-tools/governance/native/native-names.js';
import { renderNativePolicies } from '../../mcp-tools/governance/native/render-native-policies.js';
import { interleavedMedians, type RepetitionPolicy } from './interleaved-medians.js';
import { legitimateQueries } from './legitimate-queries.js';
import { ratioSummary, round } from './timing-statistics.js';
import type { BenchWarehouse } from './with-bench-warehouse.js';

/** Filtered (bob, carol) and masked (dana) principals: the ones native row-level security changes. */
const nativeUsers = ['bob', 'carol', 'dana'] as const;

const schemaQualifier = new RegExp(`\\b(?:${governedSchemas.join('|')})\\.(?=[a-z_])`, 'g');

/** Rows as a multiset, so two results compare equal whatever order ties came in. */
function canonical(rows: readonly Row[]): string {
  return rows
    .map((row) => JSON.stringify(row))
    .sort()
    .join('\n');
}

/**
 * Hale's gate against the same policy enforced by PostgreSQL itself: the script of
 * `renderNativePolicies` is applied, then each legitimate query a principal may run is timed through
 * the gate and natively, as the principal's role (`SET LOCAL ROLE` in a transaction, with the
 * search_path the script gives the role, and table names unqualified so masking views take the
 * tables' place). Results are compared too: a difference means the two enforcements disagree.
 */
export async function measureNativeComparison({
  warehouse,
  policy,
  rolePrefix,
  repetitions,
}: {
  warehouse: BenchWarehouse;
  policy: GovernancePolicy;
  rolePrefix: string;
  repetitions: RepetitionPolicy;
}) {
  const { database, governed, catalog } = warehouse;
  const script = renderNativePolicies({ policy, catalog, rolePrefix });
  const applyStarted = performance.now();
  await database.exec(script);
  const applySeconds = (performance.now() - applyStarted) / 1000;

  const byUser: Record<string, unknown> = {};
  const allRatios: number[] = [];
  const disagreements: { id: string; user: string; detail: string }[] = [];
  const highest: { id: string; user: string; governedMs: number; nativeMs: number; ratio: number }[] = [];
  for (const user of nativeUsers) {
    const principal = resolvePrincipal(policy, user);
    const { role } = nativeNamesFor({ user, rolePrefix });
    const setting = await database.query<{ search_path: string }>(
      `SELECT substr(config, length('search_path=') + 1) AS search_path
         FROM pg_catalog.pg_db_role_setting, unnest(setconfig) AS config
        WHERE setrole = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = $1) AND config LIKE 'search_path=%'`,
      [role],
    );
    const searchPath = setting.rows[0]?.search_path;
    if (!searchPath) throw new Error(`the native script set no search_path for ${role}`);
    const runNatively = (sql: string) =>
      database.transaction(async (transaction) => {
        await transaction.exec(`SET LOCAL ROLE "${role}"`);
        await transaction.exec(`SET LOCAL search_path = ${searchPath}`);
        return transaction.query(sql);
      });

    const ratios: number[] = [];
    for (const query of legitimateQueries) {
      const runGoverned = () => governed.run({ sql: query.sql, principal, channel: 'eval', tool: 'bench' });
      const gated = await runGoverned();
      if (gated.status !== 'ok') continue;
      const nativeSql = query.sql.replace(schemaQualifier, '');
      let native: Row[];
      try {
        native = (await runNatively(nativeSql)).rows;
      } catch (error) {
        disagreements.push({ id: query.id, user, detail: `native failed: ${(error as Error).message}` });
        continue;
      }
      if (canonical(gated.rows) !== canonical(native))
        disagreements.push({
          id: query.id,
          user,
          detail: `different rows (gate ${gated.rowCount}, native ${native.length})`,
        });
      const { medians } = await interleavedMedians({
        runners: new Map<string, () => Promise<unknown>>([
          ['governed', runGoverned],
          ['native', () => runNatively(nativeSql)],
        ]),
        repetitions,
      });
      const governedMs = medians.get('governed') ?? Number.NaN;
      const nativeMs = medians.get('native') ?? Number.NaN;
      const ratio = governedMs / nativeMs;
      ratios.push(ratio);
      highest.push({
        id: query.id,
        user,
        governedMs: round(governedMs),
        nativeMs: round(nativeMs),
        ratio: round(ratio),
      });
      process.stderr.write(
        `governance native ${warehouse.kind} ${user} ${query.id} governed ${round(governedMs)} ms native ${round(nativeMs)} ms\n`,
      );
    }
    allRatios.push(...ratios);
    byUser[user] = ratioSummary(ratios);
  }
  highest.sort((left, right) => right.ratio - left.ratio);
  return {
    target: 'median governed/native ratio ≤ 1.10',
    applySeconds: round(applySeconds, 2),
    ratio: ratioSummary(allRatios),
    byUser,
    highestRatios: highest.slice(0, 8),
    lowestRatios: highest.slice(-5).reverse(),
    disagreements,
  };
}
