import { z } from 'zod';

/**
 * Every setting Hale reads: its command-line flag, its environment variable, its default and what it
 * does. `load-config.ts` builds the configuration from this table and `docs/configuration.md` lists it
 * (a test keeps the two in step).
 */
export const settings = {
  dataDirectory: {
    flag: '--data-dir',
    env: 'HALE_DATA_DIR',
    default: '.hale',
    description:
      'Directory of the embedded database (PGlite with pgvector), used when DATABASE_URL is unset.',
    schema: z.string().min(1),
  },
  databaseUrl: {
    flag: '--database-url',
    env: 'DATABASE_URL',
    default: undefined,
    description:
      'PostgreSQL URL for application state (and the warehouse unless WAREHOUSE_URL is set). Unset: embedded PGlite.',
    schema: z
      .url({ protocol: /^postgres(ql)?$/, error: 'expected a postgres:// or postgresql:// URL' })
      .optional(),
  },
  warehouseUrl: {
    flag: '--warehouse-url',
    env: 'WAREHOUSE_URL',
    default: undefined,
    description:
      'PostgreSQL-wire URL of the warehouse (cdm, vocab, scheduling). Unset: the application database.',
    schema: z
      .url({ protocol: /^postgres(ql)?$/, error: 'expected a postgres:// or postgresql:// URL' })
      .optional(),
  },
  host: {
    flag: '--host',
    env: 'HALE_HOST',
    default: '127.0.0.1',
    description: 'Interface the HTTP server listens on. Use 0.0.0.0 inside a container.',
    schema: z.string().min(1),
  },
  port: {
    flag: '--port',
    env: 'HALE_PORT',
    default: '3000',
    description: 'TCP port of the HTTP server (0 picks a free port).',
    schema: z.coerce
      .number({ error: 'expected an integer between 0 and 65535' })
      .int({ error: 'expected an integer between 0 and 65535' })
      .min(0, { error: 'expected an integer between 0 and 65535' })
      .max(65_535, { error: 'expected an integer between 0 and 65535' }),
  },
  seedScale: {
    flag: '--scale',
    env: 'HALE_SEED_SCALE',
    default: '1',
    description:
      'Size of the demo warehouse: scale 1 is about 10,000 patients and 200,000 appointments. Used by `hale seed` and by the first `hale start`.',
    // The generator holds the whole warehouse in memory (≈ 170 MB of heap per unit of scale).
    schema: z.coerce
      .number({ error: 'expected a number between 0.01 and 10' })
      .min(0.01, { error: 'expected a number between 0.01 and 10' })
      .max(10, { error: 'expected a number between 0.01 and 10' }),
  },
  policies: {
    flag: '--policies',
    env: 'HALE_POLICIES',
    default: undefined,
    description:
      'Governance policy file (YAML): principals, roles, per-table access, row filters and column masks. Unset: the bundled demo policy, mcp-tools/governance/default-policies.yml.',
    schema: z.string().min(1).optional(),
  },
  semanticModels: {
    flag: '--semantic-models',
    env: 'HALE_SEMANTIC_MODELS',
    default: undefined,
    description:
      'Directory of semantic model YAML files (dbt MetricFlow spec: semantic_models, metrics, saved_queries), read recursively. Unset: the bundled models, semantic-layer/models/.',
    schema: z.string().min(1).optional(),
  },
  publicUrl: {
    flag: '--public-url',
    env: 'HALE_PUBLIC_URL',
    default: undefined,
    description:
      'The URL clients reach the server at (behind a proxy: its external URL). Names the MCP resource in OAuth protected-resource metadata. Unset: http://HOST:PORT.',
    schema: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }).optional(),
  },
  allowedHosts: {
    flag: '--allowed-hosts',
    env: 'HALE_ALLOWED_HOSTS',
    default: undefined,
    description:
      'Comma-separated host names /mcp answers to (DNS-rebinding protection; Origin headers must name one too). Unset: localhost, 127.0.0.1 and [::1] when listening on a loopback address, otherwise the host of HALE_PUBLIC_URL if set, else any host with Origin checked against Host.',
    schema: z
      .string()
      .regex(/^[A-Za-z0-9.[\]:_-]+(,[A-Za-z0-9.[\]:_-]+)*$/, { error: 'expected comma-separated host names' })
      .transform((value) => value.split(','))
      .optional(),
  },
  jwksUrl: {
    flag: '--jwks-url',
    env: 'HALE_JWKS_URL',
    default: undefined,
    description:
      'JWKS URL of an identity provider whose JWTs /mcp accepts as bearer tokens (with HALE_JWT_ISSUER and HALE_JWT_AUDIENCE). Unset: only Hale API tokens.',
    schema: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }).optional(),
  },
  jwtIssuer: {
    flag: '--jwt-issuer',
    env: 'HALE_JWT_ISSUER',
    default: undefined,
    description: 'The `iss` a JWT must carry (required with HALE_JWKS_URL).',
    schema: z.string().min(1).optional(),
  },
  jwtAudience: {
    flag: '--jwt-audience',
    env: 'HALE_JWT_AUDIENCE',
    default: undefined,
    description: 'The `aud` a JWT must carry (required with HALE_JWKS_URL), usually the /mcp URL.',
    schema: z.string().min(1).optional(),
  },
  jwtUserClaim: {
    flag: '--jwt-user-claim',
    env: 'HALE_JWT_USER_CLAIM',
    default: 'sub',
    description: 'The JWT claim that names the Hale principal (a user of the policy file).',
    schema: z.string().min(1),
  },
  embedder: {
    flag: '--embedder',
    env: 'HALE_EMBEDDER',
    default: 'builtin',
    description:
      'Embedder of document retrieval: builtin (offline, deterministic), openai:<model> (e.g. openai:text-embedding-3-small, with HALE_EMBEDDING_API_KEY) or openai-compatible:<base-url>#<model> (e.g. openai-compatible:http://localhost:11434/v1#nomic-embed-text for Ollama). Changing it re-embeds every document at the next start or ingestion.',
    schema: z.string().min(1),
  },
  embeddingApiKey: {
    flag: '--embedding-api-key',
    env: 'HALE_EMBEDDING_API_KEY',
    default: undefined,
    description:
      'API key of the embedding endpoint (required for openai:, optional for openai-compatible:). Prefer the environment variable: a command line is visible to other users of the machine.',
    schema: z.string().min(1).optional(),
  },
  model: {
    flag: '--model',
    env: 'HALE_MODEL',
    default: 'builtin',
    description:
      'Chat model: builtin (offline, deterministic), openai:<model> (e.g. openai:gpt-4o-mini, with OPENAI_API_KEY) or openai-compatible:<base-url>#<model> (e.g. openai-compatible:http://localhost:11434/v1#llama3.1 for Ollama). The policy file can restrict models per role.',
    schema: z.string().min(1),
  },
  openAiApiKey: {
    flag: '--openai-api-key',
    env: 'OPENAI_API_KEY',
    default: undefined,
    description:
      'API key of the chat model service (required for openai:, optional for openai-compatible:). Prefer the environment variable: a command line is visible to other users of the machine.',
    schema: z.string().min(1).optional(),
  },
  openAiBaseUrl: {
    flag: '--openai-base-url',
    env: 'OPENAI_BASE_URL',
    default: undefined,
    description:
      'Base URL for openai: models (a proxy or gateway in front of OpenAI). Unset: https://api.openai.com/v1.',
    schema: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }).optional(),
  },
  modelTimeoutMs: {
    flag: '--model-timeout-ms',
    env: 'HALE_MODEL_TIMEOUT_MS',
    default: '60000',
    description:
      'How long to wait for the model service to start answering, and at most between two streamed chunks; a timed-out request is retried twice with backoff.',
    schema: z.coerce.number().int().min(1_000).max(600_000),
  },
  maximumSteps: {
    flag: '--max-steps',
    env: 'HALE_MAX_STEPS',
    default: '8',
    description:
      'Model calls per chat turn at most; a model still calling tools then is stopped and the person told.',
    schema: z.coerce.number().int().min(1).max(50),
  },
  identityMode: {
    flag: '--identity',
    env: 'HALE_IDENTITY',
    default: undefined,
    description:
      'How chat users sign in: demo (pick a demo user of the policy in the UI; no authentication) or token (bearer API tokens from `hale token create`, or JWTs with HALE_JWKS_URL). Unset: demo on the embedded database, token with DATABASE_URL.',
    schema: z.enum(['demo', 'token'], { error: 'expected demo or token' }).optional(),
  },
  modelPrices: {
    flag: '--model-prices',
    env: 'HALE_MODEL_PRICES',
    default: undefined,
    description:
      'YAML file of model prices in US dollars per million tokens (`openai:gpt-4o-mini: {input: 0.15, output: 0.6}`; keys may end in *), for cost accounting. Unset: the built-in table (docs/agent.md).',
    schema: z.string().min(1).optional(),
  },
  toolCacheSeconds: {
    flag: '--tool-cache-seconds',
    env: 'HALE_TOOL_CACHE_SECONDS',
    default: '300',
    description:
      'How long a chat tool result is reused for the same person, tool and input (0 turns the cache off). Never shared between people; a data load invalidates it.',
    schema: z.coerce.number().int().min(0).max(86_400),
  },
  otelEndpoint: {
    flag: '--otel-endpoint',
    env: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    default: undefined,
    description:
      'OpenTelemetry collector (OTLP over HTTP, e.g. http://localhost:4318): chat turns, model calls and tool calls are exported as spans as well as stored in hale.span.',
    schema: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }).optional(),
  },
  logLevel: {
    flag: '--log-level',
    env: 'HALE_LOG_LEVEL',
    default: 'info',
    description: 'Least severe log level written to stderr: debug, info, warn or error.',
    schema: z.enum(['debug', 'info', 'warn', 'error'], { error: 'expected debug, info, warn or error' }),
  },
} as const;

/** The name of one setting. */
export type SettingName = keyof typeof settings;
