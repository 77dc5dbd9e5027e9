import { closestNames } from '../../../semantic-layer/index.js';
import { type CatalogTable, tableKey, type WarehouseCatalog } from '../catalog/warehouse-catalog.js';
import { GovernanceError, type GovernanceErrorCode } from '../governance-error.js';
import type { GovernancePolicy, Principal } from '../policy/governance-policy.js';
import { tableAccessFor } from '../policy/table-access-for.js';
import { dottedName, fieldsOf, listOf, nodeEntry, stringValue } from '../sql/sql-node.js';
import { checkExpressionNode } from './check-expression-node.js';
import { figureColumnName } from './figure-column-name.js';
import { aggregateFunctions, disclosureSafeAggregates, rowPackingAggregates } from './function-policy.js';
import type { QueryAnalysis } from './query-analysis.js';
import type {
  CteScope,
  DerivedColumns,
  EntryColumn,
  RangeEntry,
  Scope,
  TableReference,
} from './range-entry.js';

type Fields = Record<string, unknown>;

/** The clause an expression sits in; the aggregate-only rules differ per clause. */
type Clause =
  | 'target'
  | 'where'
  | 'join'
  | 'group'
  | 'having'
  | 'order'
  | 'window'
  | 'limit'
  | 'from'
  | 'values';

/** Per query level: whether it is the outermost one and how many aggregate calls it makes. */
interface Level {
  top: boolean;
  aggregateCalls: number;
}

interface WalkContext {
  scope: Scope;
  ctes: CteScope;
  level: Level;
  clause: Clause;
  /** Inside an aggregate's arguments (conditional expressions are refused there for aggregate-only access). */
  insideAggregate: boolean;
}

function deny(code: GovernanceErrorCode, message: string, suggestions?: readonly string[]): never {
  throw new GovernanceError(code, message, suggestions ? { suggestions } : undefined);
}

/** Options of one analysis: the policy, the person, the warehouse shape and the database's abilities. */
export interface AnalyzeQueryOptions {
  policy: GovernancePolicy;
  principal: Principal;
  catalog: WarehouseCatalog;
  /** Governed schemas in the order unqualified names are looked up. */
  schemas: readonly string[];
  /** False when the database cannot time out a statement: recursion and unbounded series are refused. */
  canTimeOut: boolean;
  /** Extension functions (`public.similarity`) and operators (`public.%`) a Hale tool's query may use. */
  trusted?: { functions: ReadonlySet<string>; operators: ReadonlySet<string> } | undefined;
}

/**
 * Walks the whole parse tree of one SELECT — CTEs, subqueries at any depth, LATERAL, set operations,
 * function arguments — resolving every relation and column against the catalog and the principal's
 * policy. Throws a `GovernanceError` at the first violation; returns what the rewrite needs.
 */
export function analyzeQuery(select: Fields, options: AnalyzeQueryOptions): QueryAnalysis {
  return new QueryAnalyzer(options).analyze(select);
}

class QueryAnalyzer {
  private readonly references: TableReference[] = [];
  private readonly qualified: QueryAnalysis['qualifiedColumnReferences'] = [];
  private readonly policies = new Set<string>();
  private readonly filtered: Fields[] = [];
  private readonly columnTypes = new Map<object, string>();
  private readonly usingTypes = new Map<object, [string | undefined, string | undefined][]>();
  private aggregateOnly = false;
  private minimumCellSize = 0;

  constructor(private readonly options: AnalyzeQueryOptions) {}

  analyze(select: Fields): QueryAnalysis {
    this.aggregateOnly = this.readsAggregateOnlyTable(select);
    const level: Level = { top: true, aggregateCalls: 0 };
    const { scope } = this.analyzeSelect(select, { ctes: { ctes: new Map() }, level });
    const analysis: QueryAnalysis = {
      references: this.references,
      qualifiedColumnReferences: this.qualified,
      aggregateOnly: this.aggregateOnly,
      minimumCellSize: this.minimumCellSize,
      entitySources: [],
      filteredAggregates: this.filtered,
      policies: [...this.policies],
      columnTypes: this.columnTypes,
      usingTypes: this.usingTypes,
    };
    if (this.aggregateOnly) this.checkAggregateShape(select, scope, level, analysis);
    return analysis;
  }

  /** A first pass over every table name, so the aggregate rules apply wherever the table appears. */
  private readsAggregateOnlyTable(node: unknown): boolean {
    let found = false;
    const visit = (value: unknown): void => {
      if (found || value === null || typeof value !== 'object') return;
      if (Array.isArray(value)) {
        for (const item of value) visit(item);
        return;
      }
      const rangeVar = fieldsOf(value, 'RangeVar');
      if (rangeVar) {
        const table = this.findTable(rangeVar, false);
        if (
          table &&
          tableAccessFor(this.options.policy, this.options.principal, table).access === 'aggregate'
        )
          found = true;
      }
      for (const inner of Object.values(value)) visit(inner);
    };
    visit(node);
    return found;
  }

  private checkAggregateShape(select: Fields, scope: Scope, level: Level, analysis: QueryAnalysis): void {
    if (select.op !== undefined && select.op !== 'SETOP_NONE')
      deny(
        'aggregate_required',
        'aggregate-only access: combine aggregate results in separate queries, not with UNION/INTERSECT/EXCEPT',
      );
    if (listOf(select.groupClause).length === 0 && level.aggregateCalls === 0)
      deny(
        'aggregate_required',
        'aggregate-only access: the query must aggregate (GROUP BY with count, sum or avg); individual rows of patient data are not available',
      );
    for (const entry of scope.entries) {
      if (!entry.name) continue;
      const entity = entry.columns.find((column) => column.isEntity);
      if (entity) analysis.entitySources.push({ entryName: entry.name, column: entity.name });
    }
    if (analysis.entitySources.length === 0)
      deny(
        'aggregate_required',
        'aggregate-only access: the outermost FROM must include a patient-level table, or an aliased subquery that keeps person_id or patient_id in its select list, so Hale can count the patients in each group',
      );
  }

  // ── Query levels ────────────────────────────────────────────────────────────────────────────

  private analyzeSelect(
    select: Fields,
    { outer, ctes, level }: { outer?: Scope; ctes: CteScope; level: Level },
  ): DerivedColumns & { scope: Scope } {
    if (select.intoClause) deny('statement_not_allowed', 'SELECT INTO creates a table; Hale only reads');
    if (listOf(select.lockingClause).length > 0)
      deny('statement_not_allowed', 'FOR UPDATE/SHARE locks rows; Hale only reads');
    const innerCtes = this.analyzeWith(select.withClause as Fields | undefined, outer, ctes);

    if (select.op !== undefined && select.op !== 'SETOP_NONE') {
      const left = this.analyzeSelect(select.larg as Fields, {
        ...(outer ? { outer } : {}),
        ctes: innerCtes,
        level: { top: false, aggregateCalls: 0 },
      });
      const right = this.analyzeSelect(select.rarg as Fields, {
        ...(outer ? { outer } : {}),
        ctes: innerCtes,
        level: { top: false, aggregateCalls: 0 },
      });
      const columns = left.columns.map((column, index) => ({
        name: column.name,
        isEntity: column.isEntity && (right.columns[index]?.isEntity ?? false),
      }));
      const scope: Scope = { entries: [], usingColumns: new Map(), ...(outer ? { parent: outer } : {}) };
      const context: WalkContext = { scope, ctes: innerCtes, level, clause: 'order', insideAggregate: false };
      this.checkSort(select.sortClause, columns, context);
      this.walk(select.limitCount, { ...context, clause: 'limit' });
      this.walk(select.limitOffset, { ...context, clause: 'limit' });
      return { columns, scope };
    }

    const scope: Scope = { entries: [], usingColumns: new Map(), ...(outer ? { parent: outer } : {}) };
    const context: WalkContext = { scope, ctes: innerCtes, level, clause: 'from', insideAggregate: false };

    if (select.valuesLists) {
      let width = 0;
      for (const row of listOf(select.valuesLists)) {
        const items = listOf(fieldsOf(row, 'List')?.items);
        width = Math.max(width, items.length);
        for (const item of items) this.walk(item, { ...context, clause: 'values' });
      }
      return {
        columns: Array.from({ length: width }, (_, index) => ({
          name: `column${index + 1}`,
          isEntity: false,
        })),
        scope,
      };
    }

    for (const item of listOf(select.fromClause)) this.fromItem(item, context, outer);
    this.walk(select.whereClause, { ...context, clause: 'where' });

    const columns: EntryColumn[] = [];
    for (const target of listOf(select.targetList)) {
      const resTarget = fieldsOf(target, 'ResTarget') ?? {};
      const value = resTarget.val;
      const columnRef = fieldsOf(value, 'ColumnRef');
      const star = columnRef && nodeEntry(listOf(columnRef.fields).at(-1))?.[0] === 'A_Star';
      if (star) {
        columns.push(...this.expandStar(columnRef, context));
        continue;
      }
      const resolved = columnRef
        ? this.resolveColumn(columnRef, { ...context, clause: 'target' }, !level.top)
        : undefined;
      if (!columnRef) this.walk(value, { ...context, clause: 'target' });
      const name = typeof resTarget.name === 'string' ? resTarget.name : figureColumnName(value);
      columns.push({ name, isEntity: resolved?.isEntity ?? false });
    }

    this.checkGroupBy(select.groupClause, columns, context);
    this.walk(select.havingClause, { ...context, clause: 'having' });
    for (const window of listOf(select.windowClause))
      this.walkWindow(fieldsOf(window, 'WindowDef') ?? {}, context);
    for (const item of listOf(select.distinctClause))
      if (nodeEntry(item)) this.walk(item, { ...context, clause: 'order' });
    this.checkSort(select.sortClause, columns, context);
    this.walk(select.limitCount, { ...context, clause: 'limit' });
    this.walk(select.limitOffset, { ...context, clause: 'limit' });
    return { columns, scope };
  }

  private analyzeWith(withClause: Fields | undefined, outer: Scope | undefined, ctes: CteScope): CteScope {
    if (!withClause) return ctes;
    const recursive = withClause.recursive === true;
    if (recursive && !this.options.canTimeOut)
      deny(
        'statement_not_allowed',
        'WITH RECURSIVE is not available on the embedded database, which cannot stop a runaway query; point WAREHOUSE_URL at PostgreSQL to use it',
      );
    const scope: CteScope = { ctes: new Map(), parent: ctes };
    for (const item of listOf(withClause.ctes)) {
      const cte = fieldsOf(item, 'CommonTableExpr') ?? {};
      const name = String(cte.ctename);
      const query = fieldsOf(cte.ctequery, 'SelectStmt');
      if (!query)
        deny(
          'statement_not_allowed',
          `CTE ${name} is not a SELECT: data-modifying WITH clauses are not allowed`,
        );
      const rename = (columns: EntryColumn[]) =>
        this.renameColumns(columns, listOf(cte.aliascolnames), `CTE ${name}`);
      if (recursive && query.op !== 'SETOP_NONE' && query.larg) {
        // The recursive term sees the CTE itself with the columns of the non-recursive term.
        const seed = this.analyzeSelect(query.larg as Fields, {
          ...(outer ? { outer } : {}),
          ctes: scope,
          level: { top: false, aggregateCalls: 0 },
        });
        scope.ctes.set(name, { columns: rename(seed.columns) });
      }
      const derived = this.analyzeSelect(query, {
        ...(outer ? { outer } : {}),
        ctes: scope,
        level: { top: false, aggregateCalls: 0 },
      });
      scope.ctes.set(name, { columns: rename(derived.columns) });
    }
    return scope;
  }

  private renameColumns(columns: EntryColumn[], aliases: unknown[], what: string): EntryColumn[] {
    if (aliases.length > columns.length)
      deny('unknown_name', `${what} has ${columns.length} columns but ${aliases.length} names were given`);
    return columns.map((column, index) => {
      const alias = aliases[index] === undefined ? undefined : stringValue(aliases[index]);
      return alias === undefined ? column : { ...column, name: alias };
    });
  }

  // ── FROM ───────────────────────────────────────────────────────────────────────────────────

  private fromItem(item: unknown, context: WalkContext, outer: Scope | undefined): RangeEntry[] {
    const entry = nodeEntry(item);
    if (!entry) deny('statement_not_allowed', 'unsupported FROM item');
    const [type, fields] = entry;
    const add = (rangeEntry: RangeEntry) => {
      context.scope.entries.push(rangeEntry);
      return [rangeEntry];
    };
    switch (type) {
      case 'RangeVar':
        return add(this.rangeVar(item as Fields, fields, context));
      case 'RangeSubselect': {
        const subquery = fieldsOf(fields.subquery, 'SelectStmt');
        if (!subquery) deny('statement_not_allowed', 'a subquery in FROM must be a SELECT');
        const lateralScope = fields.lateral === true ? context.scope : outer;
        const derived = this.analyzeSelect(subquery, {
          ...(lateralScope ? { outer: lateralScope } : {}),
          ctes: context.ctes,
          level: { top: false, aggregateCalls: 0 },
        });
        const alias = fields.alias as Fields | undefined;
        const name = typeof alias?.aliasname === 'string' ? alias.aliasname : '';
        return add({
          name,
          columns: this.renameColumns(derived.columns, listOf(alias?.colnames), `subquery ${name}`),
        });
      }
      case 'RangeFunction':
        return add(this.rangeFunction(fields, context));
      case 'JoinExpr':
        return this.joinExpression(fields, context, outer);
      case 'RangeTableSample':
        return deny(
          'statement_not_allowed',
          'TABLESAMPLE is not allowed: it reads a random sample outside the policy’s row filter order',
        );
      default:
        return deny('statement_not_allowed', `${type} is not supported in FROM`);
    }
  }

  private findTable(rangeVar: Fields, strict: boolean): CatalogTable | undefined {
    const { catalog, schemas } = this.options;
    const relation = String(rangeVar.relname);
    if (rangeVar.catalogname)
      return strict ? deny('not_permitted', 'cross-database references are not allowed') : undefined;
    if (typeof rangeVar.schemaname === 'string') {
      const schema = rangeVar.schemaname;
      if (!schemas.includes(schema)) {
        if (!strict) return undefined;
        return deny(
          'not_permitted',
          `schema ${schema} is not available: Hale queries only the governed warehouse schemas (${schemas.join(', ')})`,
        );
      }
      const table = catalog.tables.get(tableKey(schema, relation));
      if (table || !strict) return table;
      const names = [...catalog.tables.values()]
        .filter((candidate) => candidate.schema === schema)
        .map((candidate) => candidate.name);
      const close = closestNames(relation, names);
      return deny(
        'unknown_name',
        `table ${schema}.${relation} does not exist`,
        close.map((name) => `${schema}.${name}`),
      );
    }
    const matches = schemas
      .map((schema) => catalog.tables.get(tableKey(schema, relation)))
      .filter((table) => table !== undefined);
    if (matches.length === 1 || !strict) return matches[0];
    if (matches.length > 1)
      return deny(
        'unknown_name',
        `table ${relation} exists in several schemas; qualify it`,
        matches.map((table) => `${table.schema}.${table.name}`),
      );
    if (/^(pg_|information_schema)/.test(relation))
      return deny(
        'not_permitted',
        `system catalog ${relation} is not available: Hale queries only the governed warehouse schemas`,
      );
    const close = closestNames(
      relation,
      [...catalog.tables.values()].map((table) => table.name),
    );
    const qualified = close.flatMap((name) =>
      schemas
        .filter((schema) => catalog.tables.has(tableKey(schema, name)))
        .map((schema) => `${schema}.${name}`),
    );
    return deny('unknown_name', `table ${relation} does not exist`, qualified);
  }

  private rangeVar(node: Fields, rangeVar: Fields, context: WalkContext): RangeEntry {
    const alias = rangeVar.alias as Fields | undefined;
    const relation = String(rangeVar.relname);
    if (typeof rangeVar.schemaname !== 'string') {
      for (let scope: CteScope | undefined = context.ctes; scope; scope = scope.parent) {
        const cte = scope.ctes.get(relation);
        if (cte && cte !== 'pending') {
          const name = typeof alias?.aliasname === 'string' ? alias.aliasname : relation;
          return { name, columns: this.renameColumns(cte.columns, listOf(alias?.colnames), relation) };
        }
      }
    }
    const table = this.findTable(rangeVar, true) as CatalogTable;
    const access = tableAccessFor(this.options.policy, this.options.principal, table);
    const qualifiedName = `${table.schema}.${table.name}`;
    if (access.access === 'none')
      deny('not_permitted', `table ${qualifiedName} is not available to role ${this.options.principal.role}`);
    if (access.access === 'aggregate') {
      this.minimumCellSize = Math.max(this.minimumCellSize, access.minimumCellSize ?? 0);
      this.policies.add(
        `${qualifiedName}: aggregates only, groups under ${access.minimumCellSize} patients hidden (${access.source})`,
      );
    }
    if (access.rowFilter) this.policies.add(`${qualifiedName}: rows filtered (${access.source})`);
    const name = typeof alias?.aliasname === 'string' ? alias.aliasname : relation;
    const columns = this.renameColumns(
      table.columns.map((column) => ({
        name: column.name,
        tableColumn: column.name,
        isEntity: access.access === 'aggregate' && column.name === access.entityKey,
        type: column.type,
      })),
      listOf(alias?.colnames),
      qualifiedName,
    );
    const reference: TableReference = { node, table, access, name, topLevel: context.level.top };
    this.references.push(reference);
    return { name, columns, reference, ...(alias ? {} : { qualifiedName }) };
  }

  private rangeFunction(fields: Fields, context: WalkContext): RangeEntry {
    const functions = listOf(fields.functions);
    const call = listOf(fieldsOf(functions[0], 'List')?.items)[0];
    const callFields = fieldsOf(call, 'FuncCall');
    // The function itself is checked first, so dblink(…) AS t(x text) is refused for what it is.
    if (callFields) {
      const problem = checkExpressionNode('FuncCall', callFields, {
        canTimeOut: this.options.canTimeOut,
        trustedFunctions: this.options.trusted?.functions,
      });
      if (problem) deny(problem.code, problem.message);
    }
    if (fields.is_rowsfrom === true) deny('statement_not_allowed', 'ROWS FROM is not supported');
    if (listOf(fields.coldeflist).length > 0)
      deny('statement_not_allowed', 'column definition lists are not supported');
    if (functions.length !== 1) deny('statement_not_allowed', 'one function per FROM item');
    const name = dottedName(callFields?.funcname).at(-1) ?? '';
    if (!callFields || !['generate_series', 'unnest', 'generate_subscripts'].includes(name))
      deny(
        'not_permitted',
        `only generate_series, unnest and generate_subscripts may be used as tables in FROM, not ${name || 'this expression'}`,
      );
    this.walk(call, { ...context, clause: 'from' });
    const alias = fields.alias as Fields | undefined;
    const entryName = typeof alias?.aliasname === 'string' ? alias.aliasname : name;
    const columnNames = listOf(alias?.colnames).map((value) => stringValue(value) ?? '');
    const columns: EntryColumn[] = [{ name: columnNames[0] ?? entryName, isEntity: false }];
    if (fields.ordinality === true) columns.push({ name: columnNames[1] ?? 'ordinality', isEntity: false });
    return { name: entryName, columns };
  }

  private joinExpression(fields: Fields, context: WalkContext, outer: Scope | undefined): RangeEntry[] {
    if (fields.isNatural === true)
      deny(
        'statement_not_allowed',
        'NATURAL joins match columns by name silently; name the join columns with USING (…) or ON',
      );
    if (fields.alias || fields.join_using_alias)
      deny('statement_not_allowed', 'an alias on a whole join is not supported; alias the tables instead');
    const left = this.fromItem(fields.larg, context, outer);
    const right = this.fromItem(fields.rarg, context, outer);
    const usingTypes: [string | undefined, string | undefined][] = [];
    if (listOf(fields.usingClause).length > 0) this.usingTypes.set(fields, usingTypes);
    for (const value of listOf(fields.usingClause)) {
      const name = stringValue(value) ?? '';
      const pick = (entries: RangeEntry[], side: string) => {
        const found = entries.flatMap((entry) =>
          entry.columns.filter((column) => column.name === name).map((column) => ({ entry, column })),
        );
        if (found.length !== 1)
          deny(
            'unknown_name',
            `USING column ${name} must appear exactly once on the ${side} side of the join`,
          );
        const match = found[0] as { entry: RangeEntry; column: EntryColumn };
        this.checkColumn(match.entry, match.column, true);
        return match.column;
      };
      const pair = [pick(left, 'left'), pick(right, 'right')] as const;
      usingTypes.push([pair[0].type, pair[1].type]);
      context.scope.usingColumns.set(name, [...pair]);
    }
    this.walk(fields.quals, { ...context, clause: 'join' });
    return [...left, ...right];
  }

  // ── Columns ────────────────────────────────────────────────────────────────────────────────

  private checkColumn(entry: RangeEntry, column: EntryColumn, entityAllowed: boolean): void {
    const reference = entry.reference;
    if (reference && column.tableColumn) {
      const rule = reference.access.columns.get(column.tableColumn);
      const qualified = `${reference.table.schema}.${reference.table.name}.${column.tableColumn}`;
      if (rule?.kind === 'deny')
        deny('not_permitted', `column ${qualified} is not available to role ${this.options.principal.role}`);
      if (rule?.kind === 'mask') {
        const mask = rule.mask.kind === 'prefix' ? `prefix(${rule.mask.length})` : rule.mask.kind;
        this.policies.add(`${qualified}: masked (${mask}) (${reference.access.source})`);
      }
    }
    if (column.isEntity && !entityAllowed)
      deny(
        'aggregate_required',
        `aggregate-only access: ${column.name} identifies patients; it may only join tables, be counted with count(DISTINCT ${column.name}), be grouped by, or be passed through a subquery`,
      );
  }

  private checkWholeRow(entry: RangeEntry, entityAllowed: boolean): EntryColumn[] {
    const denied = entry.columns.filter(
      (column) =>
        column.tableColumn && entry.reference?.access.columns.get(column.tableColumn)?.kind === 'deny',
    );
    if (denied.length > 0 && entry.reference) {
      const table = `${entry.reference.table.schema}.${entry.reference.table.name}`;
      const allowed = entry.columns.filter((column) => !denied.includes(column)).map((column) => column.name);
      deny(
        'not_permitted',
        `${entry.name}.* includes columns of ${table} not available to role ${this.options.principal.role} (${denied.map((column) => column.name).join(', ')}); list the columns you need: ${allowed.join(', ')}`,
      );
    }
    for (const column of entry.columns) this.checkColumn(entry, column, entityAllowed);
    return entry.columns;
  }

  private expandStar(columnRef: Fields, context: WalkContext): EntryColumn[] {
    const parts = listOf(columnRef.fields)
      .slice(0, -1)
      .map((part) => stringValue(part) ?? '');
    const entityAllowed = !context.level.top;
    if (parts.length === 0) {
      if (context.scope.entries.length === 0) deny('unknown_name', 'SELECT * needs a FROM clause');
      return context.scope.entries
        .flatMap((entry) => this.checkWholeRow(entry, entityAllowed))
        .map((column) => ({ ...column }));
    }
    const entry = this.findEntry(parts, context.scope, columnRef);
    return this.checkWholeRow(entry, entityAllowed).map((column) => ({ ...column }));
  }

  private findEntry(parts: string[], scope: Scope, columnRef: Fields): RangeEntry {
    if (parts.length > 2) deny('not_permitted', 'cross-database references are not allowed');
    for (let level: Scope | undefined = scope; level; level = level.parent) {
      const found =
        parts.length === 2
          ? level.entries.find((entry) => entry.qualifiedName === parts.join('.'))
          : level.entries.find((entry) => entry.name === parts[0]);
      if (found) {
        if (parts.length === 2) this.qualified.push({ fields: columnRef, entryName: found.name, column: '' });
        return found;
      }
    }
    const names = allEntryNames(scope);
    return deny(
      'unknown_name',
      `no table named ${parts.join('.')} in this query`,
      closestNames(parts.at(-1) ?? '', names),
    );
  }

  /** Resolves a column reference like PostgreSQL does, checking its rule; records its type. */
  private resolveColumn(columnRef: Fields, context: WalkContext, entityAllowed: boolean): EntryColumn {
    const column = this.resolveColumnOf(columnRef, context, entityAllowed);
    if (column.type) this.columnTypes.set(columnRef, column.type);
    return column;
  }

  private resolveColumnOf(columnRef: Fields, context: WalkContext, entityAllowed: boolean): EntryColumn {
    const parts = listOf(columnRef.fields);
    if (nodeEntry(parts.at(-1))?.[0] === 'A_Star') {
      // `t.*` inside an expression (e.g. row_to_json(t.*)): every column, as a value.
      const names = parts.slice(0, -1).map((part) => stringValue(part) ?? '');
      if (names.length === 0) deny('statement_not_allowed', '* is only allowed in the select list');
      this.checkWholeRow(this.findEntry(names, context.scope, columnRef), false);
      return { name: '*', isEntity: false };
    }
    const names = parts.map((part) => stringValue(part) ?? '');
    if (names.length > 3) deny('not_permitted', 'cross-database references are not allowed');
    const columnName = names.at(-1) ?? '';
    if (names.length > 1) {
      const entry = this.findEntry(names.slice(0, -1), context.scope, columnRef);
      const column = entry.columns.find((candidate) => candidate.name === columnName);
      if (!column)
        deny(
          'unknown_name',
          `column ${columnName} does not exist in ${entry.name}`,
          closestNames(
            columnName,
            entry.columns.map((candidate) => candidate.name),
          ),
        );
      const last = this.qualified.at(-1);
      if (last?.fields === columnRef) last.column = columnName;
      this.checkColumn(entry, column, entityAllowed);
      return column;
    }
    for (let scope: Scope | undefined = context.scope; scope; scope = scope.parent) {
      const merged = scope.usingColumns.get(columnName);
      if (merged) {
        for (const column of merged)
          if (column.isEntity && !entityAllowed) this.checkColumn({ name: '', columns: [] }, column, false);
        return merged[0] as EntryColumn;
      }
      const matches = scope.entries.flatMap((entry) =>
        entry.columns.filter((column) => column.name === columnName).map((column) => ({ entry, column })),
      );
      if (matches.length > 1)
        deny(
          'unknown_name',
          `column ${columnName} is ambiguous; qualify it`,
          matches.map((match) => `${match.entry.name}.${columnName}`),
        );
      const match = matches[0];
      if (match) {
        this.checkColumn(match.entry, match.column, entityAllowed);
        return match.column;
      }
      const wholeRow = scope.entries.find((entry) => entry.name === columnName);
      if (wholeRow) {
        this.checkWholeRow(wholeRow, false);
        return { name: columnName, isEntity: false };
      }
    }
    const candidates = collectColumnNames(context.scope);
    return deny('unknown_name', `column ${columnName} does not exist`, closestNames(columnName, candidates));
  }

  // ── Clauses ────────────────────────────────────────────────────────────────────────────────

  private checkGroupBy(groupClause: unknown, columns: EntryColumn[], context: WalkContext): void {
    for (const item of listOf(groupClause)) {
      const groupingSet = fieldsOf(item, 'GroupingSet');
      if (groupingSet) {
        if (this.aggregateOnly)
          deny(
            'aggregate_required',
            'aggregate-only access: GROUPING SETS, ROLLUP and CUBE are not available (their totals defeat small-cell suppression)',
          );
        this.checkGroupBy(groupingSet.content, columns, context);
        continue;
      }
      this.checkPositional(item, columns, 'GROUP BY');
      if (fieldsOf(item, 'A_Const')) continue;
      const columnRef = fieldsOf(item, 'ColumnRef');
      if (columnRef) {
        const names = listOf(columnRef.fields);
        const single = names.length === 1 ? stringValue(names[0]) : undefined;
        // PostgreSQL prefers an input column; an output name is used only when no input column has it.
        if (
          single !== undefined &&
          !hasInputColumn(context.scope, single) &&
          columns.some((column) => column.name === single)
        )
          continue;
        this.resolveColumn(columnRef, { ...context, clause: 'group' }, true);
        continue;
      }
      this.walk(item, { ...context, clause: 'group' });
    }
  }

  private checkPositional(item: unknown, columns: EntryColumn[], clause: string): void {
    const constant = fieldsOf(item, 'A_Const');
    if (!constant) return;
    const integer = (constant.ival as { ival?: number } | undefined)?.ival;
    if (constant.ival !== undefined && (integer === undefined || integer < 1 || integer > columns.length))
      deny(
        'unknown_name',
        `${clause} position ${integer ?? 0} is not in the select list (1 to ${columns.length})`,
      );
  }

  private checkSort(sortClause: unknown, columns: EntryColumn[], context: WalkContext): void {
    for (const item of listOf(sortClause)) {
      const sortBy = fieldsOf(item, 'SortBy') ?? {};
      const node = sortBy.node;
      this.checkPositional(node, columns, 'ORDER BY');
      if (fieldsOf(node, 'A_Const')) continue;
      const columnRef = fieldsOf(node, 'ColumnRef');
      const names = listOf(columnRef?.fields);
      const single = names.length === 1 ? stringValue(names[0]) : undefined;
      // PostgreSQL resolves a bare ORDER BY name to an output column first.
      if (single !== undefined && columns.some((column) => column.name === single)) continue;
      if (context.scope.entries.length === 0 && context.scope.parent === undefined && columnRef)
        deny(
          'unknown_name',
          `ORDER BY ${single ?? 'expression'} must name an output column of the set operation`,
        );
      this.walk(node, { ...context, clause: 'order' });
    }
  }

  private walkWindow(window: Fields, context: WalkContext): void {
    if (this.aggregateOnly)
      deny(
        'aggregate_required',
        'aggregate-only access: window functions are not available (they return per-row values)',
      );
    for (const item of listOf(window.partitionClause)) this.walk(item, { ...context, clause: 'window' });
    for (const item of listOf(window.orderClause))
      this.walk(fieldsOf(item, 'SortBy')?.node, { ...context, clause: 'window' });
  }

  // ── Expressions ────────────────────────────────────────────────────────────────────────────

  private walk(node: unknown, context: WalkContext): void {
    if (node === undefined || node === null) return;
    if (Array.isArray(node)) {
      for (const item of node) this.walk(item, context);
      return;
    }
    const entry = nodeEntry(node);
    if (!entry) return;
    const [type, fields] = entry;
    switch (type) {
      case 'ColumnRef':
        this.resolveColumn(fields, context, false);
        return;
      case 'FuncCall':
        this.walkFunction(fields, context);
        return;
      case 'SubLink':
        this.walkSubLink(fields, context);
        return;
      case 'A_Expr': {
        const left = fieldsOf(fields.lexpr, 'ColumnRef');
        const right = fieldsOf(fields.rexpr, 'ColumnRef');
        const operator = dottedName(fields.name);
        if (
          operator.length > 1 &&
          operator[0] !== 'pg_catalog' &&
          !this.options.trusted?.operators.has(operator.join('.').toLowerCase())
        )
          deny('not_permitted', `operator ${operator.join('.')} is not allowed (only built-in operators)`);
        if (fields.kind === 'AEXPR_OP' && operator.at(-1) === '=' && left && right) {
          // Joining two tables on the patient identity is allowed even for aggregate-only access.
          this.resolveColumn(left, context, true);
          this.resolveColumn(right, context, true);
          return;
        }
        if (
          context.insideAggregate &&
          this.aggregateOnly &&
          !['+', '-', '*', '/', '%', '^', '||'].includes(operator.at(-1) ?? '')
        )
          this.refuseConditionalAggregate();
        this.walk(fields.lexpr, context);
        this.walk(fields.rexpr, context);
        return;
      }
      default: {
        const problem = checkExpressionNode(type, fields);
        if (problem) deny(problem.code, problem.message);
        if (
          context.insideAggregate &&
          this.aggregateOnly &&
          ['CaseExpr', 'BoolExpr', 'NullTest', 'BooleanTest', 'MinMaxExpr'].includes(type)
        )
          this.refuseConditionalAggregate();
        for (const value of Object.values(fields)) {
          if (Array.isArray(value) || nodeEntry(value)) this.walk(value, context);
        }
      }
    }
  }

  private refuseConditionalAggregate(): never {
    return deny(
      'aggregate_required',
      'aggregate-only access: conditions inside an aggregate are not available; use count(*) FILTER (WHERE …) so Hale can check the size of the filtered group',
    );
  }

  private walkFunction(fields: Fields, context: WalkContext): void {
    const name = dottedName(fields.funcname);
    const problem = checkExpressionNode('FuncCall', fields, {
      canTimeOut: this.options.canTimeOut,
      trustedFunctions: this.options.trusted?.functions,
    });
    if (problem) deny(problem.code, problem.message);
    const simpleName = (name.at(-1) ?? '').toLowerCase();
    const isWindow = fields.over !== undefined;
    if (isWindow) this.walkWindow(fields.over as Fields, context);
    const isAggregate = aggregateFunctions.has(simpleName) && !isWindow;
    if (isAggregate) {
      context.level.aggregateCalls++;
      if (this.aggregateOnly) {
        if (rowPackingAggregates.has(simpleName))
          deny(
            'aggregate_required',
            `aggregate-only access: ${simpleName} packs individual rows into one value and is not available`,
          );
        if (!disclosureSafeAggregates.has(simpleName))
          deny(
            'aggregate_required',
            `aggregate-only access: ${simpleName} can return one patient's value; use count, sum or avg`,
          );
      }
      if (fields.agg_filter !== undefined) {
        this.walk(fields.agg_filter, { ...context, clause: 'where' });
        if (context.level.top) this.filtered.push(fields);
      }
    }
    const argumentContext: WalkContext = {
      ...context,
      insideAggregate: context.insideAggregate || isAggregate,
    };
    const args = listOf(fields.args);
    for (const argument of args) {
      const columnRef = fieldsOf(argument, 'ColumnRef');
      // count(person_id) and count(DISTINCT person_id) count patients without revealing one.
      if (columnRef && simpleName === 'count' && isAggregate && args.length === 1)
        this.resolveColumn(columnRef, argumentContext, true);
      else this.walk(argument, argumentContext);
    }
    for (const order of listOf(fields.agg_order)) this.walk(fieldsOf(order, 'SortBy')?.node, argumentContext);
  }

  private walkSubLink(fields: Fields, context: WalkContext): void {
    if (
      this.aggregateOnly &&
      context.level.top &&
      ['target', 'having', 'order', 'group'].includes(context.clause)
    )
      deny(
        'aggregate_required',
        'aggregate-only access: subqueries are not available in the outer select list, GROUP BY, HAVING or ORDER BY (they can return one patient’s value); filter in WHERE instead',
      );
    const select = fieldsOf(fields.subselect, 'SelectStmt');
    if (!select) deny('statement_not_allowed', 'a subquery must be a SELECT');
    const derived = this.analyzeSelect(select, {
      outer: context.scope,
      ctes: context.ctes,
      level: { top: false, aggregateCalls: 0 },
    });
    const testColumn = fieldsOf(fields.testexpr, 'ColumnRef');
    if (testColumn && fields.subLinkType === 'ANY_SUBLINK') {
      this.resolveColumn(testColumn, context, derived.columns[0]?.isEntity === true);
      return;
    }
    this.walk(fields.testexpr, context);
  }
}

function allEntryNames(scope: Scope): string[] {
  const names: string[] = [];
  for (let level: Scope | undefined = scope; level; level = level.parent)
    names.push(...level.entries.map((entry) => entry.name));
  return names;
}

function collectColumnNames(scope: Scope): string[] {
  const names = new Set<string>();
  for (let level: Scope | undefined = scope; level; level = level.parent)
    for (const entry of level.entries) for (const column of entry.columns) names.add(column.name);
  return [...names];
}

function hasInputColumn(scope: Scope, name: string): boolean {
  return (
    scope.entries.some((entry) => entry.columns.some((column) => column.name === name)) ||
    scope.usingColumns.has(name)
  );
}
