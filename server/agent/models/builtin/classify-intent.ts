import { normalizeText } from '../../../../semantic-layer/index.js';

/** A request about the OMOP vocabulary, as the tool call that answers it. */
export type ConceptRequest =
  | { tool: 'get_concept'; input: { conceptId: number } | { system: string; code: string } }
  | { tool: 'translate_code'; input: { system: string; code: string; targetVocabulary?: string } }
  | { tool: 'search_concepts'; input: { text: string; vocabularies?: string[]; limit: number } }
  | { tool: 'concept_descendants'; input: { conceptId: number; limit: number } }
  /** Descendants of a concept named in words: search it first. */
  | { tool: 'search_then_descendants'; input: { text: string } };

/** What a question asks for, before it is linked to metrics. */
export type Intent =
  | { kind: 'greeting' }
  | { kind: 'help' }
  | { kind: 'data_modification' }
  /** Writing, jokes and the like: not a data question, whatever data it mentions. */
  | { kind: 'out_of_scope' }
  | { kind: 'patient_identifiers' }
  | { kind: 'access' }
  | { kind: 'list_tables'; schema?: 'scheduling' | 'cdm' | 'vocab' }
  | { kind: 'describe_table'; table: string }
  | { kind: 'list_metrics' }
  | { kind: 'concept'; request: ConceptRequest }
  | { kind: 'document'; query: string }
  /** A SQL statement written in the chat: run as is through the gate. */
  | { kind: 'sql'; sql: string }
  /** A question about numbers (or a follow-up, or off topic: linking decides). */
  | { kind: 'data'; offTopic: boolean };

const vocabularies: [RegExp, string][] = [
  [/\bsnomed(?: ct)?\b|\bsct\b/, 'SNOMED'],
  [/\bicd ?10 ?cm\b|\bcim ?10\b|\bicd ?10\b/, 'ICD10CM'],
  [/\bloinc\b/, 'LOINC'],
  [/\brxnorm\b/, 'RxNorm'],
  [/\batc\b/, 'ATC'],
];

const countCue =
  /\b(how many|how much|number of|count of|combien|nombre de|average|mean (value|number|of)|median|rate|share|total|trend|per month|by month|moyenne|taux)\b/;
const strongCountCue = /\b(how many|how much|number of|count of|combien|nombre de)\b/;
const greetingWords = new Set([
  'hi',
  'hello',
  'hey',
  'bonjour',
  'salut',
  'coucou',
  'good',
  'morning',
  'afternoon',
  'evening',
  'thanks',
  'thank',
  'you',
  'merci',
  'there',
  'hale',
  'ok',
  'okay',
  'great',
  'bye',
  'cheers',
]);
const helpPattern =
  /^(help|aide|examples?|exemples?)$|\bwhat can (you|i) (do|ask)\b|\bhow (does|do) (this|you|hale) work\b|\bwhat (questions|kind of questions)\b|\bque (peux|sais) tu faire\b|\bwho are you\b|\bwhat are you\b|\bhow do i use\b/;
const modificationPattern =
  /^(please )?((can|could|would) you |i (want|need) (you )?to |i d like (you )?to |let s |lets |go ahead and |now |peux tu |pouvez vous |veuillez |merci de )?(please )?(delete|drop|truncate|insert|update|alter|erase|wipe|purge|remove|overwrite|grant|revoke|modify|cancel|supprime\w*|efface\w*|modifie\w*|ajoute\w*|mets a jour)\b|\b(create|add|insert) (a )?(new )?(table|row|record|column|appointment|patient)\b|\bset (the )?status\b/;
const identifierPattern =
  /\b(patients?|their|people|persons?)\b.*\b(emails?|e mails?|email addresses|phone numbers?|telephone numbers?|home addresses|addresses|names|social security numbers?|nir)\b|\b(emails?|e mails?|email addresses|phone numbers?|addresses|names|nir)\b.*\b(patients?|people|persons?)\b/;
const accessPattern =
  /\bwhat (data )?(can|may) i (see|access|query|read)\b|\bwho am i\b|\bmy (access|permissions?|rights|role|scope)\b|\bwhat (do|can) i have access\b|\bwhat am i allowed\b|\bwhat data do i have\b|\bwhy can ?t i see\b|\bque puis je voir\b|\bmes droits\b|\bmon acces\b/;
const listTablesPattern =
  /\b(which|what|list|show|available) (the )?(tables|schemas)\b|\btables (are there|exist|do you have|can i query)\b|\blist (all )?(the )?tables\b|\bquelles tables\b/;
const describePattern =
  /\b(?:describe|columns? (?:are )?(?:of|in)|structure of|schema of|what s in the table|what is in the table|fields of|decris)\s+(?:the\s+)?(?:table\s+)?([a-z_]+(?:\.[a-z_]+)?)/i;
const listMetricsPattern =
  /\b(which|what|list|show|available) (the )?(metrics|indicators|measures|kpis?)\b|\bmetrics (are there|are available|exist|can i)\b|\bquels indicateurs\b/;
const documentPattern =
  /^(what|which) (is|are) (a|an) |^qu est ce qu|\b(defin\w*|meaning|mean by|what does .+ (mean|say)|what do .+ say|refresh\w*|updated|up to date|fresh\w*|reload\w*|documentation|rules?|policy|policies|caveats?|data quality|how (is|are) .+ (counted|calculated|computed|measured|recorded)|how (do|should) (i|we)|why (is|are|do|does)|explain|difference between|glossary|glossaire|signifie|qu est ce qu un|mis a jour|regle\w*)\b/;
const writingPattern =
  /^(please )?((can|could|would) you |help me )?(write|draft|compose|redige\w*|ecri\w*)\b|\b(tell|write) (me )?(a|an) (joke|poem|story|song)\b/;
const offTopicPattern =
  /\b(weather|meteo|joke|blague|poem|poeme|story|song|recipe|football|soccer|movie|film|horoscope|stock|bitcoin|capital of|president|news|write (me )?an? (email|letter|mail|poem|essay)|email to|draft an?|translate (this|the sentence)|sing|who won|play a game)\b/;

/** Removes the vocabulary name and filler around a concept's words: "the SNOMED code for X" → X. */
function conceptWords(text: string): string {
  return text
    .replace(/[?!.]+$/g, '')
    .replace(
      /^(what|which|give me|find|show me|look up|search( for)?|tell me|quel(le)? est)\s+(is|are|s)?\s*/i,
      '',
    )
    .replace(/\b(the|a|an|le|la|les|l')\b\s*/gi, '')
    .replace(/\b(exists?|are there|is there|available|used|in use)\b\s*/gi, ' ')
    .replace(
      /\b(snomed( ct)?|icd-?10(-?cm)?|cim-?10|loinc|rxnorm|atc)\b\s*|\b(standard\s+)?(codes?|concepts?( id)?|concept ids?)\b\s*|\b(for|of|pour|de|du)\b\s*/gi,
      ' ',
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** A code as written in the question, with the vocabulary it names ("ICD10 E11.9", "LOINC 4548-4"). */
function codeReference(question: string, normalized: string) {
  const vocabulary = vocabularies.find(([pattern]) => pattern.test(normalized))?.[1];
  const icd = question.match(/\b([A-Z]\d{2}(?:\.\d{1,4})?)\b/);
  const loinc = question.match(/\b(\d{1,7}-\d)\b/);
  const number = question.match(/\b(\d{5,18})\b/);
  // A letter and two digits is an ICD-10 code whatever vocabulary the question maps it to.
  if (icd?.[1]) return { system: 'ICD10CM', code: icd[1] };
  if (loinc?.[1]) return { system: 'LOINC', code: loinc[1] };
  if (number?.[1] && vocabulary && vocabulary !== 'ICD10CM') return { system: vocabulary, code: number[1] };
  return undefined;
}

function classifyConcept(question: string, normalized: string): ConceptRequest | undefined {
  const mentionsConcept =
    /\b(concepts?|codes?|vocabular\w*|snomed|icd ?10\w*|cim ?10|loinc|rxnorm|atc|descendants?|ancestors?|subtypes?|children of|hierarchy|map|mapping|maps to|translate|synonyms?)\b/.test(
      normalized,
    );
  if (!mentionsConcept) return undefined;
  const conceptId = normalized.match(/\bconcept (?:id )?(\d{3,12})\b/)?.[1];
  const wantsDescendants = /\b(descendants?|subtypes?|children of|kinds of|types of|sous types?)\b/.test(
    normalized,
  );
  if (wantsDescendants) {
    if (conceptId) return { tool: 'concept_descendants', input: { conceptId: Number(conceptId), limit: 50 } };
    const text = conceptWords(
      question.replace(/\b(descendants?|subtypes?|children|kinds|types|sous-types?)\b( of)?/gi, ''),
    );
    return text ? { tool: 'search_then_descendants', input: { text } } : undefined;
  }
  const reference = codeReference(question, normalized);
  const target = normalized.match(
    /\b(?:to|into|vers|en) (snomed|icd ?10 ?cm|icd ?10|loinc|rxnorm|atc)\b/,
  )?.[1];
  if (reference && (target || /\b(map|mapping|maps|translate|tradui\w*|convert)\b/.test(normalized))) {
    const targetVocabulary = target ? vocabularies.find(([pattern]) => pattern.test(target))?.[1] : undefined;
    return {
      tool: 'translate_code',
      input: {
        ...reference,
        // A source code's standard concept is where "Maps to" leads; asking for it again is redundant.
        ...(targetVocabulary && targetVocabulary !== 'SNOMED' && targetVocabulary !== reference.system
          ? { targetVocabulary }
          : {}),
      },
    };
  }
  if (conceptId) return { tool: 'get_concept', input: { conceptId: Number(conceptId) } };
  if (reference) return { tool: 'get_concept', input: reference };
  const text = conceptWords(question);
  if (!text) return undefined;
  const vocabulary = vocabularies.find(([pattern]) => pattern.test(normalized))?.[1];
  return {
    tool: 'search_concepts',
    input: { text, ...(vocabulary ? { vocabularies: [vocabulary] } : {}), limit: 5 },
  };
}

/**
 * Classifies a question: greeting or help, a request to change data (refused), patient contact
 * details (refused), access, tables, metrics list, a vocabulary lookup, a documentation question,
 * or a data question (whose metrics linking finds; `offTopic` marks weather, jokes, emails …).
 */
export function classifyIntent(question: string): Intent {
  const normalized = normalizeText(question);
  const words = normalized.split(' ').filter(Boolean);
  if (words.length === 0) return { kind: 'help' };
  if (/^\s*(select|with)\b[\s\S]*\bfrom\b/i.test(question)) return { kind: 'sql', sql: question.trim() };
  if (modificationPattern.test(normalized)) return { kind: 'data_modification' };
  if (writingPattern.test(normalized)) return { kind: 'out_of_scope' };
  if (helpPattern.test(normalized)) return { kind: 'help' };
  if (words.every((word) => greetingWords.has(word))) return { kind: 'greeting' };
  if (identifierPattern.test(normalized) && !countCue.test(normalized))
    return { kind: 'patient_identifiers' };
  if (accessPattern.test(normalized)) return { kind: 'access' };
  const described = question.match(describePattern)?.[1];
  if (described && !/^(the|a|an|table)$/i.test(described))
    return { kind: 'describe_table', table: described.toLowerCase() };
  if (listTablesPattern.test(normalized)) {
    const schema = normalized.match(/\b(scheduling|cdm|vocab)\b/)?.[1] as
      | 'scheduling'
      | 'cdm'
      | 'vocab'
      | undefined;
    return { kind: 'list_tables', ...(schema ? { schema } : {}) };
  }
  if (listMetricsPattern.test(normalized)) return { kind: 'list_metrics' };
  if (!countCue.test(normalized)) {
    const request = classifyConcept(question, normalized);
    if (request) return { kind: 'concept', request };
  }
  if (documentPattern.test(normalized) && !strongCountCue.test(normalized))
    return { kind: 'document', query: question.trim() };
  return { kind: 'data', offTopic: offTopicPattern.test(normalized) };
}
