/**
 * Which SQL functions the gate lets through. Allow-listed by name (schema-less or `pg_catalog`):
 * aggregates, arithmetic, string, date/time, conditional and JSON construction. A few dangerous
 * families are named with the reason, so the refusal explains itself; anything else is refused as
 * "not in the allow-list". Casts and operators are checked elsewhere.
 */

/** Aggregates an aggregate-only principal may use: none of them can return one person's value. */
export const disclosureSafeAggregates: ReadonlySet<string> = new Set([
  'count',
  'sum',
  'avg',
  'stddev',
  'stddev_samp',
  'stddev_pop',
  'variance',
  'var_samp',
  'var_pop',
]);

/** Aggregates that pack rows into one value; never allowed for aggregate-only principals. */
export const rowPackingAggregates: ReadonlySet<string> = new Set([
  'array_agg',
  'string_agg',
  'json_agg',
  'jsonb_agg',
  'json_object_agg',
  'jsonb_object_agg',
  'json_agg_strict',
  'jsonb_agg_strict',
  'json_objectagg',
  'json_arrayagg',
  'xmlagg',
]);

const otherAggregates = [
  'min',
  'max',
  'bool_and',
  'bool_or',
  'every',
  'percentile_cont',
  'percentile_disc',
  'mode',
  'corr',
  'covar_pop',
  'covar_samp',
  'regr_slope',
  'regr_intercept',
  'regr_r2',
  'regr_count',
  'any_value',
];

/** Every aggregate function name the gate knows (an aggregate-only check needs to recognise them). */
export const aggregateFunctions: ReadonlySet<string> = new Set([
  ...disclosureSafeAggregates,
  ...[...rowPackingAggregates].filter((name) => name !== 'xmlagg'),
  ...otherAggregates,
]);

/** Window-only functions. */
export const windowFunctions: ReadonlySet<string> = new Set([
  'row_number',
  'rank',
  'dense_rank',
  'percent_rank',
  'cume_dist',
  'ntile',
  'lag',
  'lead',
  'first_value',
  'last_value',
  'nth_value',
]);

const scalarFunctions = [
  // arithmetic
  'abs',
  'ceil',
  'ceiling',
  'floor',
  'round',
  'trunc',
  'sign',
  'sqrt',
  'cbrt',
  'power',
  'pow',
  'exp',
  'ln',
  'log',
  'log10',
  'mod',
  'div',
  'pi',
  'degrees',
  'radians',
  'width_bucket',
  'random',
  'gcd',
  'lcm',
  'scale',
  // strings
  'length',
  'char_length',
  'character_length',
  'octet_length',
  'bit_length',
  'lower',
  'upper',
  'initcap',
  'substr',
  'substring',
  'left',
  'right',
  'trim',
  'btrim',
  'ltrim',
  'rtrim',
  'replace',
  'translate',
  // full-text search (concept search compares names this way)
  'to_tsvector',
  'to_tsquery',
  'plainto_tsquery',
  'websearch_to_tsquery',
  'ts_rank',
  'ts_rank_cd',
  'concat',
  'concat_ws',
  'strpos',
  'position',
  'split_part',
  'starts_with',
  'reverse',
  'format',
  'to_char',
  'to_number',
  'to_date',
  'to_timestamp',
  'regexp_replace',
  'regexp_match',
  'regexp_like',
  'regexp_count',
  'regexp_substr',
  'regexp_instr',
  'regexp_split_to_array',
  'md5',
  'chr',
  'ascii',
  'normalize',
  'overlay',
  'quote_literal',
  // dates and times
  'now',
  'date_trunc',
  'date_part',
  'extract',
  'age',
  'make_date',
  'make_time',
  'make_timestamp',
  'make_timestamptz',
  'make_interval',
  'justify_days',
  'justify_hours',
  'justify_interval',
  'date_bin',
  'isfinite',
  'timezone',
  'statement_timestamp',
  'transaction_timestamp',
  'clock_timestamp',
  'date_add',
  'date_subtract',
  // conditional and nulls
  'coalesce',
  'nullif',
  'greatest',
  'least',
  'num_nulls',
  'num_nonnulls',
  // JSON construction and access
  'to_json',
  'to_jsonb',
  'row_to_json',
  'json_build_object',
  'jsonb_build_object',
  'json_build_array',
  'jsonb_build_array',
  'json_extract_path_text',
  'jsonb_extract_path_text',
  'jsonb_typeof',
  'json_typeof',
  // arrays
  'array_length',
  'cardinality',
  'array_position',
  'array_to_string',
  'array_append',
  'array_prepend',
  'array_cat',
  'array_remove',
  'array_lower',
  'array_upper',
];

/** Set-returning functions allowed in FROM or the select list. Bounds are checked by the gate. */
export const setReturningFunctions: ReadonlySet<string> = new Set([
  'generate_series',
  'unnest',
  'generate_subscripts',
]);

const allowed: ReadonlySet<string> = new Set([
  ...aggregateFunctions,
  ...windowFunctions,
  ...scalarFunctions,
  ...setReturningFunctions,
]);

/** Families refused by name, with the reason given to the caller. */
const deniedFamilies: readonly [RegExp, string][] = [
  [/^pg_sleep/, 'it makes the database wait'],
  [/^(pg_read_|pg_ls_|pg_stat_file|pg_file_|lo_|loread|lowrite)/, 'it reads server files or large objects'],
  [/^(set_config|current_setting|pg_reload_conf|pg_rotate_logfile)$/, 'it reads or changes server settings'],
  [/^pg_(try_)?advisory/, 'it takes advisory locks'],
  [/^(nextval|setval|currval|lastval)$/, 'it changes or reads sequences'],
  [
    /(_to_xml|^xml|xpath|_to_json$|^cursor_to)/,
    'it runs a query or dumps data as XML/JSON outside the policy',
  ],
  [
    /^(dblink|pg_terminate_backend|pg_cancel_backend|pg_notify|inet_|pg_backend_pid)/,
    'it reaches other sessions, servers or the network',
  ],
  [/^(repeat|lpad|rpad)$/, 'it can build arbitrarily large values'],
  [/^(txid_|pg_current_|pg_snapshot|pg_xact)/, 'it exposes transaction internals'],
  [
    /^(pg_|has_.*privilege$|obj_description|col_description|format_type|version$)/,
    'it reads the system catalogs',
  ],
];

/** Why a function is refused, or undefined when it is allowed. */
export function functionRefusal(qualifiedName: readonly string[]): string | undefined {
  const name = (qualifiedName[qualifiedName.length - 1] ?? '').toLowerCase();
  const schema = qualifiedName.length > 1 ? qualifiedName[0] : undefined;
  if (qualifiedName.length > 2 || (schema !== undefined && schema !== 'pg_catalog'))
    return `function ${qualifiedName.join('.')} is not in Hale's allow-list (only built-in functions may be called)`;
  for (const [pattern, reason] of deniedFamilies) {
    if (pattern.test(name) && !allowed.has(name)) return `function ${name} is not allowed: ${reason}`;
  }
  if (!allowed.has(name))
    return `function ${name} is not in Hale's allow-list of aggregate, arithmetic, string, date/time and conditional functions`;
  return undefined;
}

/** Types a value may be cast to. `reg*` casts look up catalog objects and are refused. */
export const allowedCastTypes: ReadonlySet<string> = new Set([
  'int2',
  'int4',
  'int8',
  'smallint',
  'integer',
  'int',
  'bigint',
  'numeric',
  'decimal',
  'float4',
  'float8',
  'real',
  'double precision',
  'text',
  'varchar',
  'bpchar',
  'char',
  'boolean',
  'bool',
  'date',
  'timestamp',
  'timestamptz',
  'time',
  'timetz',
  'interval',
  'json',
  'jsonb',
  'uuid',
]);
