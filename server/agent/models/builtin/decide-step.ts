import { normalizeText } from '../../../../semantic-layer/index.js';
import { applyConcept, chooseConcept, type FoundConcept } from './apply-concept.js';
import type { LinkingTables } from './build-linking-tables.js';
import { classifyIntent } from './classify-intent.js';
import type { DimensionValueIndex } from './dimension-value-index.js';
import { explainToolError } from './explain-tool-error.js';
import { type MetricQueryInput, toMetricQueryInput } from './metric-query-input.js';
import { type MetricPlan, planMetricQuery } from './plan-metric-query.js';
import type { ConversationTurn, ReadToolResult, ToolExchange } from './read-conversation.js';
import { type QuestionReading, readQuestion } from './read-question.js';
import { writeAccessAnswer } from './write-access-answer.js';
import {
  writeConceptDetailsAnswer,
  writeConceptSearchAnswer,
  writeDescendantsAnswer,
  writeTranslationAnswer,
} from './write-concept-answer.js';
import { writeDocumentAnswer } from './write-document-answer.js';
import {
  sampleQuestions,
  writeHelpAnswer,
  writeIdentifiersRefusal,
  writeModificationRefusal,
} from './write-help-answer.js';
import { writeMetricAnswer } from './write-metric-answer.js';
import { writeMetricListAnswer, writeNoMetricAnswer } from './write-metric-list-answer.js';
import { writeTableDescriptionAnswer, writeTablesAnswer } from './write-table-answer.js';

/** What one model step does: call tools (in parallel), or write the final answer. */
export type Step =
  | { kind: 'tool-calls'; calls: { toolName: string; input: Record<string, unknown> }[] }
  | { kind: 'text'; text: string };

/** What a step is decided from: the conversation so far and what the model knows for its life. */
export interface StepContext {
  tables: LinkingTables;
  index: DimensionValueIndex;
  now: Date;
  /** Names of the tools offered in this call; no other tool is ever called. */
  tools: ReadonlySet<string>;
  turns: ConversationTurn[];
}

/** Keys sorted, so two equal inputs compare equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

class Pending {
  constructor(readonly step: Step) {}
}

/**
 * One turn's calls: `call` returns the result of a call already made in this turn, or stops the
 * step to make it. A call is made at most once per turn, so a failure is explained, never retried.
 */
function turnCalls(context: StepContext, turn: ConversationTurn) {
  return (toolName: string, input: Record<string, unknown>): ReadToolResult => {
    const key = canonical(input);
    const made = turn.exchanges.find(
      (exchange: ToolExchange) => exchange.toolName === toolName && canonical(exchange.input) === key,
    );
    if (made?.result) return made.result;
    if (made)
      throw new Pending({
        kind: 'text',
        text: `The ${toolName} call did not return a result, so I cannot answer.`,
      });
    if (!context.tools.has(toolName))
      throw new Pending({
        kind: 'text',
        text: `I would need the ${toolName} tool for this, and it is not available here, so I cannot answer it.`,
      });
    throw new Pending({ kind: 'tool-calls', calls: [{ toolName, input }] });
  };
}

type Call = ReturnType<typeof turnCalls>;

/** The last query_metrics input that succeeded before the current turn: what a follow-up changes. */
function previousQuery(turns: readonly ConversationTurn[]): MetricQueryInput | undefined {
  for (const turn of [...turns].reverse())
    for (const exchange of [...turn.exchanges].reverse())
      if (exchange.toolName === 'query_metrics' && exchange.result?.ok)
        return toMetricQueryInput(exchange.input);
  return undefined;
}

/** The principal's scope from the latest whoami of the conversation (regions, practices). */
function knownScope(turns: readonly ConversationTurn[]): Record<string, unknown> | undefined {
  for (const turn of [...turns].reverse())
    for (const exchange of [...turn.exchanges].reverse())
      if (exchange.toolName === 'whoami' && exchange.result?.ok)
        return (exchange.result.content?.attributes ?? {}) as Record<string, unknown>;
  return undefined;
}

/** The concepts earlier searches found, so a follow-up's filters can still be named. */
function conceptsFound(turns: readonly ConversationTurn[]): FoundConcept[] {
  return turns.flatMap((turn) =>
    turn.exchanges.flatMap((exchange) => {
      if (exchange.toolName !== 'search_concepts' || !exchange.result?.ok) return [];
      const found = chooseConcept(exchange.result.content);
      return found ? [found] : [];
    }),
  );
}

function planFor(
  context: StepContext,
  turns: readonly ConversationTurn[],
): { reading: QuestionReading; plan: MetricPlan; offTopic: boolean } | undefined {
  const turn = turns.at(-1);
  if (!turn) return undefined;
  const intent = classifyIntent(turn.question);
  if (intent.kind !== 'data') return undefined;
  const reading = readQuestion({
    question: turn.question,
    tables: context.tables,
    index: context.index,
    now: context.now,
  });
  const base = previousQuery(turns.slice(0, -1));
  return {
    reading,
    plan: planMetricQuery({
      reading,
      base,
      tables: context.tables,
      index: context.index,
      offTopic: intent.offTopic,
    }),
    offTopic: intent.offTopic,
  };
}

/** When the previous turn asked which metric was meant, the metric this reply picks. */
function answerToClarification(
  context: StepContext,
  candidates: string[],
  reply: QuestionReading,
): string | undefined {
  const named = reply.metrics.map((match) => match.metric).filter((metric) => candidates.includes(metric));
  if (named.length === 1) return named[0];
  const words = normalizeText(reply.question);
  const inDomain = (domain: string) =>
    candidates.filter((metric) => context.tables.domainOfMetric.get(metric) === domain);
  if (/\b(omop|cdm|clinical|clinique|persons?)\b/.test(words) && inDomain('omop').length === 1)
    return inDomain('omop')[0];
  if (
    /\b(scheduling|booking|appointments?|rendez vous|seen|mart|planning)\b/.test(words) &&
    inDomain('scheduling').length === 1
  )
    return inDomain('scheduling')[0];
  if (/\b(first|premier|premiere|former)\b|^1$/.test(words)) return candidates[0];
  if (/\b(second|deuxieme|latter)\b|^2$/.test(words)) return candidates[1];
  const stems = new Set(reply.tokens.filter((token) => !token.stop).map((token) => token.stem));
  const overlap = candidates.map((metric) => ({
    metric,
    shared: new Set(
      context.tables.metricPhrases
        .filter((phrase) => phrase.metric === metric)
        .flatMap((phrase) => phrase.stems.filter((stem) => stems.has(stem))),
    ).size,
  }));
  const best = overlap.sort((left, right) => right.shared - left.shared);
  if (best[0] && best[0].shared > 0 && best[0].shared > (best[1]?.shared ?? 0)) return best[0].metric;
  return undefined;
}

function alternativesTo(context: StepContext, metrics: readonly string[]): string[] {
  const domains = new Set(metrics.map((metric) => context.tables.domainOfMetric.get(metric)));
  return sampleQuestions(context.tables, context.index, 8)
    .filter((question) => {
      const metric = [...context.tables.layer.metrics.values()].find((candidate) =>
        candidate.sample_questions?.includes(question),
      );
      return metric && !domains.has(context.tables.domainOfMetric.get(metric.name));
    })
    .slice(0, 3);
}

function answerMetricPlan(
  context: StepContext,
  turn: ConversationTurn,
  plan: MetricPlan,
  call: Call,
): string {
  if (plan.kind === 'clarify' || plan.kind === 'cannot') return plan.text;
  if (plan.kind === 'out_of_scope')
    return writeHelpAnswer({ tables: context.tables, index: context.index, reason: 'out_of_scope' });
  if (plan.kind === 'no_metric') {
    const listed = call('list_metrics', { limit: 100 });
    return writeNoMetricAnswer({
      tables: context.tables,
      words: plan.words,
      content: listed.ok ? (listed.content ?? {}) : {},
    });
  }
  let query = plan.query;
  let concept: FoundConcept | undefined;
  const notes = [...plan.notes];
  if (plan.conceptText) {
    const search = call('search_concepts', { text: plan.conceptText, standardOnly: true, limit: 5 });
    if (!search.ok) return explainToolError({ tool: 'search_concepts', failure: search.error });
    concept = chooseConcept(search.content);
    if (!concept) {
      const listed = call('list_metrics', { limit: 100 });
      return writeNoMetricAnswer({
        tables: context.tables,
        words: [plan.conceptText],
        content: listed.ok ? (listed.content ?? {}) : {},
        lead: `I found no condition, drug or measurement named "${plan.conceptText}" in the vocabulary, so I cannot count it, and I will not guess a number.`,
      });
    }
    const applied = applyConcept(context.tables, query, concept);
    if ('cannot' in applied) return applied.cannot;
    query = applied.query;
    for (const metric of applied.replaced) {
      const used = query.metrics
        .map((name) => context.tables.layer.metrics.get(name)?.label ?? name)
        .join(', ');
      notes.push(
        `${concept.name} is a ${concept.domain.toLowerCase()} concept, so I counted ${used} instead of ${context.tables.layer.metrics.get(metric)?.label ?? metric}.`,
      );
    }
  }
  const result = call('query_metrics', { ...query });
  if (!result.ok)
    return explainToolError({
      tool: 'query_metrics',
      failure: result.error,
      alternatives: result.error.code === 'not_permitted' ? alternativesTo(context, query.metrics) : [],
    });
  const content = result.content ?? {};
  const policies = Array.isArray(content.policies) ? (content.policies as string[]) : [];
  let scope = knownScope(context.turns);
  if (!scope && policies.some((policy) => /rows filtered/.test(policy)) && context.tools.has('whoami')) {
    const whoami = call('whoami', {});
    scope = whoami.ok ? ((whoami.content?.attributes ?? {}) as Record<string, unknown>) : undefined;
  }
  return writeMetricAnswer({
    tables: context.tables,
    query,
    content,
    periodLabel: plan.periodLabel,
    concepts: [...(concept ? [concept] : []), ...conceptsFound(context.turns)],
    notes,
    scope,
  });
}

function answer(context: StepContext, turn: ConversationTurn, call: Call): string {
  const intent = classifyIntent(turn.question);
  const ok = (result: ReadToolResult, tool: string, write: (content: Record<string, unknown>) => string) =>
    result.ok ? write(result.content ?? {}) : explainToolError({ tool, failure: result.error });
  switch (intent.kind) {
    case 'greeting':
    case 'help':
      return writeHelpAnswer({ tables: context.tables, index: context.index, reason: intent.kind });
    case 'data_modification':
      return writeModificationRefusal();
    case 'out_of_scope':
      return writeHelpAnswer({ tables: context.tables, index: context.index, reason: 'out_of_scope' });
    case 'patient_identifiers':
      return writeIdentifiersRefusal();
    case 'access':
      return ok(call('whoami', {}), 'whoami', writeAccessAnswer);
    case 'list_tables':
      return ok(
        call('list_tables', intent.schema ? { schema: intent.schema } : {}),
        'list_tables',
        writeTablesAnswer,
      );
    case 'describe_table':
      return ok(
        call('describe_table', { table: intent.table }),
        'describe_table',
        writeTableDescriptionAnswer,
      );
    case 'list_metrics':
      return ok(call('list_metrics', { limit: 100 }), 'list_metrics', writeMetricListAnswer);
    case 'document':
      return ok(call('search_documents', { query: intent.query, limit: 3 }), 'search_documents', (content) =>
        writeDocumentAnswer({ question: intent.query, content }),
      );
    case 'concept': {
      const { request } = intent;
      switch (request.tool) {
        case 'search_concepts':
          return ok(call('search_concepts', request.input), 'search_concepts', (content) =>
            writeConceptSearchAnswer({
              text: request.input.text,
              vocabularies: request.input.vocabularies,
              content,
            }),
          );
        case 'get_concept':
          return ok(call('get_concept', request.input), 'get_concept', writeConceptDetailsAnswer);
        case 'translate_code':
          return ok(call('translate_code', request.input), 'translate_code', (content) =>
            writeTranslationAnswer({ input: request.input, content }),
          );
        case 'concept_descendants':
          return ok(
            call('concept_descendants', request.input),
            'concept_descendants',
            writeDescendantsAnswer,
          );
        case 'search_then_descendants': {
          const search = call('search_concepts', { text: request.input.text, standardOnly: true, limit: 5 });
          if (!search.ok) return explainToolError({ tool: 'search_concepts', failure: search.error });
          const results = (search.content?.results ?? []) as { concept: { conceptId: number } }[];
          const first = results[0]?.concept.conceptId;
          if (first === undefined) return `I found no standard concept for "${request.input.text}".`;
          return ok(
            call('concept_descendants', { conceptId: first, limit: 50 }),
            'concept_descendants',
            writeDescendantsAnswer,
          );
        }
      }
      break;
    }
    case 'data': {
      const planned = planFor(context, context.turns);
      if (!planned) return writeHelpAnswer({ tables: context.tables, index: context.index, reason: 'help' });
      let plan = planned.plan;
      const previous = context.turns.at(-2);
      if (previous && previous.exchanges.length === 0) {
        const before = planFor(context, context.turns.slice(0, -1));
        if (before?.plan.kind === 'clarify' && before.plan.candidates.length > 0) {
          const chosen = answerToClarification(context, before.plan.candidates, planned.reading);
          if (chosen) {
            const reading: QuestionReading = {
              ...before.reading,
              metrics: [{ metric: chosen, tokens: [], contiguous: true, kind: 'name', verb: false }],
            };
            delete reading.partialMetric;
            plan = planMetricQuery({
              reading,
              base: previousQuery(context.turns.slice(0, -2)),
              tables: context.tables,
              index: context.index,
              offTopic: false,
            });
          }
        }
      }
      return answerMetricPlan(context, turn, plan, call);
    }
  }
  return writeHelpAnswer({ tables: context.tables, index: context.index, reason: 'help' });
}

/**
 * Decides the model's next step from the whole conversation, deterministically: the tool calls the
 * current question still needs (each made once), or the final answer written from their results.
 * Text inside tool results is read as data only; nothing in it changes what is done.
 */
export function decideStep(context: StepContext): Step {
  const turn = context.turns.at(-1);
  if (!turn || turn.question === '')
    return {
      kind: 'text',
      text: writeHelpAnswer({ tables: context.tables, index: context.index, reason: 'help' }),
    };
  try {
    return { kind: 'text', text: answer(context, turn, turnCalls(context, turn)) };
  } catch (error) {
    if (error instanceof Pending) return error.step;
    throw error;
  }
}
