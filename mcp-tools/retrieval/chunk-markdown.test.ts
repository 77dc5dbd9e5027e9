import { describe, expect, it } from 'vitest';
import { chunkMarkdown } from './chunk-markdown.js';

describe('chunkMarkdown', () => {
  it('follows the heading path and keeps code fences whole', () => {
    const chunks = chunkMarkdown(
      [
        '# Definitions',
        'Intro text.',
        '## No-show',
        'Not attended.',
        '```',
        '# not a heading',
        '```',
        '## Cancellation',
        'Cancelled before.',
      ].join('\n'),
    );
    expect(chunks.map((chunk) => chunk.headingPath)).toEqual([
      ['Definitions'],
      ['Definitions', 'No-show'],
      ['Definitions', 'Cancellation'],
    ]);
    expect(chunks[1]?.content).toContain('# not a heading');
    expect(chunks.map((chunk) => chunk.ordinal)).toEqual([0, 1, 2]);
  });

  it('splits a long section into bounded chunks that overlap', () => {
    const sentences = Array.from(
      { length: 60 },
      (_, index) => `Sentence number ${index} explains one rule of the booking system.`,
    );
    const chunks = chunkMarkdown(
      `# Rules\n\n${sentences.slice(0, 30).join(' ')}\n\n${sentences.slice(30).join(' ')}`,
      {
        maxCharacters: 400,
        overlapCharacters: 80,
      },
    );
    expect(chunks.length).toBeGreaterThan(4);
    expect(chunks.every((chunk) => chunk.content.length <= 400 + 80 + 2)).toBe(true);
    // Each chunk after the first starts with the end of the one before.
    for (let index = 1; index < chunks.length; index++)
      expect(chunks[index - 1]?.content).toContain(chunks[index]?.content.slice(0, 30));
    const all = chunks.map((chunk) => chunk.content).join(' ');
    for (const sentence of sentences) expect(all).toContain(sentence.slice(0, 20));
  });
});
