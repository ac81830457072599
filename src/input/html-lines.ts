// Where the text extracted from an HTML canned response stands in its source: reports
// (SARIF, GitHub annotations) point at the lines of the file a writer edits, and
// <!-- replylint-disable-next-line --> applies to the source line after it. html-to-text
// gives no map, so each text line is found in the source by its first word, in order,
// outside tags; a line whose word is not found (written with entities) keeps the line
// before it.

/** A word of two or more letters or digits. */
const WORD = /[\p{L}\p{N}]{2,}/u;
/** Places a word is looked for inside tags before the line is given up (bounds the work on hostile markup). */
const MAX_TRIES = 64;

export interface HtmlLines {
  /** The source line (1-based) of each text line (index 0 = text line 1). */
  lines: number[];
  /** The source, to place a column in a line. */
  source: string;
  /** Offsets where each source line starts. */
  starts: number[];
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line of offset `at`. */
function lineAt(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether offset `at` of `html` lies inside a tag: the last "<" before it is not closed. */
function insideTag(html: string, at: number): boolean {
  return html.lastIndexOf('<', at) > html.lastIndexOf('>', at);
}

export function htmlLines(html: string, text: string): HtmlLines {
  const starts = lineStarts(html);
  const lines: number[] = [];
  let cursor = 0;
  let last = 1;
  for (const line of text.split('\n')) {
    const word = WORD.exec(line)?.[0];
    if (word) {
      let at = html.indexOf(word, cursor);
      for (let tries = 0; at >= 0 && insideTag(html, at) && tries < MAX_TRIES; tries++) at = html.indexOf(word, at + 1);
      if (at >= 0 && !insideTag(html, at)) {
        last = lineAt(starts, at);
        cursor = at + word.length;
      }
    }
    lines.push(last);
  }
  return { lines, source: html, starts };
}

/** The column (1-based) in source line `line` where the text from `fromText` (a text line's rest) begins, or 1. */
export function sourceColumn(map: HtmlLines, line: number, fromText: string): number {
  const word = WORD.exec(fromText);
  if (!word) return 1;
  const start = map.starts[line - 1] ?? 0;
  const end = map.starts[line] ?? map.source.length;
  const at = map.source.slice(start, end).indexOf(word[0]);
  return at >= 0 ? at + 1 : 1;
}
