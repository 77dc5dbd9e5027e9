import { createInterface } from 'node:readline';
import { resolvePrincipal } from '../../mcp-tools/governance/index.js';
import { AgentError } from '../../server/agent/agent-error.js';
import { ChatRequestError } from '../../server/agent/chat-request-error.js';
import type { ChatAgent, TurnOutcome } from '../../server/agent/create-chat-agent.js';
import { createChatRuntime, createChatStores } from '../create-chat-runtime.js';
import { openRuntime } from '../open-runtime.js';
import { openTools } from '../open-tools.js';
import { type Command, UsageError } from './command.js';

const usage = `hale ask --as USER [--model ID] [--conversation ID] [--json | --jsonl] [QUESTION]
  Asks Hale a question as USER and prints the answer, the tool calls it made and whether every
  number in it was traced to a tool result. Every query runs through the governance gate as USER.
  QUESTION            the question; read from stdin when omitted
  --as USER           who asks (admin, dana, alice, bob, carol in the demo policy)
  --model ID          builtin (default, env HALE_MODEL), openai:<model>, openai-compatible:<url>#<model>
  --conversation ID   continue a conversation (its id is printed after each answer)
  --json              one JSON document: {answer, toolCalls, grounding, model, traceId, …}
  --jsonl             read {"question": "...", "conversation": "optional id"} lines from stdin and
                      print one JSON answer per line`;

/** The JSON of ARCHITECTURE §6: `hale ask --json`. */
function answerDocument(outcome: TurnOutcome) {
  return {
    answer: outcome.answer,
    toolCalls: outcome.toolCalls.map((call) => ({
      tool: call.tool,
      input: call.input,
      isError: call.isError,
      ...(call.cached ? { cached: true } : {}),
    })),
    grounding: { grounded: outcome.grounding.grounded, ungrounded: outcome.grounding.ungrounded },
    model: outcome.model,
    promptVersion: outcome.promptVersion,
    codeVersion: outcome.codeVersion,
    traceId: outcome.traceId,
    conversationId: outcome.conversationId,
    status: outcome.status,
    ...(outcome.error ? { error: outcome.error } : {}),
    usage: outcome.usage,
  };
}

function footer(outcome: TurnOutcome): string {
  const tools = outcome.toolCalls.map((call) => `${call.tool}${call.isError ? ' (error)' : ''}`).join(', ');
  const grounding = outcome.grounding.grounded
    ? `grounded: every figure traced to a tool result (${outcome.grounding.checkedClaims} checked)`
    : `NOT grounded: ${outcome.grounding.ungrounded.map((claim) => `"${claim.text}" (${claim.reason})`).join('; ')}`;
  return [
    '',
    `— ${grounding}`,
    `— tools: ${tools || 'none'}; model ${outcome.model}; trace ${outcome.traceId}; conversation ${outcome.conversationId}`,
  ].join('\n');
}

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A refusal before the turn starts, as one line (the JSON modes print it as an error document). */
function refusal(error: unknown): { code: string; message: string } | undefined {
  if (error instanceof AgentError || error instanceof ChatRequestError)
    return { code: error.code, message: error.message };
  return undefined;
}

export const askCommand: Command = {
  name: 'ask',
  summary: 'ask a question in plain words as a principal (hale ask --as alice "…")',
  usage,
  options: {
    as: { type: 'string' },
    model: { type: 'string' },
    conversation: { type: 'string' },
    jsonl: { type: 'boolean' },
    policies: { type: 'string' },
    'semantic-models': { type: 'string' },
  },
  positionals: [0, 1],
  async run(context) {
    const { values, positionals, config, output } = context;
    const user = values.as;
    if (typeof user !== 'string' || user === '')
      throw new UsageError('--as USER is required: who is asking', usage);
    const jsonl = values.jsonl === true;
    if (jsonl && context.json) throw new UsageError('use either --json or --jsonl', usage);
    if (jsonl && positionals.length > 0)
      throw new UsageError('--jsonl reads questions from stdin; do not pass one as an argument', usage);
    const modelId = typeof values.model === 'string' ? values.model : undefined;

    const databases = await openRuntime(context);
    const { governed, semanticLayer, runtime } = await openTools({
      config,
      databases,
      output,
      signal: context.signal,
    });
    const principal = resolvePrincipal(governed.policy, user);
    const agent: ChatAgent = await createChatRuntime({
      config,
      stores: createChatStores(databases.application),
      governed,
      semanticLayer,
      runtime,
      output,
    });

    const ask = async (question: string, conversationId: string | undefined, streamText: boolean) => {
      const turn = await agent.startTurn({
        principal,
        channel: 'cli',
        question,
        ...(conversationId ? { conversationId } : {}),
        ...(modelId ? { modelId } : {}),
        signal: context.signal,
      });
      for await (const chunk of turn.stream)
        if (streamText && chunk.type === 'text-delta') process.stdout.write(chunk.delta);
      return turn.outcome;
    };

    if (jsonl) {
      let failures = 0;
      let lineNumber = 0;
      for await (const line of createInterface({
        input: process.stdin,
        crlfDelay: Number.POSITIVE_INFINITY,
      })) {
        lineNumber++;
        if (line.trim() === '') continue;
        let request: { question?: unknown; conversation?: unknown } | undefined;
        try {
          request = JSON.parse(line) as typeof request;
        } catch {
          request = undefined;
        }
        const question = request?.question;
        const conversation = request?.conversation;
        if (
          typeof question !== 'string' ||
          question.trim() === '' ||
          (conversation !== undefined && typeof conversation !== 'string')
        ) {
          failures++;
          process.stdout.write(
            `${JSON.stringify({ status: 'error', error: { code: 'invalid_input', message: `line ${lineNumber}: expected a JSON object {"question": "...", "conversation": "optional id"}` } })}\n`,
          );
          continue;
        }
        try {
          const outcome = await ask(question, conversation, false);
          if (outcome.status !== 'ok') failures++;
          process.stdout.write(`${JSON.stringify(answerDocument(outcome))}\n`);
        } catch (error) {
          const refused = refusal(error);
          if (!refused) throw error;
          failures++;
          process.stdout.write(`${JSON.stringify({ status: 'error', error: refused })}\n`);
        }
      }
      return { json: null, text: '', printed: true, exitCode: failures > 0 ? 1 : 0 };
    }

    const question = (positionals[0] ?? (await readStandardInput())).trim();
    if (question === '')
      throw new UsageError('no question given (pass it as an argument or on stdin)', usage);
    const conversationId = typeof values.conversation === 'string' ? values.conversation : undefined;
    let outcome: TurnOutcome;
    try {
      outcome = await ask(question, conversationId, !context.json);
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      if (context.json) return { json: { status: 'error', error: refused }, text: '', exitCode: 1 };
      process.stderr.write(`hale ask: ${refused.message}\n`);
      return { json: null, text: '', printed: true, exitCode: 1 };
    }
    if (context.json)
      return { json: answerDocument(outcome), text: '', exitCode: outcome.status === 'ok' ? 0 : 1 };
    process.stdout.write(`${footer(outcome)}\n`);
    return { json: null, text: '', printed: true, exitCode: outcome.status === 'ok' ? 0 : 1 };
  },
};
