// Helpers the rule kinds share: reading phrase lists and sentences off a document.
import { inLiteral, type Document } from '../../document/document.js';
import type { Span } from '../../types.js';
import { splitSentences, type Sentence } from '../../document/sentences.js';
import { allLanguages, onLanguageFilesChanged } from '../../language/data.js';
import { isSpaceCode } from '../../text/fold.js';
import type { Language } from '../../types.js';
import { entriesFor, matchEntry, type EntryMatch, type PhraseEntry, type PhraseLists } from '../phrase-list.js';
import { candidateEntries } from '../entry-filter.js';

// Words that may stand before an instruction at the start of a sentence ("Yes, just
// click"), and words that open a condition ("if you need that, click"): every language's,
// from rules/language/*.yaml, read on first use.
let leadIns: { words: Set<string>; mostWords: number } | undefined;
let conditionWords: Set<string> | undefined;
onLanguageFilesChanged(() => {
  leadIns = undefined;
  conditionWords = undefined;
});

/** A sign between lead-ins: white space, or , ; : ! – — - */
const isSeparator = (c: number) => isSpaceCode(c) || c === 44 || c === 59 || c === 58 || c === 33 || c === 45 || c === 0x2013 || c === 0x2014;
// onlyLeadIns's marks, kept between calls: a clause is at most OPENING_REACH characters.
let reachable = new Uint8Array(512);
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95; // [a-z0-9_]
const isHandleChar = (c: number) => isWordChar(c) || (c >= 65 && c <= 90) || c === 46; // [\w.]

/**
 * Whether a (folded) clause is nothing but lead-ins, handles and punctuation: "yes, just ",
 * "@anna ok so ". A lead-in is whole words ("of course"), each run of letters taken whole,
 * so the clause is read once from left to right: no way of splitting it is tried twice
 * (as a regex of the words, "anoano…" of 36 letters took minutes to refuse).
 */
function onlyLeadIns(clause: string): boolean {
  if (!leadIns) {
    const words = new Set(allLanguages('leadIns'));
    leadIns = { words, mostWords: Math.max(1, ...[...words].map((w) => w.split(' ').length)) };
  }
  const { words, mostWords } = leadIns;
  // reachable[i]: the clause up to i is lead-ins, handles and punctuation.
  if (reachable.length <= clause.length) reachable = new Uint8Array(clause.length + 1);
  reachable.fill(0, 0, clause.length + 1);
  reachable[0] = 1;
  for (let i = 0; i < clause.length; i++) {
    if (!reachable[i]) continue;
    const c = clause.charCodeAt(i);
    if (isSeparator(c)) reachable[i + 1] = 1;
    else if (c === 64 /* @ */) {
      let j = i + 1;
      while (j < clause.length && isHandleChar(clause.charCodeAt(j))) j++;
      if (j > i + 1) reachable[j] = 1;
    } else if (isWordChar(c)) {
      // Runs of letters joined by one space, one to as many as the longest lead-in has.
      let end = i;
      for (let n = 0; n < mostWords; n++) {
        if (n > 0) {
          if (clause[end] !== ' ' || !isWordChar(clause.charCodeAt(end + 1))) break;
          end++;
        }
        while (end < clause.length && isWordChar(clause.charCodeAt(end))) end++;
        if (words.has(clause.slice(i, end))) reachable[end] = 1;
      }
    }
  }
  return reachable[clause.length] === 1;
}

/**
 * Whether a clause ends in a condition and its comma: "if you need that, ". Its last
 * comma-free stretch is searched for the word (followed by a space, as in "if you"),
 * where a regex from each "if" to the end ([^,]*,\s*$) read the clause quadratically.
 */
function endsWithCondition(clause: string): boolean {
  const body = clause.trimEnd();
  if (!body.endsWith(',')) return false;
  conditionWords ??= new Set(allLanguages('conditionWords'));
  const words = body.slice(body.lastIndexOf(',', body.length - 2) + 1, -1).split(/\s/);
  words.pop(); // the last word is followed by the comma, not by a space
  return words.some((w) => conditionWords!.has(w));
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
  return onlyLeadIns(clause);
}

/** Matches of the language's entries in a zone, honouring each entry's `start` flag. */
export function findMatches(doc: Document, lists: PhraseLists | undefined, language: Language, zone: Span): EntryMatch[] {
  return findEntryMatches(doc, entriesFor(lists, language), zone);
}

const byStart = (a: EntryMatch, b: EntryMatch) => a.start - b.start;

export function findEntryMatches(doc: Document, entries: readonly PhraseEntry[], zone: Span): EntryMatch[] {
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
