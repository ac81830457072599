// A pretty-printed JSON report (safeJson(document, 2)) written with its one long array an
// item at a time, so that a run's results never sit in memory together. The document
// around the array is serialised as a whole with a marker where the array stands, and cut
// there: what precedes is written first, what follows at the end (it may hold figures
// known only then, such as the summary). Items are indented as JSON.stringify would
// indent them inside the array, so the bytes are those of the whole document serialised
// at once.
import { safeJson } from './escape.js';

/** Stands where the streamed array goes; a NUL never occurs in our own keys or in a path. */
export const STREAMED_ARRAY = '\u0000streamed-array\u0000';
const MARKER_TEXT = JSON.stringify(STREAMED_ARRAY);

/** The document's text before and after the marker, and the indentation of the marker's line. */
function cut(document: unknown): { before: string; after: string; indent: string } {
  const text = safeJson(document, 2);
  // The last marker: the array comes after any text from rule files that could quote one.
  const at = text.lastIndexOf(MARKER_TEXT);
  if (at < 0) throw new Error('the report document has no place for its array');
  const lineStart = text.lastIndexOf('\n', at) + 1;
  return { before: text.slice(0, at), after: text.slice(at + MARKER_TEXT.length), indent: /^ */.exec(text.slice(lineStart))![0] };
}

export class JsonArrayWriter {
  private items = 0;
  private readonly indent: string;

  /** `document` holds STREAMED_ARRAY where the array goes; the text before it is written now. */
  constructor(
    private readonly write: (text: string) => void,
    document: unknown,
  ) {
    const { before, indent } = cut(document);
    this.indent = indent;
    write(`${before}[`);
  }

  add(item: unknown): void {
    const inner = `${this.indent}  `;
    this.write(`${this.items++ ? ',' : ''}\n${inner}${safeJson(item, 2).replace(/\n/g, `\n${inner}`)}`);
  }

  /** The rest of `document` (the same as at the start up to the marker), with a newline. */
  end(document: unknown): void {
    this.write(`${this.items ? `\n${this.indent}` : ''}]${cut(document).after}\n`);
  }
}
