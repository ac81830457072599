// The phrase language rule authors write instead of regexes.
//
//   sorry                 a word; case- and diacritics-insensitive ("lito" = "líto")
//   omlouv* se            * stands for any letters: inflection (omlouvám, omlouváme…)
//   (sorry|apologi*)      alternatives, each itself a phrase
//   je nám [to] líto      [ … ] is optional, and may hold alternatives: [moc|velmi]
//   sorry ... inconvenience   "..." skips up to five words
//   ticket {num}          a reference number: #48213, 00012345, 2024-0877
//   \[                    a backslash makes the next character literal
//
// Everything else is literal. Words match on Unicode word boundaries. A phrase is
// compiled once per run into a regex over the folded text (see text/fold.ts).
import { createRequire } from 'node:module';
import { fold, BEFORE_WORD, AFTER_WORD, FOLDED_LETTERS } from '../text/fold.js';

const SEP = '[\\s,;:]+';
const NUM = '[#№]?\\s?\\d(?:[\\d/-]*\\d)?';
const GAP_WORDS = 5;

export class PhraseError extends Error {
  constructor(
    message: string,
    readonly phrase: string,
  ) {
    super(message);
  }
}

interface Item {
  source: string;
  optional: boolean;
  gap?: boolean;
  /** Plain texts of which every match of the item contains one (none: nothing is sure). */
  literals: string[];
}

interface Parsed {
  source: string;
  literals: string[];
}

// More than this many texts to look for cost more than running the regex.
const MAX_LITERALS = 12;

/** The more telling of two sets of texts: its shortest text is longer, then it is smaller. */
function better(a: string[], b: string[]): string[] {
  if (!b.length || b.length > MAX_LITERALS) return a;
  if (!a.length) return b;
  const shortest = (set: string[]) => Math.min(...set.map((t) => t.length));
  return shortest(b) > shortest(a) || (shortest(b) === shortest(a) && b.length < a.length) ? b : a;
}

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parse(): Parsed {
    const parsed = this.alternatives('');
    if (this.pos < this.text.length) this.fail(`unexpected "${this.text[this.pos]}"`);
    return parsed;
  }

  private fail(why: string): never {
    throw new PhraseError(`${why} at character ${this.pos + 1}`, this.text);
  }

  private alternatives(closer: string): Parsed {
    const options = [this.sequence(closer)];
    while (this.text[this.pos] === '|') {
      this.pos++;
      options.push(this.sequence(closer));
    }
    if (options.length === 1) return options[0];
    // A match holds one of each alternative's texts, if every alternative has some.
    const all = options.every((o) => o.literals.length) ? options.flatMap((o) => o.literals) : [];
    // A text that holds another of the set adds nothing ("arrived" beside "arrive").
    const literals = [...new Set(all)].filter((t, _, set) => !set.some((other) => other !== t && t.includes(other)));
    return { source: `(?:${options.map((o) => o.source).join('|')})`, literals };
  }

  private sequence(closer: string): Parsed {
    const items: Item[] = [];
    for (;;) {
      this.skipSpaces();
      const ch = this.text[this.pos];
      if (ch === undefined || ch === '|' || (closer && ch === closer)) break;
      if (ch === ')' || ch === ']') this.fail(`unmatched "${ch}"`);
      items.push(this.item());
    }
    if (items.length === 0) this.fail('empty phrase or alternative');
    let out = '';
    let atStart = true;
    for (const item of items) {
      if (item.gap) {
        if (!atStart) out += `(?:${SEP}[^\\s]+){0,${GAP_WORDS}}`;
      } else if (atStart) {
        // Optional words at the start carry their own separator; the phrase starts
        // for real at its first required word.
        out += item.optional ? `(?:${item.source}${SEP})?` : item.source;
        atStart = item.optional;
      } else {
        out += item.optional ? `(?:${SEP}${item.source})?` : `${SEP}${item.source}`;
      }
    }
    return { source: out, literals: items.filter((i) => !i.optional).reduce<string[]>((best, i) => better(best, i.literals), []) };
  }

  private skipSpaces(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }

  private item(): Item {
    const ch = this.text[this.pos];
    if (ch === '(' || ch === '[') {
      const closer = ch === '(' ? ')' : ']';
      this.pos++;
      const inner = this.alternatives(closer);
      if (this.text[this.pos] !== closer) this.fail(`missing "${closer}"`);
      this.pos++;
      return { source: `(?:${inner.source})`, optional: ch === '[', literals: inner.literals };
    }
    if (this.text.startsWith('...', this.pos)) {
      this.pos += 3;
      return { source: '', optional: true, gap: true, literals: [] };
    }
    let source = '';
    // Runs of literal characters, broken by * and {num}.
    const runs = [''];
    while (this.pos < this.text.length && !' |()[]'.includes(this.text[this.pos])) {
      if (this.text.startsWith('{num}', this.pos)) {
        source += NUM;
        runs.push('');
        this.pos += 5;
        continue;
      }
      let c = this.text[this.pos++];
      if (c === '\\' && this.pos < this.text.length) {
        c = this.text[this.pos++];
        source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        runs[runs.length - 1] += c;
        continue;
      }
      if (c === '*') runs.push('');
      else runs[runs.length - 1] += c;
      source += c === '*' ? FOLDED_LETTERS : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    const run = runs.reduce((a, b) => (b.length > a.length ? b : a));
    return { source, optional: false, literals: run ? [run] : [] };
  }
}

/** A compiled phrase: a global regex over folded text (or over the original, if exact). */
export interface Phrase {
  readonly text: string;
  readonly regex: RegExp;
  /** A raw regex from a user's rule file: run off-thread with a time limit. */
  readonly bounded?: boolean;
  /** Word boundaries to check on the folded text (exact phrases only). */
  readonly boundaries?: { before: boolean; after: boolean };
  /**
   * Texts of which every match contains one (in the haystack the regex runs on): where
   * none is, the regex need not run, nor, in a short run, ever be compiled.
   */
  readonly literals?: readonly string[];
}

const WORDY = /[\p{L}\p{M}\p{N}_]/u;

/** A compiled phrase as data: what the build stores for the built-in rules. */
export interface CompiledPhrase {
  source: string;
  flags: string;
  boundaries?: { before: boolean; after: boolean };
  literals?: string[];
}

// Phrases of the built-in rules, compiled at build time (config/builtin-bundle.ts).
let precompiled: Record<string, CompiledPhrase> = {};
export function usePrecompiledPhrases(phrases: Record<string, CompiledPhrase>): void {
  precompiled = phrases;
}
export const phraseKey = (phrase: string, exact: boolean | undefined) => `${exact ? '=' : '~'}${phrase}`;
/** Phrases parsed at run time rather than taken precompiled (the build checks it stays 0 for built-in rules). */
export let phrasesParsed = 0;

export function toCompiled(phrase: Phrase): CompiledPhrase {
  return { source: phrase.regex.source, flags: phrase.regex.flags, ...(phrase.boundaries ? { boundaries: phrase.boundaries } : {}), ...(phrase.literals ? { literals: [...phrase.literals] } : {}) };
}

/** Compile one phrase (throws PhraseError with the reason). */
export function compilePhrase(phrase: string, options: { exact?: boolean } = {}): Phrase {
  const known = precompiled[phraseKey(phrase, options.exact)];
  if (known) return { text: phrase, regex: new RegExp(known.source, known.flags), boundaries: known.boundaries, literals: known.literals };
  phrasesParsed++;
  const folded = fold(phrase.trim());
  if (!folded) throw new PhraseError('empty phrase', phrase);
  const first = folded.replace(/^[[(]+/, '')[0] ?? '';
  const last = folded.replace(/[\])]+$/, '').slice(-1);
  const before = WORDY.test(first) || first === '*' || folded.startsWith('{num}');
  const after = WORDY.test(last) || folded.endsWith('{num}');
  if (options.exact) {
    // Matched against the original text, so that case and diacritics count; the
    // boundaries are checked on the folded text by the caller (matchEntry).
    const { source, literals } = new Parser(phrase.trim()).parse();
    return { text: phrase, regex: new RegExp(source, 'g'), boundaries: { before, after }, ...(literals.length ? { literals } : {}) };
  }
  const { source, literals } = new Parser(folded).parse();
  const body = (before ? BEFORE_WORD : '') + source + (after ? AFTER_WORD : '');
  return { text: phrase, regex: new RegExp(body, 'g'), ...(literals.length ? { literals } : {}) };
}

/** Compile an author's raw regex, refusing ones that could hang a run (ReDoS). */
// safe-regex2 is loaded only when a rule file of a user's holds a raw regex.
let safeRegex: ((re: RegExp) => boolean) | undefined;

export function compileRawRegex(source: string, options: { checked?: boolean } = {}): Phrase {
  let regex: RegExp;
  try {
    // The u flag (and its costlier compile) only where the author uses \p{…} or \u{…}.
    regex = new RegExp(source, /\\[pPu]\{/.test(source) ? 'giu' : 'gi');
  } catch (err) {
    throw new PhraseError(`invalid regex: ${(err as Error).message}`, source);
  }
  if (options.checked) return { text: source, regex };
  safeRegex ??= createRequire(import.meta.url)('safe-regex2') as (re: RegExp) => boolean;
  if (!safeRegex(regex)) {
    throw new PhraseError('regex could backtrack catastrophically (nested quantifiers such as (a+)+); rewrite it without a quantifier inside a quantified group', source);
  }
  return { text: source, regex, bounded: true };
}

export interface Span {
  start: number;
  end: number;
}

/** False when none of the phrase's texts is in haystack[from, to): no match can be there. */
export function mayMatch(phrase: Phrase, haystack: string, from: number, to: number): boolean {
  const { literals } = phrase;
  if (!literals) return true;
  for (const literal of literals) {
    const at = haystack.indexOf(literal, from);
    if (at >= 0 && at + literal.length <= to) return true;
  }
  return false;
}

/**
 * Where each of a phrase's texts next occurs, for a scan that only moves forward: every
 * text is searched for at most once per position it could be at, so a long reply with
 * many matches costs a pass per text, not a pass per match.
 */
export class LiteralsAhead {
  private readonly next: number[];

  constructor(
    private readonly phrase: Phrase,
    private readonly haystack: string,
    from: number,
  ) {
    this.next = (phrase.literals ?? []).map((t) => haystack.indexOf(t, from));
  }

  /** Whether one of the texts lies wholly inside [from, to); `from` never decreases between calls. */
  within(from: number, to: number): boolean {
    const literals = this.phrase.literals;
    if (!literals) return true;
    let found = false;
    for (let i = 0; i < literals.length; i++) {
      if (this.next[i] >= 0 && this.next[i] < from) this.next[i] = this.haystack.indexOf(literals[i], from);
      if (this.next[i] >= 0 && this.next[i] + literals[i].length <= to) found = true;
    }
    return found;
  }
}

/** Every match of `phrase` in folded text, optionally inside [from, to). */
export function findAll(phrase: Phrase, folded: string, from = 0, to = folded.length): Span[] {
  const spans: Span[] = [];
  if (!mayMatch(phrase, folded, from, to)) return spans;
  const { regex } = phrase;
  regex.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = regex.exec(folded)) !== null) {
    if (m.index >= to) break;
    const end = m.index + m[0].length;
    if (end <= to) spans.push({ start: m.index, end });
    if (m[0].length === 0) regex.lastIndex++;
  }
  return spans;
}

/** First match of any phrase in the list inside [from, to), earliest first. */
export function findFirst(phrases: readonly Phrase[], folded: string, from = 0, to = folded.length): (Span & { phrase: Phrase }) | undefined {
  let best: (Span & { phrase: Phrase }) | undefined;
  for (const phrase of phrases) {
    const [span] = findAll(phrase, folded, from, to);
    if (span && (!best || span.start < best.start)) best = { ...span, phrase };
  }
  return best;
}

export function matchesAny(phrases: readonly Phrase[], folded: string, from = 0, to = folded.length): boolean {
  return phrases.some((p) => findAll(p, folded, from, to).length > 0);
}
