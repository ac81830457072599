// Which entries of a phrase list may match a text, decided for the whole list in one loop
// over typed arrays. A reply meets some 260 entries of which a tenth can match; a call per
// entry to rule each out cost more than the regexes that then ran (bench/run.mjs).
import { literalPairs, pairsIn, type PairTable } from './literal-pairs.js';
import type { PhraseEntry } from './phrase-list.js';

class EntryFilter {
  /** Per entry: matched on the original text (else the folded). */
  private readonly exact: Uint8Array;
  /** Entry i's literals are [firstLiteral[i], firstLiteral[i + 1]); none: it may always match. */
  private readonly firstLiteral: Int32Array;
  /** Literal j's pair keys are keys[firstKey[j], firstKey[j + 1]). */
  private readonly firstKey: Int32Array;
  private readonly keys: Int32Array;
  private readonly anyExact: boolean;

  constructor(private readonly entries: readonly PhraseEntry[]) {
    this.exact = new Uint8Array(entries.length);
    this.firstLiteral = new Int32Array(entries.length + 1);
    const literalKeys: Int32Array[] = [];
    entries.forEach((entry, i) => {
      const { phrase } = entry;
      this.exact[i] = entry.exact ? 1 : 0;
      // A construction's entry phrase is its first part: every match holds it.
      const pairs = phrase.literals ? (phrase.pairs ??= phrase.literals.map(literalPairs)) : [];
      literalKeys.push(...pairs);
      this.firstLiteral[i + 1] = literalKeys.length;
    });
    this.firstKey = new Int32Array(literalKeys.length + 1);
    literalKeys.forEach((k, j) => (this.firstKey[j + 1] = this.firstKey[j] + k.length));
    this.keys = new Int32Array(this.firstKey[literalKeys.length]);
    literalKeys.forEach((k, j) => this.keys.set(k, this.firstKey[j]));
    this.anyExact = this.exact.includes(1);
  }

  candidates(text: string, folded: string): PhraseEntry[] {
    const onFolded = pairsIn(folded);
    const onText = this.anyExact ? pairsIn(text) : onFolded;
    const { exact, firstLiteral, firstKey, keys, entries } = this;
    const out: PhraseEntry[] = [];
    for (let i = 0; i < entries.length; i++) {
      const lo = firstLiteral[i];
      const hi = firstLiteral[i + 1];
      if (lo === hi || anyLiteral(exact[i] ? onText : onFolded, firstKey, keys, lo, hi)) out.push(entries[i]);
    }
    return out;
  }
}

/** Whether one of literals [lo, hi) has all its pairs in the table's text. */
function anyLiteral(table: PairTable, firstKey: Int32Array, keys: Int32Array, lo: number, hi: number): boolean {
  const { seen, stamp } = table;
  for (let j = lo; j < hi; j++) {
    let k = firstKey[j];
    const end = firstKey[j + 1];
    while (k < end && seen[keys[k]] === stamp) k++;
    if (k === end) return true;
  }
  return false;
}

const filters = new WeakMap<readonly PhraseEntry[], EntryFilter>();

/**
 * The entries (in order) that may match somewhere in the text: the others hold none of
 * their literals. `text` is the original, `folded` its folded copy. A list's filter is
 * made on first use and kept while the list is.
 */
export function candidateEntries(entries: readonly PhraseEntry[], text: string, folded: string): readonly PhraseEntry[] {
  let filter = filters.get(entries);
  if (!filter) filters.set(entries, (filter = new EntryFilter(entries)));
  return filter.candidates(text, folded);
}
