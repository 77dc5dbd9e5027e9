import { describe, expect, it } from 'vitest';
import { phraseStems, stemWord, tokenizeQuestion } from './tokenize-question.js';

describe('tokenizeQuestion', () => {
  it('removes accents and punctuation, keeps case in `original` and marks English and French stop words', () => {
    const tokens = tokenizeQuestion("Combien d'annulations en Île-de-France ?");
    expect(tokens.map((token) => token.word)).toEqual([
      'combien',
      'd',
      'annulations',
      'en',
      'ile',
      'de',
      'france',
    ]);
    expect(tokens.map((token) => token.original)).toContain('Ile');
    expect(tokens.filter((token) => token.stop).map((token) => token.word)).toEqual([
      'combien',
      'd',
      'en',
      'de',
    ]);
  });

  it('keeps "no" (as in no-show) as a meaningful word', () => {
    expect(phraseStems('How many no-shows?')).toEqual(['no', 'show']);
  });
});

describe('stemWord', () => {
  it('gives one stem to the forms of a word, in English and French', () => {
    expect(new Set(['cancelled', 'cancellations', 'cancel', 'canceled'].map(stemWord))).toEqual(
      new Set(['cancel']),
    );
    expect(stemWord('specialties')).toBe(stemWord('specialty'));
    expect(stemWord('bookings')).toBe(stemWord('booked'));
    expect(stemWord('téléconsultations'.normalize('NFD').replace(/\p{Diacritic}/gu, ''))).toBe(
      stemWord('teleconsultation'),
    );
    expect(stemWord('definition')).toBe(stemWord('defined'));
  });

  it('leaves numbers and short words alone', () => {
    expect(stemWord('2025')).toBe('2025');
    expect(stemWord('rate')).toBe('rate');
    expect(stemWord('status')).toBe('status');
  });
});
