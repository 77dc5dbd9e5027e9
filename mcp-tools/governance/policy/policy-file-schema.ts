import { z } from 'zod';

const maskPattern = /^(redact|hash|year_of_date|null|prefix\((\d{1,3})\))$/;

/** `allow`, `deny` or `{ mask: kind }` with kind redact | hash | year_of_date | prefix(n) | "null". */
const maskHelp = 'expected allow, deny or { mask: redact | hash | year_of_date | prefix(n) | "null" }';

/** `allow`, `deny` or `{ mask: kind }` with kind redact | hash | year_of_date | prefix(n) | "null". */
const columnRuleSchema = z.union(
  [z.enum(['allow', 'deny']), z.object({ mask: z.string().regex(maskPattern) }).strict()],
  {
    error: (issue) =>
      (issue.input as { mask?: unknown } | undefined)?.mask === null
        ? 'mask: null is read by YAML as "no value"; write mask: "null" in quotes'
        : maskHelp,
  },
);

const tableRuleSchema = z
  .object({
    access: z.enum(['none', 'aggregate', 'rows']),
    row_filter: z.string().min(1).optional(),
    columns: z
      .record(
        z.string().regex(/^[a-z_][a-z0-9_]*$/, 'column names are lower-case SQL identifiers'),
        columnRuleSchema,
      )
      .optional(),
    entity_key: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .optional(),
    minimum_cell_size: z.number().int().min(2).max(1000).optional(),
  })
  .strict();

const attributeValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string(), z.number()])),
]);

/** The policy YAML file: one source of truth for the loader, the docs and the tests. */
export const policyFileSchema = z
  .object({
    version: z.literal(1),
    principals: z.record(
      z.string().regex(/^[a-z][a-z0-9_.@-]*$/, 'user names are lower-case'),
      z
        .object({
          role: z.string(),
          description: z.string().optional(),
          attributes: z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/), attributeValueSchema).optional(),
        })
        .strict(),
    ),
    roles: z.record(
      z.string().regex(/^[a-z][a-z0-9_]*$/, 'role names are lower-case identifiers'),
      z
        .object({
          description: z.string().optional(),
          minimum_cell_size: z.number().int().min(2).max(1000).optional(),
          /**
           * Chat models the role may use: model ids (`builtin`, `openai:gpt-4o-mini`) or prefixes
           * ending in `*` (`openai-compatible:*`). Unset: any configured model.
           */
          models: z.array(z.string().min(1).max(300)).optional(),
          /** Tokens (in + out) a person of this role may spend on chat per UTC day. Unset: no limit. */
          daily_token_budget: z.number().int().min(0).optional(),
          tables: z.record(
            z
              .string()
              .regex(
                /^[a-z_][a-z0-9_]*\.([a-z_][a-z0-9_]*|\*)$/,
                'tables are written schema.table or schema.*',
              ),
            tableRuleSchema,
          ),
        })
        .strict(),
    ),
  })
  .strict();

export type PolicyFile = z.infer<typeof policyFileSchema>;
export type TableRuleInput = z.infer<typeof tableRuleSchema>;
