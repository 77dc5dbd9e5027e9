import type { TextRange } from './find-number-mentions.js';

/**
 * The answer as the checker reads it. Quoted material (fenced code, code spans, link targets, URLs,
 * footnote markers, list and heading numbers) is replaced by spaces of the same length, so an
 * offset into `text` is an offset into the answer and nothing quoted is read as a claim.
 */
export interface AnswerProse {
  /** The answer with quoted material blanked. */
  text: string;
  /**
   * As `text`, but code spans keep their contents (only the backticks are blanked), for concept
   * ids written as code.
   */
  textWithCodeSpans: string;
  /** Inline code spans, trimmed, each with the offset of its opening backtick. */
  codeSpans: { content: string; start: number }[];
  /** Cells of markdown tables whose column header names a percentage ("Rate (%)"). */
  percentCells: TextRange[];
}

const blank = (text: string) => text.replace(/[^\n]/g, ' ');

/**
 * Blanks fenced code blocks (``` or ~~~), closing fence included; an unclosed fence runs to the
 * end, as in CommonMark.
 */
function blankFencedCode(answer: string): string {
  let fence: RegExp | undefined;
  return answer
    .split('\n')
    .map((line) => {
      if (fence) {
        if (fence.test(line)) fence = undefined;
        return blank(line);
      }
      const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (opening === undefined) return line;
      const marker = opening[0] === '`' ? '`' : '~';
      fence = new RegExp(`^ {0,3}${marker}{${opening.length},}\\s*$`);
      return blank(line);
    })
    .join('\n');
}

const quotedPatterns: { pattern: RegExp; keep?: (match: string) => string }[] = [
  { pattern: /<!--[\s\S]*?-->/g },
  { pattern: /<sup>[\s\S]*?<\/sup>/gi },
  // Link and image targets: the visible text stays, the URL goes.
  { pattern: /\]\([^)\n]*\)/g, keep: (match) => `]${blank(match.slice(1))}` },
  { pattern: /<(?:https?|mailto):[^>\s]*>/gi },
  { pattern: /\b(?:https?|ftp):\/\/[^\s<>()]+/gi },
  // Reference-style link definitions: `[1]: https://…`
  { pattern: /^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S.*$/gm },
  // Footnote and citation markers: [^1], [1], ^1
  { pattern: /\[\^[^\]\n]*\]/g },
  { pattern: /\[\d+\](?!\()/g },
  { pattern: /\^\d+/g },
  // Ordered-list markers, also inside block quotes, and numbered headings ("## 2. Results").
  {
    pattern: /^([ \t]*(?:>[ \t]*)*)\d{1,9}[.)](?=[ \t]|$)/gm,
    keep: (match) => match.replace(/\d+[.)]$/, blank),
  },
  {
    pattern: /^([ \t]{0,3}#{1,6}[ \t]+)\d+(?:\.\d+)*\.?(?=[ \t])/gm,
    keep: (match) => match.replace(/\d+(?:\.\d+)*\.?$/, blank),
  },
];

function blankQuoted(text: string): string {
  let result = text;
  for (const { pattern, keep } of quotedPatterns) result = result.replace(pattern, keep ?? blank);
  return result;
}

function splitCells(line: string, offset: number): { text: string; start: number; end: number }[] {
  const cells: { text: string; start: number; end: number }[] = [];
  let cellStart = 0;
  for (let index = 0; index <= line.length; index++) {
    if (index < line.length && (line[index] !== '|' || line[index - 1] === '\\')) continue;
    cells.push({ text: line.slice(cellStart, index), start: offset + cellStart, end: offset + index });
    cellStart = index + 1;
  }
  // A leading and a trailing pipe open and close the row rather than separate cells.
  if (line.trimStart().startsWith('|')) cells.shift();
  if (line.trimEnd().endsWith('|')) cells.pop();
  return cells;
}

const delimiterRow = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const percentHeader = /%|percent|pourcentage|\bpct\b/i;

/** The cells of table columns headed as percentages, where "12.3" means 12.3 %. */
function findPercentCells(text: string): TextRange[] {
  const lines = text.split('\n');
  const offsets: number[] = [];
  let offset = 0;
  for (const line of lines) {
    offsets.push(offset);
    offset += line.length + 1;
  }
  const cells: TextRange[] = [];
  for (let index = 0; index + 1 < lines.length; index++) {
    const header = lines[index] ?? '';
    const delimiter = lines[index + 1] ?? '';
    if (!header.includes('|') || !delimiter.includes('|') || !delimiterRow.test(delimiter)) continue;
    const percentColumns = splitCells(header, 0)
      .map((cell, column) => (percentHeader.test(cell.text) ? column : -1))
      .filter((column) => column >= 0);
    let row = index + 2;
    for (; row < lines.length && (lines[row] ?? '').includes('|'); row++) {
      if (percentColumns.length === 0) continue;
      const rowCells = splitCells(lines[row] ?? '', offsets[row] ?? 0);
      for (const column of percentColumns) {
        const cell = rowCells[column];
        if (cell) cells.push({ start: cell.start, end: cell.end });
      }
    }
    index = row - 1;
  }
  return cells;
}

/** Reads a markdown answer into prose to check: see `AnswerProse`. */
export function readAnswerProse(answer: string): AnswerProse {
  const unfenced = blankFencedCode(answer);
  const codeSpans: AnswerProse['codeSpans'] = [];
  let text = '';
  let textWithCodeSpans = '';
  let copied = 0;
  const codeSpan = /(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;
  for (let match = codeSpan.exec(unfenced); match !== null; match = codeSpan.exec(unfenced)) {
    const ticks = match[1] ?? '`';
    const content = match[2] ?? '';
    const before = unfenced.slice(copied, match.index);
    text += before + blank(match[0]);
    textWithCodeSpans += before + blank(ticks) + content + blank(ticks);
    codeSpans.push({ content: content.trim(), start: match.index });
    copied = match.index + match[0].length;
  }
  text += unfenced.slice(copied);
  textWithCodeSpans += unfenced.slice(copied);
  const prose = blankQuoted(text);
  return {
    text: prose,
    textWithCodeSpans: blankQuoted(textWithCodeSpans),
    codeSpans,
    percentCells: findPercentCells(prose),
  };
}
