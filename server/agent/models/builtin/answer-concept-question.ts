import type { ConceptRequest } from './classify-intent.js';
import { explainToolError } from './explain-tool-error.js';
import type { ReadToolResult } from './read-conversation.js';
import type { TurnCall } from './turn-calls.js';
import {
  writeConceptDetailsAnswer,
  writeConceptSearchAnswer,
  writeDescendantsAnswer,
  writeTranslationAnswer,
} from './write-concept-answer.js';

const ok = (result: ReadToolResult, tool: string, write: (content: Record<string, unknown>) => string) =>
  result.ok ? write(result.content ?? {}) : explainToolError({ tool, failure: result.error });

/**
 * Answers a vocabulary question with the call it names (a descendants question in words searches
 * the concept first), from the tool's result only.
 */
export function answerConceptQuestion(request: ConceptRequest, call: TurnCall): string {
  switch (request.tool) {
    case 'search_concepts':
      return ok(call('search_concepts', request.input), 'search_concepts', (content) =>
        writeConceptSearchAnswer({
          text: request.input.text,
          vocabularies: request.input.vocabularies,
          content,
        }),
      );
    case 'get_concept':
      return ok(call('get_concept', request.input), 'get_concept', writeConceptDetailsAnswer);
    case 'translate_code':
      return ok(call('translate_code', request.input), 'translate_code', (content) =>
        writeTranslationAnswer({ input: request.input, content }),
      );
    case 'concept_descendants':
      return ok(call('concept_descendants', request.input), 'concept_descendants', writeDescendantsAnswer);
    case 'search_then_descendants': {
      const search = call('search_concepts', { text: request.input.text, standardOnly: true, limit: 5 });
      if (!search.ok) return explainToolError({ tool: 'search_concepts', failure: search.error });
      const results = (search.content?.results ?? []) as { concept: { conceptId: number } }[];
      const first = results[0]?.concept.conceptId;
      if (first === undefined) return `I found no standard concept for "${request.input.text}".`;
      return ok(
        call('concept_descendants', { conceptId: first, limit: 50 }),
        'concept_descendants',
        writeDescendantsAnswer,
      );
    }
  }
}
