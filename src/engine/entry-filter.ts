// Which entries of a phrase list may match a text, decided for the whole list in one loop
// over typed arrays. A reply meets some 260 entries of which a tenth can match; a call per
// entry to rule each out cost more than the regexes that then ran (bench/run.mjs).
import { literalPairs, pairsIn } from '../phrases/literal-pairs.js';
import type { PhraseEntry } from './phrase-list.js';

class EntryFilter {
  /** Per entry: matched on the original text (else the folded). */
  private readonly exact: Uint8Array;
  /**
   * Entry i's sets of texts are [firstSet[i], firstSet[i + 1]): its phrase's literals and
   * their `also` (a match holds one of each). None: it may always match.
   */
  private readonly firstSet: Int32Array;
  /** Set s's texts are [firstLiteral[s], firstLiteral[s + 1]). */
  private readonly firstLiteral: Int32Array;
  /** Text j's pair keys are keys[firstKey[j], firstKey[j + 1]). */
  private readonly firstKey: Int32Array;
  private readonly keys: Int32Array;
  private readonly anyExact: boolean;

  constructor(private readonly entries: readonly PhraseEntry[]) {
    this.exact = new Uint8Array(entries.length);
    this.firstSet = new Int32Array(entries.length + 1);
    const sets: (readonly Int32Array[])[] = [];
    entries.forEach((entry, i) => {
      const { phrase } = entry;
      this.exact[i] = entry.exact ? 1 : 0;
      // A construction's entry phrase is its first part: every match holds it.
      if (phrase.literals) sets.push((phrase.pairs ??= phrase.literals.map(literalPairs)));
      if (phrase.literals && phrase.also) sets.push((phrase.alsoPairs ??= phrase.also.map(literalPairs)));
      this.firstSet[i + 1] = sets.length;
    });
    const literals = sets.flat();
    this.firstLiteral = new Int32Array(sets.length + 1);
    for (let s = 0; s < sets.length; s++) this.firstLiteral[s + 1] = this.firstLiteral[s] + sets[s].length;
    this.firstKey = new Int32Array(literals.length + 1);
    for (let j = 0; j < literals.length; j++) this.firstKey[j + 1] = this.firstKey[j] + literals[j].length;
    this.keys = new Int32Array(this.firstKey[literals.length]);
    for (let j = 0; j < literals.length; j++) this.keys.set(literals[j], this.firstKey[j]);
    this.anyExact = this.exact.includes(1);
  }

  candidates(text: string, folded: string): PhraseEntry[] {
    const onFolded = pairsIn(folded);
    const onText = this.anyExact ? pairsIn(text) : onFolded;
    const { exact, firstSet, firstLiteral, firstKey, keys, entries } = this;
    const out: PhraseEntry[] = [];
    for (let i = 0; i < entries.length; i++) {
      const { seen, stamp } = exact[i] ? onText : onFolded;
      // Every set has a text with all its pairs of characters in the text.
      let may = true;
      for (let s = firstSet[i]; s < firstSet[i + 1] && may; s++) {
        may = false;
        for (let j = firstLiteral[s]; j < firstLiteral[s + 1] && !may; j++) {
          let k = firstKey[j];
          const end = firstKey[j + 1];
          while (k < end && seen[keys[k]] === stamp) k++;
          may = k === end;
        }
      }
      if (may) out.push(entries[i]);
    }
    return out;
  }
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
