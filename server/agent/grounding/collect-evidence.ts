import { analyseResultTable } from './analyse-result-table.js';
import { type DateSpan, daySpan, monthSpan, yearSpan } from './date-span.js';
import { findDateMentions } from './find-date-mentions.js';
import type { GroundingEvidence } from './grounding-verdict.js';
import { indexRelatedPairs, type RelatedPairs } from './related-pairs.js';
import { analysedRows, groupLimit, isIdentifierKey, isRecord, numericValue } from './result-cells.js';
import { scanNumberWords } from './scan-number-words.js';
import { scanNumbersInText } from './scan-numbers-in-text.js';
import { sortedDistinct } from './sorted-values.js';

/** What one turn's question and tool calls support, indexed for the checks. */
export interface EvidenceIndex {
  /** Magnitudes of every number of results and inputs, and of table counts and totals, sorted. */
  values: Float64Array;
  /** Magnitudes of the numbers the person wrote, sorted. */
  questionValues: Float64Array;
  /**
   * Pairs of related numbers (one key across the turn, one row or object, one table's totals)
   * whose differences, sums, ratios and products count as derived.
   */
  relatedPairs: RelatedPairs;
  /** Whole numbers of results and the question, for concept ids, which must appear as they are. */
  integers: ReadonlySet<number>;
  /** Days, months, quarters and years results, inputs and the question mention. */
  datePoints: DateSpan[];
  /** Each tool input's period, from its earliest to its latest date. */
  dateRanges: DateSpan[];
  /** The text of results, errors and the question, lower-cased, to find names in. */
  text: string;
}

const pureDate = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?$/;

/** A cell that is only a date or a month (`2026-11-03`, `2026-11-03 09:00:00`, `2026-11`). */
function readPureDate(text: string): DateSpan | undefined {
  const match = pureDate.exec(text);
  if (!match) return undefined;
  const [, year, month, day] = match;
  return day === undefined
    ? monthSpan({ year: Number(year), month: Number(month) })
    : daySpan({ year: Number(year), month: Number(month), day: Number(day) });
}

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
    for (const year of this.years) this.addDate(yearSpan(year));
    return {
      values: sortedDistinct(this.values),
      questionValues: sortedDistinct(this.questionValues),
      relatedPairs: indexRelatedPairs([
        ...[...this.byKey.values()].map((group) => [...group]),
        ...this.groups,
      ]),
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
    if (key === undefined || isIdentifierKey(key)) return;
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
    const number = numericValue(text);
    if (number !== undefined) {
      this.addOutputNumber(number, key);
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

  /** An input's number: a limit, a year asked about. Inputs never ground concept ids. */
  private addInputNumber(value: number): void {
    const magnitude = Math.abs(value);
    this.values.add(magnitude);
    if (Number.isInteger(magnitude) && magnitude >= 1900 && magnitude <= 2100) this.years.add(magnitude);
  }

  private walkInput(value: unknown, dates: DateSpan[]): void {
    if (typeof value === 'number') {
      if (Number.isFinite(value)) this.addInputNumber(value);
    } else if (typeof value === 'string') {
      const number = numericValue(value);
      if (number !== undefined) {
        this.addInputNumber(number);
        return;
      }
      const date = readPureDate(value);
      if (date) {
        dates.push(date);
        this.addDate(date);
        return;
      }
      if (!/\d/.test(value)) return;
      scanNumbersInText(value, (found) => this.addInputNumber(found));
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
      if (value.length > 0 && value.every(isRecord)) {
        const figures = analyseResultTable(value);
        for (const figure of figures.values) this.values.add(figure);
        for (const group of figures.relatedGroups) this.addGroup(group);
      }
      for (let index = 0; index < value.length; index++) this.walkOutput(value[index], key, index);
      return;
    }
    if (!isRecord(value)) return;
    // The numbers of one object (a row, the suppression counts) are related: a row's
    // cancellations over its appointments is its rate.
    const related: number[] | undefined = rowIndex === undefined || rowIndex < analysedRows ? [] : undefined;
    for (const childKey in value) {
      const child = value[childKey];
      if (related && !isIdentifierKey(childKey)) {
        const number = numericValue(child);
        if (number !== undefined) related.push(Math.abs(number));
      }
      this.walkOutput(child, childKey);
    }
    if (related) this.addGroup(related);
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
