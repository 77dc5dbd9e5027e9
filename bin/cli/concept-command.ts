import { type Command, UsageError } from './command.js';
import { runCliTool } from './run-cli-tool.js';

const usage = `hale concept search TEXT [--vocabulary V] [--domain D] [--standard] [--limit N] [--offset N]
hale concept get ID | --system SYSTEM --code CODE
hale concept translate SYSTEM CODE [--to VOCABULARY]
hale concept descendants ID [--ancestors] [--levels N] [--subsumes ID] [--limit N]
  Looks up the OMOP vocabulary as USER (--as, required), through the governance gate and audited.
  SYSTEM is an OMOP vocabulary id (SNOMED, ICD10CM, LOINC, RxNorm …) or a FHIR system URI.
  --fhir        print the FHIR R4 output (get: CodeSystem/$lookup, translate: ConceptMap/$translate,
                descendants: ValueSet/$expand, with --subsumes: CodeSystem/$subsumes)
  --json        print the tool's structured result`;

function integer(value: string | boolean | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value))
    throw new UsageError(`${flag} must be a whole number, got ${JSON.stringify(value)}`, usage);
  return Number(value);
}

/** The tool and its arguments for a subcommand and its flags. */
function toolCall(positionals: string[], values: Record<string, string | boolean | undefined>) {
  const [subcommand, first, second, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`, usage);
  const format = values.fhir === true ? { format: 'fhir' } : {};
  const limit = integer(values.limit, '--limit');
  const conceptId = (text: string | undefined) => {
    if (!text || !/^\d+$/.test(text))
      throw new UsageError(`expected a concept id, got ${JSON.stringify(text ?? '')}`, usage);
    return Number(text);
  };
  switch (subcommand) {
    case 'search': {
      if (!first) throw new UsageError('concept search needs the text to look for', usage);
      if (second) throw new UsageError('quote the search text: hale concept search "type 2 diabetes"', usage);
      const list = (value: string | boolean | undefined) =>
        typeof value === 'string'
          ? value
              .split(',')
              .map((part) => part.trim())
              .filter(Boolean)
          : undefined;
      return {
        tool: 'search_concepts',
        input: {
          text: first,
          ...(list(values.vocabulary) ? { vocabularies: list(values.vocabulary) } : {}),
          ...(list(values.domain) ? { domains: list(values.domain) } : {}),
          ...(values.standard === true ? { standardOnly: true } : {}),
          ...(limit !== undefined ? { limit } : {}),
          ...(values.offset !== undefined ? { offset: integer(values.offset, '--offset') } : {}),
        },
      };
    }
    case 'get': {
      if (second) throw new UsageError(`unexpected argument ${JSON.stringify(second)}`, usage);
      const reference =
        first !== undefined
          ? { conceptId: conceptId(first) }
          : typeof values.system === 'string' && typeof values.code === 'string'
            ? { system: values.system, code: values.code }
            : undefined;
      if (!reference) throw new UsageError('concept get needs an ID, or --system and --code', usage);
      return { tool: 'get_concept', input: { ...reference, ...format } };
    }
    case 'translate': {
      if (!first || !second) throw new UsageError('concept translate needs a SYSTEM and a CODE', usage);
      return {
        tool: 'translate_code',
        input: {
          system: first,
          code: second,
          ...(typeof values.to === 'string' ? { targetVocabulary: values.to } : {}),
          ...format,
        },
      };
    }
    case 'descendants': {
      if (second) throw new UsageError(`unexpected argument ${JSON.stringify(second)}`, usage);
      return {
        tool: 'concept_descendants',
        input: {
          conceptId: conceptId(first),
          ...(values.ancestors === true ? { direction: 'ancestors' } : {}),
          ...(values.levels !== undefined ? { maxLevels: integer(values.levels, '--levels') } : {}),
          ...(values.subsumes !== undefined ? { subsumedConceptId: conceptId(String(values.subsumes)) } : {}),
          ...(limit !== undefined ? { limit } : {}),
          ...format,
        },
      };
    }
    default:
      throw new UsageError(
        subcommand
          ? `unknown subcommand ${JSON.stringify(subcommand)}`
          : 'give a subcommand: search, get, translate or descendants',
        usage,
      );
  }
}

export const conceptCommand: Command = {
  name: 'concept',
  summary: 'search and look up OMOP concepts, codes and hierarchies (hale concept search …)',
  usage,
  options: {
    as: { type: 'string' },
    vocabulary: { type: 'string' },
    domain: { type: 'string' },
    standard: { type: 'boolean' },
    limit: { type: 'string' },
    offset: { type: 'string' },
    system: { type: 'string' },
    code: { type: 'string' },
    to: { type: 'string' },
    ancestors: { type: 'boolean' },
    levels: { type: 'string' },
    subsumes: { type: 'string' },
    fhir: { type: 'boolean' },
    policies: { type: 'string' },
  },
  positionals: [1, 4],
  async run(context) {
    const user = context.values.as;
    if (typeof user !== 'string' || user === '')
      throw new UsageError('--as USER is required: whose access applies', usage);
    const { tool, input } = toolCall(context.positionals, context.values);
    const result = await runCliTool({ command: 'concept', context, user, tool, input });
    if ('failure' in result) return result.failure;
    const { output } = result;
    // With --fhir the FHIR resource is the result, in text and JSON alike.
    if (output.fhir) return { json: output.fhir, text: JSON.stringify(output.fhir, null, 2) };
    return { json: output, text: result.text };
  },
};
