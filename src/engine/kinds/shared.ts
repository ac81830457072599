// Helpers the rule kinds share: reading phrase lists and sentences off a document.
import { inLiteral, type Document, type Zone } from '../../document/document.js';
import { splitSentences, type Sentence } from '../../document/sentences.js';
import type { Language } from '../../types.js';
import { entriesFor, matchEntry, type EntryMatch, type PhraseEntry, type PhraseLists } from '../phrase-list.js';
import { candidateEntries } from '../entry-filter.js';

// Words that may stand before an imperative at the start of a sentence. Each is a whole
// word, and so is a handle (the lookaheads): "ano" is never "a" + "no", so a clause splits into lead-ins one
// way only ("anoano…" of 36 letters took minutes to refuse when it could split).
const LEAD_IN =
  /^(?:[\s,;:!–—-]|@[\w.]+(?![\w.])|(?:yes|no|sure|ok|okay|of course|also|then|and|so|first|next|simply|just|please|ano|ne|jo|jasne|urcite|samozrejme|potom|pak|tak|a|taky|take|tiez|prosim|stacilo|hotovo|done|aj|dobre|super|vyborne|skvele|great|perfect|thanks|thank you|diky|dakujem|dekuji)(?![a-z0-9_]))*$/;

const CONDITION_WORD = /(?:^|\s)(?:if|when|once|pokud|kdyby|kdyz|jakmile|jestli|ak|ked|akonahle)\s/;

/**
 * Whether a clause ends in a condition and its comma: "if you need that, ". Its last
 * comma-free stretch is searched for the word, where a regex from each "if" to the end
 * ([^,]*,\s*$) read the clause quadratically.
 */
function endsWithCondition(clause: string): boolean {
  const body = clause.trimEnd();
  if (!body.endsWith(',')) return false;
  return CONDITION_WORD.test(body.slice(body.lastIndexOf(',', body.length - 2) + 1, -1));
}

/**
 * How far back from a match a sentence's opening is looked for. A lead-in and a condition
 * before it are a few words; looking further made every match cost its whole sentence
 * (quadratic on a long reply without a full stop).
 */
const OPENING_REACH = 300;

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
  const reach = Math.max(sentence.start, match.start - OPENING_REACH);
  const before = doc.folded.slice(reach, match.start);
  // A clause after a colon or a dash starts afresh: "Returns are easy: fill in the form".
  const clauseBreak = Math.max(before.lastIndexOf(':'), before.lastIndexOf(';'), before.lastIndexOf('–'), before.lastIndexOf(' - '));
  // The sentence's start, or a clause break, must be within reach.
  if (clauseBreak < 0 && reach > sentence.start) return false;
  let clause = before.slice(clauseBreak + 1);
  // So does the main clause after a condition: "if you need that, search for …".
  if (endsWithCondition(clause)) clause = clause.slice(clause.lastIndexOf(',') + 1);
  return LEAD_IN.test(clause);
}

/** Matches of the language's entries in a zone, honouring each entry's `start` flag. */
export function findMatches(doc: Document, lists: PhraseLists | undefined, language: Language, zone: Zone): EntryMatch[] {
  return findEntryMatches(doc, entriesFor(lists, language), zone);
}

const byStart = (a: EntryMatch, b: EntryMatch) => a.start - b.start;

export function findEntryMatches(doc: Document, entries: readonly PhraseEntry[], zone: Zone): EntryMatch[] {
  const out: EntryMatch[] = [];
  for (const entry of candidateEntries(entries, doc.text, doc.folded)) {
    const first = out.length;
    matchEntry(entry, doc.text, doc.folded, zone.start, zone.end, out, doc.sentences);
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

/** Matches in free text that is not the reply (the customer's messages). */
export function textMatches(text: string, folded: string, entries: readonly PhraseEntry[]): boolean {
  // Sentences only when a construction asks for them (phrases in one sentence).
  let sentences: Sentence[] | undefined;
  return candidateEntries(entries, text, folded).some(
    (entry) =>
      matchEntry(entry, text, folded, 0, text.length, [], entry.construction ? (sentences ??= splitSentences(text, 0, text.length)) : undefined).length > 0,
  );
}
