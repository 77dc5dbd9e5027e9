import { answerConceptQuestion } from './answer-concept-question.js';
import { answerMetricQuestion } from './answer-metric-question.js';
import { classifyIntent } from './classify-intent.js';
import { knownScope } from './earlier-turns.js';
import { explainToolError } from './explain-tool-error.js';
import type { ConversationTurn, ReadToolResult } from './read-conversation.js';
import type { Step, StepContext } from './step-context.js';
import { PendingStep, type TurnCall, turnCalls } from './turn-calls.js';
import { writeAccessAnswer } from './write-access-answer.js';
import { writeDocumentAnswer } from './write-document-answer.js';
import { writeHelpAnswer, writeIdentifiersRefusal, writeModificationRefusal } from './write-help-answer.js';
import { writeMetricListAnswer } from './write-metric-list-answer.js';
import { writeSqlAnswer } from './write-sql-answer.js';
import { writeTableDescriptionAnswer, writeTablesAnswer } from './write-table-answer.js';

export type { Step, StepContext } from './step-context.js';

function answer(context: StepContext, turn: ConversationTurn, call: TurnCall): string {
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
    case 'access': {
      // Who they are and which metrics they may use, asked together.
      const [whoami, metrics] = call.all([
        { toolName: 'whoami', input: {} },
        { toolName: 'list_metrics', input: { limit: 100 } },
      ]);
      if (!whoami || !metrics) return '';
      return ok(whoami, 'whoami', (content) =>
        writeAccessAnswer(content, metrics.ok ? (metrics.content ?? {}) : undefined),
      );
    }
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
    case 'sql': {
      const result = call('run_sql', { sql: intent.sql });
      if (!result.ok) return explainToolError({ tool: 'run_sql', failure: result.error });
      const policies = (result.content?.policies ?? []) as string[];
      let scope = knownScope(context.turns);
      if (!scope && policies.some((policy) => /rows filtered/.test(policy)) && context.tools.has('whoami')) {
        const whoami = call('whoami', {});
        scope = whoami.ok ? ((whoami.content?.attributes ?? {}) as Record<string, unknown>) : undefined;
      }
      return writeSqlAnswer({ content: result.content ?? {}, scope });
    }
    case 'concept':
      return answerConceptQuestion(intent.request, call);
    case 'data':
      return answerMetricQuestion(context, call);
  }
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
    if (error instanceof PendingStep) return error.step;
    throw error;
  }
}
