import { randomUUID } from 'node:crypto';
import type { Span } from '../../mcp-tools/conversations/index.js';
import type { ToolResult } from '../../mcp-tools/tools/index.js';

/** Largest tool input or SQL text kept in a span, in characters. */
const maximumAttributeText = 8_000;

function bounded(text: string): string {
  return text.length > maximumAttributeText ? `${text.slice(0, maximumAttributeText)}…` : text;
}

/**
 * Collects the spans of one turn as it runs: one root span for the turn, one per model call (its
 * tokens, latency and cost), one per tool call (input, outcome, duration, rows, cache hit) with a
 * child span for the SQL it ran (executed SQL, policies applied), and one for the grounding check.
 * Spans hold no answer text and no result rows.
 */
export class TraceRecorder {
  readonly traceId = randomUUID();
  readonly rootSpanId = randomUUID();
  readonly startedAt: Date;
  private readonly started: number;
  private readonly spans: Span[] = [];

  constructor(now: Date) {
    this.startedAt = now;
    this.started = performance.now();
  }

  /** Milliseconds since the turn started. */
  elapsed(): number {
    return performance.now() - this.started;
  }

  private at(offsetMs: number): string {
    return new Date(this.startedAt.getTime() + offsetMs).toISOString();
  }

  recordModelCall(call: {
    model: string;
    step: number;
    startedOffsetMs: number;
    durationMs: number;
    inputTokens: number;
    outputTokens: number;
    costUsd: number;
    finishReason: string;
  }): void {
    this.spans.push({
      spanId: randomUUID(),
      parentSpanId: this.rootSpanId,
      kind: 'model',
      name: `model ${call.model}`,
      startedAt: this.at(call.startedOffsetMs),
      durationMs: call.durationMs,
      attributes: {
        model: call.model,
        step: call.step,
        inputTokens: call.inputTokens,
        outputTokens: call.outputTokens,
        costUsd: call.costUsd,
        finishReason: call.finishReason,
      },
    });
  }

  recordToolCall(call: {
    toolCallId: string;
    tool: string;
    input: unknown;
    result: ToolResult;
    startedOffsetMs: number;
    durationMs: number;
  }): void {
    const spanId = randomUUID();
    const structured = call.result.isError ? undefined : call.result.structuredContent;
    const rows = Array.isArray(structured?.rows) ? structured.rows.length : undefined;
    this.spans.push({
      spanId,
      parentSpanId: this.rootSpanId,
      kind: 'tool',
      name: call.tool,
      startedAt: this.at(call.startedOffsetMs),
      durationMs: call.durationMs,
      attributes: {
        toolCallId: call.toolCallId,
        tool: call.tool,
        input: bounded(JSON.stringify(call.input ?? null)),
        outcome: call.result.isError ? 'error' : 'ok',
        ...(call.result.isError ? { code: call.result.error.code } : {}),
        ...(rows !== undefined ? { rows } : {}),
        ...(typeof structured?.rowCount === 'number' ? { rowCount: structured.rowCount } : {}),
        cached: call.result.cached === true,
      },
    });
    if (typeof structured?.executedSql === 'string')
      this.spans.push({
        spanId: randomUUID(),
        parentSpanId: spanId,
        kind: 'sql',
        name: `sql ${call.tool}`,
        startedAt: this.at(call.startedOffsetMs),
        durationMs: call.result.cached ? 0 : call.durationMs,
        attributes: {
          executedSql: bounded(structured.executedSql),
          policies: Array.isArray(structured.policies) ? structured.policies : [],
          ...(structured.suppression ? { suppression: structured.suppression } : {}),
          ...(typeof structured.policyVersion === 'string'
            ? { policyVersion: structured.policyVersion }
            : {}),
          cached: call.result.cached === true,
        },
      });
  }

  recordGrounding(check: {
    startedOffsetMs: number;
    durationMs: number;
    grounded: boolean;
    claims: number;
    ungrounded: number;
  }): void {
    this.spans.push({
      spanId: randomUUID(),
      parentSpanId: this.rootSpanId,
      kind: 'grounding',
      name: 'grounding check',
      startedAt: this.at(check.startedOffsetMs),
      durationMs: check.durationMs,
      attributes: { grounded: check.grounded, claims: check.claims, ungrounded: check.ungrounded },
    });
  }

  /** Every span, the root one (the whole turn) first. */
  finish(attributes: Record<string, unknown>): Span[] {
    return [
      {
        spanId: this.rootSpanId,
        kind: 'turn',
        name: 'chat turn',
        startedAt: this.startedAt.toISOString(),
        durationMs: this.elapsed(),
        attributes,
      },
      ...this.spans,
    ];
  }
}
