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
