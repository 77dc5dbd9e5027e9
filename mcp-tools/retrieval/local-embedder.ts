import { textFeatures } from './text-features.js';

/** What the built-in embedder learns from a corpus: how many documents have each hashed feature. */
export interface LocalEmbedderState {
  dimension: number;
  documents: number;
  /** Per bucket, the number of documents with a feature in it. */
  documentFrequencies: number[];
}

/** FNV-1a, 32 bits: a fixed hash, so the same text always gives the same vector. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

/** The bucket of a feature and its sign (signed hashing: collisions cancel rather than add up). */
function bucketOf(feature: string, dimension: number): { bucket: number; sign: 1 | -1 } {
  const value = hash(feature);
  return { bucket: value % dimension, sign: value >>> 31 === 1 ? -1 : 1 };
}

/** Counts, per bucket, the documents of a corpus that have a feature in it. */
export function fitLocalEmbedder(texts: readonly string[], dimension = 384): LocalEmbedderState {
  const documentFrequencies = new Array<number>(dimension).fill(0);
  for (const text of texts) {
    const buckets = new Set(
      [...textFeatures(text).keys()].map((feature) => bucketOf(feature, dimension).bucket),
    );
    for (const bucket of buckets) documentFrequencies[bucket] = (documentFrequencies[bucket] ?? 0) + 1;
  }
  return { dimension, documents: texts.length, documentFrequencies };
}

/**
 * Hale's built-in embedder: no network, deterministic. Hashed word, word-pair and character n-gram
 * features with sublinear TF-IDF weights (1 + log tf, times the smoothed inverse document frequency of
 * the feature's bucket), projected to `dimension` by signed hashing and normalised to unit length, so
 * cosine similarity is a dot product.
 */
export function embedLocally(text: string, state: LocalEmbedderState): number[] {
  const vector = new Array<number>(state.dimension).fill(0);
  for (const [feature, { count, weight }] of textFeatures(text)) {
    const { bucket, sign } = bucketOf(feature, state.dimension);
    const documentFrequency = state.documentFrequencies[bucket] ?? 0;
    const inverse = Math.log((1 + state.documents) / (1 + documentFrequency)) + 1;
    vector[bucket] = (vector[bucket] ?? 0) + sign * (1 + Math.log(count)) * weight * inverse;
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}
