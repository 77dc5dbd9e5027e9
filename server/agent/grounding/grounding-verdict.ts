/**
 * What one chat turn produced and read: the person's question and every tool call with its input
 * and its result. The answer's numbers, dates and names are checked against this and nothing else.
 */
export interface GroundingEvidence {
  /** The person's question(s) of this turn: numbers they wrote themselves ("top 5", "in 2024") are not claims made by Hale. */
  question: string;
  /**
   * Every tool call of the turn. `output` is Hale's ToolResult: `{isError:false, structuredContent, text}`
   * or `{isError:true, error:{code,message,suggestions,allowed}, text}`. Numbers, dates and names are
   * read from the structured content and the text; an error result counts through its text and the
   * names its error gives. Inputs give numbers and dates (a query's start and end, a limit), never names.
   */
  toolCalls: readonly { tool: string; input: unknown; output: unknown }[];
}

/** The names that exist: an answer may name these without a tool result of the turn naming them. */
export interface KnownEntities {
  /** Metric names, e.g. `cancellation_rate`. */
  metrics: ReadonlySet<string>;
  /** Group-by names (`practice__city`, `metric_time__month`) and bare dimension names. */
  dimensions: ReadonlySet<string>;
  /** Schema-qualified (`scheduling.appointment`) and bare (`appointment`) table names. */
  tables: ReadonlySet<string>;
  /** Bare column names. */
  columns: ReadonlySet<string>;
  /** Tool names (`query_metrics`): an answer may suggest a tool it did not call. */
  tools?: ReadonlySet<string>;
}

export type ClaimKind = 'number' | 'percentage' | 'date' | 'entity';

/** One claim of the answer that nothing in the turn supports, as written, with why. */
export interface UngroundedClaim {
  kind: ClaimKind;
  /** The claim as the answer writes it: `12.5%`, `November 2026`, `patient_happiness`, `concept 999999`. */
  text: string;
  /** Why it is not grounded, in words the person reading the answer understands. */
  reason: string;
}

/** The result of checking one answer, attached to the message and shown to the person. */
export interface GroundingVerdict {
  grounded: boolean;
  /** How many claims were checked (numbers, percentages, dates, named entities). */
  checkedClaims: number;
  ungrounded: UngroundedClaim[];
}
