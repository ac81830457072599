// Where the text extracted from an HTML canned response stands in its source: reports
// (SARIF, GitHub annotations) point at the lines of the file a writer edits, and
// <!-- replylint-disable-next-line --> applies to the source line after it. html-to-text
// gives no map, so each text line is found in the source by its first word, in order,
// outside tags; a line whose word is not found (written with entities) keeps the line
// before it.
import { firstAtLeast } from '../lists.js';
import { LineIndex } from '../text/lines.js';

/** A word of two or more letters or digits. */
// Made on first use (a \p{…} class costs a third of a millisecond to construct).
let wordRegex: RegExp | undefined;
const firstWord = (text: string) => (wordRegex ??= /[\p{L}\p{N}]{2,}/u).exec(text);
/** Places a word is looked for inside tags before the line is given up (bounds the work on hostile markup). */
const MAX_TRIES = 64;

export interface HtmlLines {
  /** The source line (1-based) of each text line (index 0 = text line 1). */
  lines: number[];
  /** The source, to place a column in a line. */
  source: string;
  sourceLines: LineIndex;
}

/** Where each `ch` of `text` stands, in order. */
function placesOf(text: string, ch: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) out.push(i);
  return out;
}

/** The last of the sorted `places` before `at`, or -1. */
function lastBefore(places: readonly number[], at: number): number {
  const i = firstAtLeast(places, at, (place) => place);
  return i > 0 ? places[i - 1] : -1;
}

/**
 * Whether an offset of the source lies inside a tag: the last "<" before it is not closed.
 * Looked up in the places of "<" and ">", found once: searching back from each line's
 * word read a long <pre> block once per line (100,000 lines: over a minute).
 */
function tagTest(html: string): (at: number) => boolean {
  const opens = placesOf(html, '<');
  const closes = placesOf(html, '>');
  return (at) => lastBefore(opens, at) > lastBefore(closes, at);
}

export function htmlLines(html: string, text: string): HtmlLines {
  const sourceLines = new LineIndex(html);
  const insideTag = tagTest(html);
  const lines: number[] = [];
  let cursor = 0;
  let last = 1;
  for (const line of text.split('\n')) {
    const word = firstWord(line)?.[0];
    if (word) {
      let at = html.indexOf(word, cursor);
      for (let tries = 0; at >= 0 && insideTag(at) && tries < MAX_TRIES; tries++) at = html.indexOf(word, at + 1);
      if (at >= 0 && !insideTag(at)) {
        last = sourceLines.position(at).line;
        cursor = at + word.length;
      }
    }
    lines.push(last);
  }
  return { lines, source: html, sourceLines };
}

/** The column (1-based) in source line `line` where the text from `fromText` (a text line's rest) begins, or 1. */
export function sourceColumn(map: HtmlLines, line: number, fromText: string): number {
  const word = firstWord(fromText);
  if (!word) return 1;
  const { start, end } = map.sourceLines.line(line);
  const at = map.source.slice(start, end).indexOf(word[0]);
  return at >= 0 ? at + 1 : 1;
}
