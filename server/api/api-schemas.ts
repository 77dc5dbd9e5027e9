import { z } from 'zod';

/** Ids Hale generates are UUIDs; anything else cannot name a stored item. */
export const idSchema = z.uuid().describe('An id Hale generated (a UUID).');

export const chatRequestSchema = z
  .strictObject({
    conversationId: idSchema.optional().describe('Continue this conversation; omit to start a new one.'),
    question: z
      .string()
      .trim()
      .min(1)
      .max(4_000)
      .optional()
      .describe('What the person asks, in their words (required unless `regenerate`).'),
    model: z
      .string()
      .min(1)
      .max(300)
      .optional()
      .describe(
        'A model id (`builtin`, `openai:gpt-4o-mini`, `openai-compatible:<url>#<model>`); omit for the default.',
      ),
    regenerate: z
      .boolean()
      .optional()
      .describe(
        "Answer the conversation's last question again, replacing its answer (`question` is then ignored).",
      ),
  })
  .refine((body) => body.regenerate === true || body.question !== undefined, {
    message: 'give the question (or regenerate: true with a conversationId)',
    path: ['question'],
  })
  .describe('One chat turn.');

export const conversationSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  messageCount: z.number().int(),
});

export const storedMessageSchema = z.object({
  id: z.string(),
  role: z.enum(['user', 'assistant']),
  parts: z
    .array(z.unknown())
    .describe('AI SDK UI message parts (text, tool calls with results, data-grounding).'),
  metadata: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

export const conversationSchema = conversationSummarySchema.extend({
  messages: z.array(storedMessageSchema),
});

export const conversationParamsSchema = z.strictObject({ conversationId: idSchema });

export const renameConversationSchema = z.strictObject({ title: z.string().trim().min(1).max(200) });

export const traceParamsSchema = z.strictObject({ traceId: idSchema });

export const spanSchema = z.object({
  spanId: z.string(),
  parentSpanId: z.string().optional(),
  kind: z.enum(['turn', 'model', 'tool', 'sql', 'grounding']),
  name: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  attributes: z.record(z.string(), z.unknown()),
});

export const traceSchema = z.object({
  traceId: z.string(),
  conversationId: z.string().optional(),
  messageId: z.string().optional(),
  principal: z.string(),
  role: z.string(),
  channel: z.string(),
  model: z.string(),
  promptVersion: z.string(),
  codeVersion: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.number(),
  outcome: z.enum(['ok', 'error', 'cancelled']),
  errorCode: z.string().optional(),
  grounded: z.boolean().optional(),
  ungroundedClaims: z.number().int(),
  toolCalls: z.number().int(),
  cachedToolCalls: z.number().int(),
  spans: z.array(spanSchema),
});

export const usageQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(366).default(30).describe('How many days back, today included.'),
  user: z.string().min(1).max(200).optional().describe("Another person's usage (admins only)."),
});

export const usageSchema = z.object({
  days: z.array(
    z.object({
      principal: z.string(),
      day: z.string(),
      turns: z.number().int(),
      inputTokens: z.number().int(),
      outputTokens: z.number().int(),
      costUsd: z.number(),
    }),
  ),
  dailyTokenBudget: z.number().int().optional(),
  usedToday: z.number().int(),
});

export const feedbackRequestSchema = z
  .strictObject({
    messageId: z.string().min(1).max(100).describe('The answer the feedback is about.'),
    rating: z.enum(['up', 'down']).nullable().optional(),
    comment: z.string().max(4_000).nullable().optional(),
    correctedAnswer: z.string().max(20_000).nullable().optional().describe('The answer the person expected.'),
  })
  .refine(
    (value) =>
      value.rating !== undefined || value.comment !== undefined || value.correctedAnswer !== undefined,
    { message: 'give at least one of rating, comment, correctedAnswer' },
  );

export const feedbackSchema = z.object({
  id: z.string(),
  messageId: z.string(),
  conversationId: z.string(),
  principal: z.string(),
  rating: z.enum(['up', 'down']).optional(),
  comment: z.string().optional(),
  correctedAnswer: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const feedbackParamsSchema = z.strictObject({ feedbackId: idSchema });

export const evalCaseSchema = z.object({
  id: z.string(),
  tags: z.array(z.string()),
  principal: z.string(),
  source: z.object({
    feedbackId: z.string(),
    conversationId: z.string(),
    messageId: z.string(),
    traceId: z.string().optional(),
  }),
  turns: z.array(
    z.object({
      question: z.string(),
      expect: z.object({
        referenceAnswer: z.string().optional(),
        rejectedAnswer: z.string().optional(),
        tools: z.array(z.string()).optional(),
        comment: z.string().optional(),
      }),
    }),
  ),
});

export const identitySchema = z.object({
  mode: z.enum(['demo', 'token']),
  demoUsers: z.array(z.object({ user: z.string(), role: z.string(), description: z.string() })),
});

export const meSchema = z.object({
  user: z.string(),
  role: z.string(),
  description: z.string(),
  mode: z.enum(['demo', 'token']),
  defaultModel: z.string(),
  scope: z
    .record(
      z.string(),
      z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]),
    )
    .describe(
      'The attributes that scope what the person sees (e.g. regions, practice_ids), from the policy.',
    ),
  models: z
    .array(z.string())
    .optional()
    .describe('Models a request of this role may name; absent: only the default model.'),
});

export const metricsQuerySchema = z.strictObject({
  search: z
    .string()
    .max(200)
    .optional()
    .describe('Words to look for in names, synonyms, descriptions and sample questions.'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const metricParamsSchema = z.strictObject({
  metric: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'a metric name: lower case, digits and _')
    .max(200),
});

export const metricCatalogSchema = z.object({
  metrics: z.array(
    z.object({
      name: z.string(),
      label: z.string().optional(),
      type: z.string(),
      description: z.string().optional(),
      synonyms: z.array(z.string()),
      sampleQuestions: z.array(z.string()),
      access: z.enum(['rows', 'aggregate']),
    }),
  ),
  unavailable: z.number().int().describe('Matching metrics over data the person may not query.'),
});

export const metricDimensionsSchema = z.object({
  metric: z.string(),
  dimensions: z.array(
    z.object({
      name: z.string(),
      kind: z.string(),
      label: z.string().optional(),
      description: z.string().optional(),
      granularities: z.array(z.string()).optional(),
    }),
  ),
});
