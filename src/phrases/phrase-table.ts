// The build's tables of precompiled phrases (dist/builtin-phrases/<table>.tsv), as text
// with one phrase a line:
//   key TAB flags TAB boundaries TAB literals TAB also TAB regex source
// boundaries is "" or two digits (before, after); literals and also are "" or their texts
// joined by U+001F. A reply asks for a few hundred of a table's phrases and compiles
// fewer: reading the file, indexing its lines by key and cutting a line into fields
// when asked costs a third of JSON.parse, which copies and unescapes every regex source
// (all backslashes) and key up front (bench/run.mjs, cold start).
import type { CompiledPhrase } from './phrase.js';

const SEPARATOR = '\u001f';
// Characters that would break a line or a field: the build refuses phrases holding them.
const unsafe = (text: string) => text.includes('\t') || text.includes('\n') || text.includes(SEPARATOR);

/** A table's text: its phrases, a line each, sorted by key so that builds compare. */
export function formatPhraseTable(phrases: Record<string, CompiledPhrase>): string {
  const lines = Object.keys(phrases)
    .sort()
    .map((key) => {
      const { source, flags, boundaries, literals, also } = phrases[key];
      const fields = [
        key,
        flags,
        boundaries ? `${+boundaries.before}${+boundaries.after}` : '',
        literals ? literals.join(SEPARATOR) : '',
        also ? also.join(SEPARATOR) : '',
        source,
      ];
      const texts = [key, flags, source, ...(literals ?? []), ...(also ?? [])];
      if (texts.some(unsafe) || literals?.length === 0 || also?.length === 0)
        throw new Error(`phrase ${JSON.stringify(key)} cannot be stored in a phrase table (a tab, line break or U+001F, or an empty list)`);
      return fields.join('\t');
    });
  return `${lines.join('\n')}\n`;
}

/** A table read from its text: its phrases found by key, each cut into fields on first request. */
export class PhraseTable {
  private readonly at = new Map<string, number>();

  constructor(private readonly text: string) {
    for (let start = 0; start < text.length; ) {
      const end = text.indexOf('\n', start);
      this.at.set(text.slice(start, text.indexOf('\t', start)), start);
      start = end < 0 ? text.length : end + 1;
    }
  }

  get size(): number {
    return this.at.size;
  }

  get(key: string): CompiledPhrase | undefined {
    const start = this.at.get(key);
    if (start === undefined) return undefined;
    const { text } = this;
    const fields: number[] = [];
    for (let i = text.indexOf('\t', start); fields.length < 5; i = text.indexOf('\t', i + 1)) fields.push(i + 1);
    const end = text.indexOf('\n', fields[4]);
    const field = (n: number) => text.slice(fields[n], fields[n + 1] - 1);
    const phrase: CompiledPhrase = { source: text.slice(fields[4], end < 0 ? text.length : end), flags: field(0) };
    if (fields[2] - fields[1] > 1) phrase.boundaries = { before: text[fields[1]] === '1', after: text[fields[1] + 1] === '1' };
    if (fields[3] - fields[2] > 1) phrase.literals = field(2).split(SEPARATOR);
    if (fields[4] - fields[3] > 1) phrase.also = field(3).split(SEPARATOR);
    return phrase;
  }

  keys(): IterableIterator<string> {
    return this.at.keys();
  }
}
