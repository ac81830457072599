// Helpers the rule kinds share: reading phrase lists and sentences off a document.
import { inLiteral, type Document, type Zone } from '../../document/document.js';
import type { Sentence } from '../../document/sentences.js';
import type { Language } from '../../types.js';
import { entriesFor, matchEntry, type EntryMatch, type PhraseEntry, type PhraseLists } from '../phrase-list.js';

// Words that may stand before an imperative at the start of a sentence.
const LEAD_IN = /^(?:[\s,;:!–—-]|@[\w.]+|yes|no|sure|ok|okay|of course|also|then|and|so|first|next|simply|just|please|ano|ne|jo|jasne|urcite|samozrejme|potom|pak|tak|a|taky|take|tiez|prosim|stacilo|hotovo|done|aj|dobre|super|vyborne|skvele|great|perfect|thanks|thank you|diky|dakujem|dekuji)*$/u;

const CONDITION = /(?:^|[\s,])(?:if|when|once|pokud|kdyby|kdyz|jakmile|jestli|ak|ked|akonahle|ked)\s[^,]*,\s*$/u;

/** The sentence holding an offset (sentences are in order: a binary search). */
export function sentenceAt(doc: Document, offset: number): Sentence | undefined {
  const { sentences } = doc;
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** A match that opens its sentence or clause, allowing a lead-in such as "Yes, " or "Just ". */
export function opensSentence(doc: Document, match: EntryMatch): boolean {
  const sentence = sentenceAt(doc, match.start);
  if (!sentence) return false;
  const before = doc.folded.slice(sentence.start, match.start);
  // A clause after a colon or a dash starts afresh: "Returns are easy: fill in the form".
  let clause = before.slice(Math.max(before.lastIndexOf(':'), before.lastIndexOf(';'), before.lastIndexOf('–'), before.lastIndexOf(' - ')) + 1);
  // So does the main clause after a condition: "if you need that, search for …".
  if (CONDITION.test(clause)) clause = clause.slice(clause.lastIndexOf(',') + 1);
  return LEAD_IN.test(clause);
}



/** Matches of the language's entries in a zone, honouring each entry's `start` flag. */
export function findMatches(doc: Document, lists: PhraseLists | undefined, language: Language, zone: Zone): EntryMatch[] {
  return findEntryMatches(doc, entriesFor(lists, language), zone);
}

const byStart = (a: EntryMatch, b: EntryMatch) => a.start - b.start;

export function findEntryMatches(doc: Document, entries: readonly PhraseEntry[], zone: Zone): EntryMatch[] {
  const out: EntryMatch[] = [];
  for (const entry of entries) {
    const first = out.length;
    matchEntry(entry, doc.text, doc.folded, zone.start, zone.end, out);
    // Keep, in place, what is a word: template syntax ({{ticket.id}}) and links are not.
    let kept = first;
    for (let i = first; i < out.length; i++) {
      const m = out[i];
      if ((!entry.start || opensSentence(doc, m)) && !inLiteral(doc, m.start, m.end)) out[kept++] = m;
    }
    out.length = kept;
  }
  return out.length > 1 ? out.sort(byStart) : out;
}

export function hasMatch(doc: Document, lists: PhraseLists | undefined, language: Language, zone: Zone): boolean {
  return findMatches(doc, lists, language, zone).length > 0;
}

/** Matches in free text that is not the reply (the customer's messages). */
export function textMatches(text: string, folded: string, entries: readonly PhraseEntry[]): boolean {
  return entries.some((entry) => matchEntry(entry, text, folded, 0, text.length).length > 0);
}
