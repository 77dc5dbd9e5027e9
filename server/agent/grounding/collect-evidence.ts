import { type DateSpan, daySpan, monthSpan, yearSpan } from './date-span.js';
import { findDateMentions } from './find-date-mentions.js';
import type { GroundingEvidence } from './grounding-verdict.js';
import { scanNumberWords } from './scan-number-words.js';
import { scanNumbersInText } from './scan-numbers-in-text.js';
import { sortedDistinct } from './sorted-values.js';

/** What one turn's question and tool calls support, indexed for the checks. */
export interface EvidenceIndex {
  /** Magnitudes of every number in results and inputs, plus counts and aggregates of result tables, sorted. */
  values: readonly number[];
  /** Magnitudes of the numbers the person wrote, sorted. */
  questionValues: readonly number[];
  /** Sets of related numbers (one column or key across the turn, one row or object, one table's totals), each sorted, whose differences, sums and ratios count as derived. */
  relatedGroups: (readonly number[])[];
  /** Whole numbers of results and the question, for concept ids, which must appear as they are. */
  integers: ReadonlySet<number>;
  /** Days, months, quarters and years results, inputs and the question mention. */
  datePoints: DateSpan[];
  /** Each tool input's period, from its earliest to its latest date. */
  dateRanges: DateSpan[];
  /** The text of results, errors and the question, lower-cased, to find names in. */
  text: string;
}

/** Tables past this many rows are not summed: nobody adds up 5,000 rows in their head. */
const analysedRows = 200;
/** Largest set of related numbers searched for pairs, keeping the search O(n log n) per claim. */
const groupLimit = 400;
const numericText = /^-?\d+(?:\.\d+)?$/;
const pureDate = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?$/;
// Ids are labels: the difference of two practice ids or the sum of concept ids means nothing.
const identifierKey = /^id$|_id$|Id$|_ids$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numericValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && numericText.test(value)) return Number(value);
  return undefined;
}

function readPureDate(text: string): DateSpan | undefined {
  const match = pureDate.exec(text);
  if (!match) return undefined;
  const [, year, month, day] = match;
  return day === undefined
    ? monthSpan({ year: Number(year), month: Number(month) })
    : daySpan({ year: Number(year), month: Number(month), day: Number(day) });
}

type ColumnKind = 'numeric' | 'category' | 'other';

class EvidenceCollector {
  private readonly values = new Set<number>();
  private readonly questionValues = new Set<number>();
  private readonly integers = new Set<number>();
  private readonly byKey = new Map<string, Set<number>>();
  private readonly groups: number[][] = [];
  private readonly datePoints = new Map<string, DateSpan>();
  /** Date cells repeat (one per row of a month): each distinct text is parsed once. */
  private readonly dateTexts = new Set<string>();
  private readonly years = new Set<number>();
  private readonly dateRanges: DateSpan[] = [];
  private readonly texts: string[] = [];

  addQuestion(question: string): void {
    this.texts.push(question);
    scanNumbersInText(question, (value) => {
      const magnitude = Math.abs(value);
      this.questionValues.add(magnitude);
      this.addInteger(magnitude);
    });
    scanNumberWords(question, (value) => this.questionValues.add(value));
    for (const mention of findDateMentions(question)) for (const span of mention.spans) this.addDate(span);
  }

  addToolCall({ input, output }: { input: unknown; output: unknown }): void {
    const inputDates: DateSpan[] = [];
    this.walkInput(input, inputDates);
    if (inputDates.length > 0) {
      let start = inputDates[0]?.start ?? '';
      let end = inputDates[0]?.end ?? '';
      for (const span of inputDates) {
        if (span.start < start) start = span.start;
        if (span.end > end) end = span.end;
      }
      this.dateRanges.push({ start, end });
    }
    if (!isRecord(output)) {
      this.walkOutput(output, undefined);
      return;
    }
    if (typeof output.text === 'string') this.addOutputText(output.text);
    // An error's numbers count through its text only; its names (suggestions, allowed) all count.
    if (output.isError === true) this.addNames(output.error);
    else if ('structuredContent' in output) this.walkOutput(output.structuredContent, undefined);
    else if (!('text' in output)) this.walkOutput(output, undefined);
  }

  /** A count about the turn itself: "I ran 2 queries". */
  addCount(count: number): void {
    this.values.add(count);
  }

  build(): EvidenceIndex {
    const relatedGroups: number[][] = [];
    for (const group of [...this.byKey.values(), ...this.groups]) {
      if (group instanceof Set ? group.size >= 2 : group.length >= 2)
        relatedGroups.push(sortedDistinct(group));
    }
    for (const year of this.years) this.addDate(yearSpan(year));
    return {
      values: sortedDistinct(this.values),
      questionValues: sortedDistinct(this.questionValues),
      relatedGroups,
      integers: this.integers,
      datePoints: [...this.datePoints.values()],
      dateRanges: this.dateRanges,
      text: this.texts.join('\n').toLowerCase(),
    };
  }

  private addDate(span: DateSpan): void {
    this.datePoints.set(`${span.start}/${span.end}`, span);
  }

  private addInteger(magnitude: number): void {
    if (!Number.isInteger(magnitude)) return;
    this.integers.add(magnitude);
    if (magnitude >= 1900 && magnitude <= 2100) this.years.add(magnitude);
  }

  private addOutputNumber(value: number, key: string | undefined): void {
    const magnitude = Math.abs(value);
    this.values.add(magnitude);
    this.addInteger(magnitude);
    if (key === undefined || identifierKey.test(key)) return;
    let group = this.byKey.get(key);
    if (!group) {
      group = new Set();
      this.byKey.set(key, group);
    }
    if (group.size < groupLimit) group.add(magnitude);
  }

  /** Numbers and dates inside free text: a rendering, an error message, a document snippet. */
  private addOutputText(text: string): void {
    this.texts.push(text);
    if (!/\d/.test(text)) return;
    scanNumbersInText(text, (value) => {
      const magnitude = Math.abs(value);
      this.values.add(magnitude);
      this.addInteger(magnitude);
    });
    if (/\d{4}/.test(text)) {
      for (const mention of findDateMentions(text)) for (const span of mention.spans) this.addDate(span);
    }
  }

  private addOutputString(text: string, key: string | undefined): void {
    if (numericText.test(text)) {
      this.addOutputNumber(Number(text), key);
      return;
    }
    if (this.dateTexts.has(text)) return;
    const date = readPureDate(text);
    if (date) {
      this.dateTexts.add(text);
      this.texts.push(text);
      this.addDate(date);
      return;
    }
    this.addOutputText(text);
  }

  private addNames(value: unknown): void {
    if (typeof value === 'string') this.texts.push(value);
    else if (Array.isArray(value)) for (const element of value) this.addNames(element);
    else if (isRecord(value)) for (const child of Object.values(value)) this.addNames(child);
  }

  private walkInput(value: unknown, dates: DateSpan[]): void {
    if (typeof value === 'number') {
      if (Number.isFinite(value)) this.values.add(Math.abs(value));
    } else if (typeof value === 'string') {
      if (numericText.test(value)) {
        this.values.add(Math.abs(Number(value)));
        return;
      }
      const date = readPureDate(value);
      if (date) {
        dates.push(date);
        this.addDate(date);
        return;
      }
      if (!/\d/.test(value)) return;
      scanNumbersInText(value, (number) => this.values.add(Math.abs(number)));
      if (/\d{4}/.test(value)) {
        for (const mention of findDateMentions(value)) {
          for (const span of mention.spans) {
            dates.push(span);
            this.addDate(span);
          }
        }
      }
    } else if (Array.isArray(value)) {
      for (const element of value) this.walkInput(element, dates);
    } else if (isRecord(value)) {
      for (const child of Object.values(value)) this.walkInput(child, dates);
    }
  }

  private walkOutput(value: unknown, key: string | undefined, rowIndex?: number): void {
    if (typeof value === 'number') {
      if (Number.isFinite(value)) this.addOutputNumber(value, key);
      return;
    }
    if (typeof value === 'string') {
      this.addOutputString(value, key);
      return;
    }
    if (Array.isArray(value)) {
      this.values.add(value.length);
      if (value.length > 0 && value.every(isRecord)) this.analyseTable(value);
      for (let index = 0; index < value.length; index++) this.walkOutput(value[index], key, index);
      return;
    }
    if (!isRecord(value)) return;
    // The numbers of one object (a row, the suppression counts) are related: a row's
    // cancellations over its appointments is its rate.
    const related: number[] | undefined = rowIndex === undefined || rowIndex < analysedRows ? [] : undefined;
    for (const childKey in value) {
      const child = value[childKey];
      if (related && !identifierKey.test(childKey)) {
        const number = numericValue(child);
        if (number !== undefined) related.push(Math.abs(number));
      }
      this.walkOutput(child, childKey);
    }
    if (related) this.addGroup(related);
  }

  /** Counts, totals, subtotals and averages of a result table: what an answer computes from rows. */
  private analyseTable(rows: readonly Record<string, unknown>[]): void {
    const kinds = new Map<string, ColumnKind>();
    const distinct = new Map<string, Set<unknown>>();
    const typed = rows.length <= analysedRows;
    for (const row of rows) {
      for (const column in row) {
        const cell = row[column];
        if (cell === null || cell === undefined) continue;
        let values = distinct.get(column);
        if (!values) {
          values = new Set();
          distinct.set(column, values);
        }
        values.add(cell);
        if (!typed) continue;
        const kind: ColumnKind =
          numericValue(cell) !== undefined
            ? 'numeric'
            : typeof cell === 'string' || typeof cell === 'boolean'
              ? 'category'
              : 'other';
        const previous = kinds.get(column);
        kinds.set(column, previous === undefined || previous === kind ? kind : 'other');
      }
    }
    // "Across 4 cities": the number of distinct values of a column.
    for (const values of distinct.values()) this.values.add(values.size);
    if (!typed) return;

    const numericColumns = [...kinds]
      .filter(([column, kind]) => kind === 'numeric' && !identifierKey.test(column))
      .map(([column]) => column);
    const categoryColumns = [...kinds].filter(([, kind]) => kind === 'category').map(([column]) => column);
    // Column totals are related to each other: total cancellations over total appointments is
    // the overall rate.
    const columnTotals: number[] = [];
    for (const column of numericColumns) {
      let sum = 0;
      let count = 0;
      for (const row of rows) {
        const number = numericValue(row[column]);
        if (number === undefined) continue;
        sum += number;
        count++;
      }
      const total = this.addTotalOf(sum, count);
      if (total !== undefined) columnTotals.push(total);
    }
    this.addGroup(columnTotals);
    for (const category of categoryColumns) this.addSubtotals(rows, { category, numericColumns });
  }

  /**
   * Subtotals: "Lyon had 412 cancellations over the year" sums Lyon's monthly rows. One value's
   * subtotals across columns are related (Lyon's rate), and so are one column's subtotals across
   * values (Lyon against Paris). A subtotal of one row is that row, already indexed.
   */
  private addSubtotals(
    rows: readonly Record<string, unknown>[],
    { category, numericColumns }: { category: string; numericColumns: readonly string[] },
  ): void {
    const subtotals = new Map<unknown, { rows: number; sums: number[]; counts: number[] }>();
    for (const row of rows) {
      const value = row[category];
      if (value === null || value === undefined) continue;
      let subtotal = subtotals.get(value);
      if (!subtotal) {
        subtotal = { rows: 0, sums: numericColumns.map(() => 0), counts: numericColumns.map(() => 0) };
        subtotals.set(value, subtotal);
      }
      subtotal.rows++;
      for (let index = 0; index < numericColumns.length; index++) {
        const number = numericValue(row[numericColumns[index] as string]);
        if (number === undefined) continue;
        subtotal.sums[index] = (subtotal.sums[index] ?? 0) + number;
        subtotal.counts[index] = (subtotal.counts[index] ?? 0) + 1;
      }
    }
    const acrossValues: number[][] = numericColumns.map(() => []);
    for (const subtotal of subtotals.values()) {
      this.values.add(subtotal.rows);
      if (subtotal.rows < 2) continue;
      const acrossColumns: number[] = [];
      subtotal.sums.forEach((sum, index) => {
        const total = this.addTotalOf(sum, subtotal.counts[index] ?? 0);
        if (total === undefined) return;
        acrossColumns.push(total);
        acrossValues[index]?.push(total);
      });
      this.addGroup(acrossColumns);
    }
    for (const group of acrossValues) this.addGroup(group);
  }

  private addTotalOf(sum: number, count: number): number | undefined {
    if (count === 0) return undefined;
    this.values.add(Math.abs(sum));
    this.values.add(Math.abs(sum / count));
    return Math.abs(sum);
  }

  private addGroup(group: number[]): void {
    if (group.length >= 2) this.groups.push(group.slice(0, groupLimit));
  }
}

/**
 * Indexes what a turn supports: every number of its tool results and inputs, the counts, totals,
 * subtotals and averages of result tables, the groups of related numbers derivations may combine,
 * the dates and query periods, and the text names may appear in. Pure and deterministic.
 */
export function collectEvidence(evidence: GroundingEvidence): EvidenceIndex {
  const collector = new EvidenceCollector();
  collector.addQuestion(evidence.question);
  collector.addCount(evidence.toolCalls.length);
  for (const call of evidence.toolCalls) collector.addToolCall(call);
  return collector.build();
}
