// The salutation that opens a reply ("Hi Anna,", "Dobrý den, paní Nováková,"): the line
// it stands on and the names it addresses. Read once per Document (document.ts), for
// the rules that ask whom the reply addresses.
import { onLanguageFilesChanged } from '../language/data.js';
import { HELPERS } from '../language/index.js';
import { titleWords } from '../language/titles.js';
import { fold, isUpper } from '../text/fold.js';
import type { Span } from '../types.js';

export interface NameToken extends Span {
  /** The word as written. */
  text: string;
}

export interface Salutation {
  /** The line the salutation stands on (one of the first three). */
  line: Span;
  /** The names it addresses, in order ("Anna"; "Nováková" of "paní Nováková"); none for "Hi there,". */
  names: NameToken[];
  /** The titles before or instead of them ("paní"; "pane", "inženýre"), in order. */
  titles: NameToken[];
}

// Every language's salutation words and titles (rules/language/*.yaml, titles.yaml's
// honorifics and degrees among them), read on first use.
let salutations: Set<string> | undefined;
let titles: Set<string> | undefined;
onLanguageFilesChanged(() => {
  salutations = undefined;
  titles = undefined;
});
const allSalutations = () => (salutations ??= new Set(Object.values(HELPERS).flatMap((h) => h.salutationWords)));
/** Every language's titles (folded): no part of a name, in a salutation or a customer's name field. */
export const allTitles = () => (titles ??= new Set([...Object.values(HELPERS).flatMap((h) => h.titles), ...titleWords()]));

// Words found on the folded text, where every letter is ASCII (text/fold.ts).
const WORD = /[a-z][a-z'-]*/g;

function words(text: string, offset: number): NameToken[] {
  return [...fold(text).matchAll(WORD)].map((m) => ({
    text: text.slice(m.index!, m.index! + m[0].length),
    start: offset + m.index!,
    end: offset + m.index! + m[0].length,
  }));
}

type WordKind = 'salutation' | 'title' | 'name' | 'other';
function kindOf(w: NameToken): WordKind {
  const f = fold(w.text);
  if (allSalutations().has(f)) return 'salutation';
  if (allTitles().has(f)) return 'title';
  return isUpper(w.text[0]) ? 'name' : 'other';
}

/**
 * The salutation among the first three lines: a line whose first stretch (up to a comma
 * or other sign) is salutation words, titles and capitalised names only, with at least
 * one salutation word or title: "Hi Anna," → Anna; "Dobrý den, paní Nováková," → the
 * name after the comma.
 */
export function findSalutation(text: string, lines: readonly Span[]): Salutation | undefined {
  for (const line of lines.slice(0, 3)) {
    const lineText = text.slice(line.start, line.end).replace(/(?<=\b(?:Mr|Mrs|Ms|Dr|Mx))\./g, ' ');
    const chunks: { text: string; start: number }[] = [];
    let from = 0;
    for (const m of lineText.matchAll(/[,!?;:.–—]/g)) {
      chunks.push({ text: lineText.slice(from, m.index), start: line.start + from });
      from = m.index! + 1;
    }
    chunks.push({ text: lineText.slice(from), start: line.start + from });
    const first = words(chunks[0].text, chunks[0].start);
    const kinds = first.map(kindOf);
    if (kinds.includes('other') || first.length === 0 || first.length > 6) continue;
    if (!kinds.includes('salutation') && !kinds.includes('title')) continue;
    const names = first.filter((_, i) => kinds[i] === 'name');
    const titles = first.filter((_, i) => kinds[i] === 'title');
    if (names.length) return { line, names, titles };
    // "Dobrý den, paní Nováková," — the name follows the greeting after a comma.
    const second = chunks[1] ? words(chunks[1].text, chunks[1].start) : [];
    const secondKinds = second.map(kindOf);
    if (second.length && second.length <= 4 && secondKinds.every((k) => k === 'name' || k === 'title')) {
      return {
        line,
        names: second.filter((_, i) => secondKinds[i] === 'name'),
        titles: [...titles, ...second.filter((_, i) => secondKinds[i] === 'title')],
      };
    }
    return { line, names: [], titles };
  }
  return undefined;
}
