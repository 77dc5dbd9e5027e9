import { basename, resolve } from 'node:path';
import {
  checkDocumentRoles,
  documentSourceTypes,
  ingestDocuments,
  readDocumentFiles,
} from '../../mcp-tools/retrieval/index.js';
import { configuredEmbeddingProvider } from '../configured-embedding-provider.js';
import { readPolicy } from '../open-governed-warehouse.js';
import { openRuntime } from '../open-runtime.js';
import {
  refreshBundledDocuments,
  reportIngestionProgress,
  vectorsAvailable,
} from '../sync-bundled-documents.js';
import { type Command, type CommandContext, type CommandResult, UsageError } from './command.js';
import { runCliTool } from './run-cli-tool.js';

const usage = `hale docs search TEXT --as USER [--type T[,T…]] [--tag T[,T…]] [--limit N] [--mode hybrid|vector|text]
hale docs ingest PATH [--roles R[,R…]] [--tags T[,T…]] [--reembed]
  search   Searches the documents USER may read (the search_documents tool): metric definitions,
           table and column meanings, role access, team knowledge, verified queries, ingested files.
           Audited. --type: metric, table, role, knowledge, verified_query, data_dictionary.
  ingest   Ingests a markdown (.md), text (.txt) or CSV data-dictionary file, or a folder of them.
           Ingesting the same PATH again updates changed files and removes deleted ones (content
           hashes). Readers: the front matter's roles, else --roles (default: every role).
           --reembed re-embeds every stored chunk (e.g. after changing HALE_EMBEDDER).
  The embedder is HALE_EMBEDDER / --embedder (default builtin).`;

function list(value: string | boolean | undefined): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

async function search(context: CommandContext, text: string): Promise<CommandResult> {
  const { values } = context;
  const user = values.as;
  if (typeof user !== 'string' || user === '')
    throw new UsageError('--as USER is required: whose documents may be read', usage);
  const limitText = values.limit;
  if (limitText !== undefined && (typeof limitText !== 'string' || !/^\d+$/.test(limitText)))
    throw new UsageError(`--limit must be a whole number, got ${JSON.stringify(limitText)}`, usage);
  const types = list(values.type);
  for (const type of types ?? [])
    if (!(documentSourceTypes as readonly string[]).includes(type))
      throw new UsageError(
        `unknown --type ${JSON.stringify(type)}: use ${documentSourceTypes.join(', ')}`,
        usage,
      );
  const mode = values.mode;
  if (mode !== undefined && mode !== 'hybrid' && mode !== 'vector' && mode !== 'text')
    throw new UsageError(`--mode must be hybrid, vector or text, got ${JSON.stringify(mode)}`, usage);
  const result = await runCliTool({
    command: 'docs search',
    context,
    user,
    tool: 'search_documents',
    input: {
      query: text,
      ...(types ? { sourceTypes: types } : {}),
      ...(list(values.tag) ? { tags: list(values.tag) } : {}),
      ...(typeof limitText === 'string' ? { limit: Number(limitText) } : {}),
      ...(mode ? { mode } : {}),
    },
    // Generated documents follow the semantic layer and the policy: refresh them before searching.
    // A refresh that fails (the embedding endpoint is down) is reported and the search goes on.
    before: ({ databases, governed, semanticLayer, embeddingProvider }) =>
      refreshBundledDocuments({
        databases,
        governed,
        semanticLayer,
        provider: embeddingProvider,
        output: context.output,
        signal: context.signal,
      }),
  });
  if ('failure' in result) return result.failure;
  const output = result.output as {
    results: {
      rank: number;
      title: string;
      headingPath: string[];
      snippet: string;
      source: string;
      score: number;
    }[];
    mode: string;
    notice?: string;
    expansions: string[];
  };
  const lines = output.results.map(
    (hit) =>
      `${hit.rank}. ${hit.title}${hit.headingPath.length ? ` › ${hit.headingPath.join(' › ')}` : ''}  [${hit.source}]\n   ${hit.snippet.replace(/\s+/g, ' ')}`,
  );
  const notes = [
    output.results.length === 0 ? 'No document matches.' : '',
    output.expansions.length ? `(also searched: ${output.expansions.join(', ')})` : '',
    output.notice ? `(${output.notice})` : '',
  ].filter(Boolean);
  return { json: { status: 'ok', ...output }, text: [...lines, ...notes].join('\n') };
}

async function ingest(context: CommandContext, path: string): Promise<CommandResult> {
  const { values, config, output } = context;
  const policy = await readPolicy(config);
  const roles = list(values.roles) ?? ['*'];
  const read = await readDocumentFiles(path, { defaultRoles: roles, tags: list(values.tags) ?? [] });
  checkDocumentRoles(read.documents, [...policy.roles.keys()]);
  for (const skipped of read.skipped) output.log('warn', `skipped ${skipped.path}: ${skipped.reason}`);
  const databases = await openRuntime(context);
  const provider = configuredEmbeddingProvider(config);
  const collection = read.root;
  // A single file speaks for its own documents only (`name.md`, or `name.csv#table` per table).
  const file = resolve(path) === read.root ? undefined : basename(path);
  const report = await ingestDocuments({
    database: databases.application,
    collection,
    documents: read.documents,
    provider,
    vectors: vectorsAvailable(databases),
    reembed: values.reembed === true,
    ...(file ? { within: (key: string) => key === file || key.startsWith(`${file}#`) } : {}),
    onProgress: reportIngestionProgress(output),
    signal: context.signal,
  });
  const text = [
    `ingested ${path}: ${report.added.length} added, ${report.updated.length} updated, ${report.removed.length} removed, ${report.unchanged} unchanged (${report.chunks} chunks written)`,
    report.embedder
      ? `${report.reembedded ? 're-embedded' : 'embedded'} ${report.embedded} chunks with ${report.embedder}`
      : 'no pgvector on this database: documents are searchable by full text only',
    ...read.skipped.map((skipped) => `skipped ${skipped.path}: ${skipped.reason}`),
  ].join('\n');
  return { json: { status: 'ok', ...report, skipped: read.skipped }, text };
}

export const docsCommand: Command = {
  name: 'docs',
  summary: 'search and ingest documents (hale docs search TEXT --as USER; hale docs ingest PATH)',
  usage,
  options: {
    as: { type: 'string' },
    type: { type: 'string' },
    tag: { type: 'string' },
    limit: { type: 'string' },
    mode: { type: 'string' },
    roles: { type: 'string' },
    tags: { type: 'string' },
    reembed: { type: 'boolean' },
    policies: { type: 'string' },
    'semantic-models': { type: 'string' },
    embedder: { type: 'string' },
    'embedding-api-key': { type: 'string' },
  },
  positionals: [2, 2],
  async run(context) {
    const [subcommand, argument] = context.positionals;
    if (!argument?.trim()) throw new UsageError(`docs ${subcommand ?? ''} needs an argument`, usage);
    if (subcommand === 'search') return search(context, argument);
    if (subcommand === 'ingest') return ingest(context, argument);
    throw new UsageError(`unknown subcommand ${JSON.stringify(subcommand)}: use search or ingest`, usage);
  },
};
