import { applyConcept, chooseConcept, type FoundConcept } from './apply-concept.js';
import { classifyIntent } from './classify-intent.js';
import { conceptsFound, knownScope, previousQuery } from './earlier-turns.js';
import { explainToolError } from './explain-tool-error.js';
import { type MetricPlan, planMetricQuery } from './plan-metric-query.js';
import type { ConversationTurn } from './read-conversation.js';
import { type QuestionReading, readQuestion } from './read-question.js';
import { resolveClarificationReply } from './resolve-clarification-reply.js';
import type { StepContext } from './step-context.js';
import type { TurnCall } from './turn-calls.js';
import { sampleQuestions, writeHelpAnswer } from './write-help-answer.js';
import { writeMetricAnswer } from './write-metric-answer.js';
import { writeNoMetricAnswer } from './write-metric-list-answer.js';

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

function answerMetricPlan(context: StepContext, plan: MetricPlan, call: TurnCall): string {
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

/**
 * Answers a data question: plans it (a follow-up changes the previous query; a reply to a
 * clarifying question completes the question it answers), looks up a clinical concept first when
 * one is named, runs query_metrics, asks whoami for the scope when rows were filtered, and writes the
 * answer from the results, or says plainly why it cannot.
 */
export function answerMetricQuestion(context: StepContext, call: TurnCall): string {
  const planned = planFor(context, context.turns);
  if (!planned) return writeHelpAnswer({ tables: context.tables, index: context.index, reason: 'help' });
  let plan = planned.plan;
  const previous = context.turns.at(-2);
  if (previous && previous.exchanges.length === 0) {
    const before = planFor(context, context.turns.slice(0, -1));
    if (before?.plan.kind === 'clarify' && before.plan.candidates.length > 0) {
      const chosen = resolveClarificationReply(context.tables, before.plan.candidates, planned.reading);
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
  return answerMetricPlan(context, plan, call);
}
