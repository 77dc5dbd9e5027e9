import type { SettingName } from '../config/settings.js';
import type { CommandOptions } from './command.js';

/** Flags every command accepts. */
export const globalOptions: CommandOptions = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  'warehouse-url': { type: 'string' },
  'log-level': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** Which setting each configuration flag sets (flags not listed are command inputs). */
export const flagSettings: Readonly<Record<string, SettingName>> = {
  'data-dir': 'dataDirectory',
  'database-url': 'databaseUrl',
  'warehouse-url': 'warehouseUrl',
  'log-level': 'logLevel',
  port: 'port',
  host: 'host',
  scale: 'seedScale',
  policies: 'policies',
  'semantic-models': 'semanticModels',
  'public-url': 'publicUrl',
  'allowed-hosts': 'allowedHosts',
  'jwks-url': 'jwksUrl',
  'jwt-issuer': 'jwtIssuer',
  'jwt-audience': 'jwtAudience',
  'jwt-user-claim': 'jwtUserClaim',
  embedder: 'embedder',
  'embedding-api-key': 'embeddingApiKey',
  model: 'model',
  'openai-api-key': 'openAiApiKey',
  'openai-base-url': 'openAiBaseUrl',
  'model-timeout-ms': 'modelTimeoutMs',
  'max-steps': 'maximumSteps',
  identity: 'identityMode',
  'model-prices': 'modelPrices',
  'tool-cache-seconds': 'toolCacheSeconds',
  'otel-endpoint': 'otelEndpoint',
};

export const globalUsage = `Global options:
  --data-dir DIR        embedded data directory (default .hale, env HALE_DATA_DIR)
  --database-url URL    PostgreSQL for application state (env DATABASE_URL)
  --warehouse-url URL   PostgreSQL-wire warehouse (env WAREHOUSE_URL)
  --log-level LEVEL     debug | info | warn | error (env HALE_LOG_LEVEL)
  --json                print one JSON document instead of text
  -h, --help            show help`;
