// Sentences with offsets. A line break ends a sentence (e-mails put greeting, body and
// sign-off on lines of their own); inside a line, . ! ? … end one when an upper-case
// letter follows and the word before is not an abbreviation (např., č., Mr., e.g.).
import { isUpper } from '../text/fold.js';

export interface Sentence {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'např',
  'napr',
  'tj',
  'tzn',
  'tzv',
  'č',
  'čís',
  'atď',
  'atd',
  'apod',
  'resp',
  'popr',
  'ing',
  'mgr',
  'bc',
  'judr',
  'mudr',
  'doc',
  'prof',
  'str',
  'tel',
  'ul',
  'nám',
  'cca',
  'sv',
  'ks',
  'pí',
  'p',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'no',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'approx',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
]);

// Candidate ends; the character captured after them must be upper case (checked with
// isUpper: a \p{Lu} class costs ~0.7 ms to compile at every start). Tried where a run of
// stops begins only: from each "!" of "!!!!…" it read the rest of the run again.
const END = /(?<![.!?…])[.!?…]+["'”’)]*(?=\s+["'„“(]?(\S))/g;

const isLetter = (ch: string) => ch.toLowerCase() !== ch.toUpperCase();

/** The word (letters and dots) just before `end`. */
function wordBefore(line: string, from: number, end: number): string {
  let i = end;
  while (i > from && (isLetter(line[i - 1]) || line[i - 1] === '.')) i--;
  return line.slice(i, end);
}

export function splitSentences(text: string, from: number, to: number): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) sentences.push({ start, end });
  };
  let lineStart = from;
  while (lineStart < to) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    const line = text.slice(lineStart, lineEnd);
    let sentenceStart = 0;
    END.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = END.exec(line)) !== null) {
      if (!isUpper(m[1])) continue;
      const before = wordBefore(line, sentenceStart, m.index);
      const word = before.toLowerCase();
      const isInitial = before.length === 1 && isUpper(before);
      if (m[0].startsWith('.') && (ABBREVIATIONS.has(word) || isInitial)) continue;
      push(lineStart + sentenceStart, lineStart + m.index + m[0].length);
      sentenceStart = m.index + m[0].length;
    }
    push(lineStart + sentenceStart, lineEnd);
    lineStart = lineEnd + 1;
  }
  return sentences;
}
