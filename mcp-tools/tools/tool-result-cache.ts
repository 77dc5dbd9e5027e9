import { createHash } from 'node:crypto';
import type { Principal } from '../governance/index.js';
import type { ToolResult } from './tool-result.js';

/**
 * Successful tool results kept for a while, so a follow-up that repeats a query (or two people's
 * identical dashboards) does not run it again. The key holds everything that could change the
 * answer: the principal with their role and attributes (their policy scope), the policy version,
 * the tool, its validated input and the data version. Results are never shared across principals,
 * even two with the same role: a row filter may read attributes a later policy adds.
 */
export interface ToolResultCache {
  get(key: string): ToolResult | undefined;
  set(key: string, result: ToolResult): void;
  /** Hits and misses since creation, for the cache hit rate. */
  readonly statistics: { hits: number; misses: number; entries: number };
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` give one key. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** The cache key of one call. */
export function toolCacheKey({
  principal,
  policyVersion,
  tool,
  input,
  dataVersion,
}: {
  principal: Principal;
  policyVersion: string;
  tool: string;
  input: unknown;
  dataVersion: string;
}): string {
  return createHash('sha256')
    .update(canonicalJson({ principal, policyVersion, tool, input, dataVersion }))
    .digest('hex');
}

/** An in-process LRU cache with a time to live; each replica keeps its own (it is only a shortcut). */
export function createToolResultCache({
  timeToLiveMs,
  maximumEntries,
  maximumBytes = 64 * 1024 * 1024,
  now = Date.now,
}: {
  timeToLiveMs: number;
  maximumEntries: number;
  /** Total size of the kept results (their JSON text, counted as bytes); one larger than an eighth is not kept. */
  maximumBytes?: number;
  now?: () => number;
}): ToolResultCache {
  const entries = new Map<string, { result: ToolResult; expiresAt: number; bytes: number }>();
  const statistics = { hits: 0, misses: 0, entries: 0 };
  let totalBytes = 0;
  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    totalBytes -= entry.bytes;
  };
  return {
    statistics,
    get(key) {
      const entry = entries.get(key);
      if (!entry || entry.expiresAt <= now()) {
        if (entry) remove(key);
        statistics.misses += 1;
        statistics.entries = entries.size;
        return undefined;
      }
      // Re-inserting moves the entry to the end: the Map's order is the recency order.
      entries.delete(key);
      entries.set(key, entry);
      statistics.hits += 1;
      return entry.result;
    },
    set(key, result) {
      if (result.isError || timeToLiveMs <= 0 || maximumEntries <= 0) return;
      const bytes = 2 * (result.text.length + (JSON.stringify(result.structuredContent)?.length ?? 0));
      if (bytes > maximumBytes / 8) return;
      remove(key);
      entries.set(key, { result, expiresAt: now() + timeToLiveMs, bytes });
      totalBytes += bytes;
      while (entries.size > maximumEntries || totalBytes > maximumBytes) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        remove(oldest);
      }
      statistics.entries = entries.size;
    },
  };
}
