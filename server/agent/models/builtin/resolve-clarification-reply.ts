import { normalizeText } from '../../../../semantic-layer/index.js';
import type { LinkingTables } from './build-linking-tables.js';
import type { QuestionReading } from './read-question.js';

/** When the previous turn asked which metric was meant, the metric this reply picks. */
export function resolveClarificationReply(
  tables: LinkingTables,
  candidates: string[],
  reply: QuestionReading,
): string | undefined {
  const named = reply.metrics.map((match) => match.metric).filter((metric) => candidates.includes(metric));
  if (named.length === 1) return named[0];
  const words = normalizeText(reply.question);
  const inDomain = (domain: string) =>
    candidates.filter((metric) => tables.domainOfMetric.get(metric) === domain);
  if (/\b(omop|cdm|clinical|clinique|persons?)\b/.test(words) && inDomain('omop').length === 1)
    return inDomain('omop')[0];
  if (
    /\b(scheduling|booking|appointments?|rendez vous|seen|mart|planning)\b/.test(words) &&
    inDomain('scheduling').length === 1
  )
    return inDomain('scheduling')[0];
  if (/\b(first|premier|premiere|former)\b|^1$/.test(words)) return candidates[0];
  if (/\b(second|deuxieme|latter)\b|^2$/.test(words)) return candidates[1];
  const stems = new Set(reply.tokens.filter((token) => !token.stop).map((token) => token.stem));
  const overlap = candidates.map((metric) => ({
    metric,
    shared: new Set(
      tables.metricPhrases
        .filter((phrase) => phrase.metric === metric)
        .flatMap((phrase) => phrase.stems.filter((stem) => stems.has(stem))),
    ).size,
  }));
  const best = overlap.sort((left, right) => right.shared - left.shared);
  if (best[0] && best[0].shared > 0 && best[0].shared > (best[1]?.shared ?? 0)) return best[0].metric;
  return undefined;
}
