/** A piece of a document small enough to embed, with where it sits in the document. */
export interface DocumentChunk {
  ordinal: number;
  /** The headings above the chunk, outermost first (`['Definitions', 'No-show']`). */
  headingPath: string[];
  content: string;
}

/**
 * Splits markdown by headings, then each section by paragraphs into chunks of at most
 * `maxCharacters` (a paragraph longer than that is cut at sentence ends, then hard). Consecutive
 * chunks of a section share `overlapCharacters` of text, so a sentence cut at a boundary is found
 * from either side. Fenced code blocks stay whole and never start a heading.
 */
export function chunkMarkdown(
  markdown: string,
  {
    maxCharacters = 1_200,
    overlapCharacters = 150,
  }: { maxCharacters?: number; overlapCharacters?: number } = {},
): DocumentChunk[] {
  const sections: { headingPath: string[]; lines: string[] }[] = [];
  const path: string[] = [];
  let current = { headingPath: [] as string[], lines: [] as string[] };
  let inFence = false;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      sections.push(current);
      const level = heading[1]?.length ?? 1;
      path.splice(level - 1, path.length, heading[2] ?? '');
      current = { headingPath: [...path], lines: [] };
      continue;
    }
    current.lines.push(line);
  }
  sections.push(current);

  const chunks: DocumentChunk[] = [];
  for (const section of sections) {
    const paragraphs = section.lines
      .join('\n')
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter(Boolean)
      .flatMap((paragraph) => splitLong(paragraph, maxCharacters));
    let buffer = '';
    const flush = () => {
      if (!buffer.trim()) return;
      chunks.push({ ordinal: chunks.length, headingPath: section.headingPath, content: buffer.trim() });
      buffer =
        buffer.length > overlapCharacters ? buffer.slice(-overlapCharacters).replace(/^\S*\s/, '') : '';
    };
    let fresh = true;
    for (const paragraph of paragraphs) {
      if (buffer && buffer.length + paragraph.length + 2 > maxCharacters) {
        flush();
        fresh = false;
      }
      buffer = buffer ? `${buffer}\n\n${paragraph}` : paragraph;
    }
    if (buffer.trim() && (fresh || buffer.length > overlapCharacters)) flush();
  }
  return chunks;
}

/** A paragraph cut into pieces of at most `max` characters, at sentence ends where possible. */
function splitLong(paragraph: string, max: number): string[] {
  if (paragraph.length <= max) return [paragraph];
  const pieces: string[] = [];
  let rest = paragraph;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const sentenceEnd = Math.max(
      window.lastIndexOf('. '),
      window.lastIndexOf('? '),
      window.lastIndexOf('! '),
    );
    const cut =
      sentenceEnd > max / 2
        ? sentenceEnd + 1
        : window.lastIndexOf(' ') > max / 2
          ? window.lastIndexOf(' ')
          : max;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
