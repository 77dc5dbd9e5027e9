import { describe, expect, it } from 'vitest';
import { embedLocally, fitLocalEmbedder } from './local-embedder.js';

const corpus = [
  'No-show: an appointment the patient did not attend without cancelling it beforehand.',
  'Cancellation: an appointment cancelled by the patient or the practice before it started.',
  'Teleconsultations are video appointments; they follow the same booking rules as visits in person.',
  'Le taux de lapins est la part des rendez-vous non honorés.',
  'Measurements come from laboratory results coded in LOINC with UCUM units.',
];
const cosine = (left: number[], right: number[]) =>
  left.reduce((sum, value, index) => sum + value * (right[index] ?? 0), 0);

describe('the built-in embedder', () => {
  const state = fitLocalEmbedder(corpus, 256);

  it('gives unit vectors of the fitted dimension, the same for the same text', () => {
    const vector = embedLocally(corpus[0] ?? '', state);
    expect(vector).toHaveLength(256);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 10);
    expect(embedLocally(corpus[0] ?? '', state)).toEqual(vector);
  });

  it('ranks the relevant document first for paraphrases, typos and accents', () => {
    const best = (query: string) => {
      const vector = embedLocally(query, state);
      const scores = corpus.map((text) => cosine(vector, embedLocally(text, state)));
      return scores.indexOf(Math.max(...scores));
    };
    expect(best('what counts as a no show')).toBe(0);
    expect(best('cancelled appointments definition')).toBe(1);
    expect(best('teleconsultaton video visits')).toBe(2);
    expect(best('rendez vous non honores')).toBe(3);
    expect(best('laboratory LOINC units')).toBe(4);
  });

  it('gives a zero vector to a text with no features rather than dividing by zero', () => {
    expect(embedLocally('the of and', state).every((value) => value === 0)).toBe(true);
  });
});
