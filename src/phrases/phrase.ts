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
//
// Replies come from strangers, so every compiled phrase must run in linear time on any
// text. The regexes are built to be unambiguous: at each point of the text at most one
// way to go on can succeed, so the engine never retries a split it has already tried.
// - Separators and gap words use disjoint classes: a run of [\s,;:] is always one SEP,
//   a run of anything else is always one word (a gap word used to be [^\s]+, which also
//   matched ",", so "We regret" + 35 commas took 24 s: 2^35 ways to split the commas).
// - A word holds at most one * (a*b*c splits a long word in quadratically many ways),
//   and ** is one *.
// - {num} is digit runs joined by / or -, at most five of them, so no long run of
//   digits and dashes is read from every one of its starts.
// - Consecutive gaps are one gap.
// scripts/check-regexes.mjs checks every built-in phrase with a ReDoS checker at build,
// and test/phrase-linear.test.ts feeds them adversarial text.
import { fold, BEFORE_WORD, AFTER_WORD, FOLDED_LETTERS } from '../text/fold.js';
import { LinearRegex } from './linear-regex.js';
import { hasPairs, literalPairs, pairsIn, type PairTable } from './literal-pairs.js';
import type { Span } from '../types.js';

const SEP = '[\\s,;:]+';
/** A word skipped by "...": anything but a separator, so a gap splits text one way only. */
const GAP_WORD = '[^\\s,;:]+';
const NUM = '[#№]?\\s?(?<![0-9])\\d+(?:[/-]+\\d+){0,4}';
// On RE2 no lookbehind is needed to keep it linear (and what precedes it is no digit).
const NUM_RE2 = '[#№]?\\s?\\d+(?:[/-]+\\d+){0,4}';
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
  /** "...": how many words it may skip. */
  gap?: number;
  /** Nothing to match: a word of separators (","), a group of such; SEP holds them already. */
  skip?: boolean;
  /** Every match ends with a word character (so RE2 can end the phrase with \b). */
  endsWordy?: boolean;
  /** Plain texts of which every match of the item contains one (none: nothing is sure). */
  literals: string[];
}

interface Parsed {
  source: string;
  literals: string[];
  /** Of a sequence: the texts of another of its words, one of which a match holds too. */
  also?: string[];
  /** Matches nothing but the space between words (a gap or a lone comma): dropped. */
  empty?: boolean;
  /** Some alternatives are empty: the group is optional. */
  optional?: boolean;
  /** Every match ends with a word character. */
  endsWordy?: boolean;
}

/**
 * Which engine a phrase is compiled for. V8 gets lookbehinds at word starts (they keep a
 * backtracking search linear); RE2 is linear anyway and runs several times faster on its
 * DFA, which lookbehinds turn off, so it gets \b wherever \b means the same.
 */
type Target = 'v8' | 're2';

// More than this many texts to look for cost more than running the regex.
const MAX_LITERALS = 40;

/**
 * How often a text occurs in replies, as the build estimates it from word frequency lists
 * (scripts/bundle-rules.mjs): the set of texts a phrase's regex waits for is then the one
 * least often there, not one of common words ("you", "will") found in every reply.
 */
let literalCost: ((literal: string) => number) | undefined;
export function useLiteralCost(cost: ((literal: string) => number) | undefined): void {
  literalCost = cost;
}

/**
 * The more telling of two sets of texts: with an estimate of how often each occurs (the
 * build's, by default; null for none), the rarer; else its shortest text is longer, then
 * it is smaller.
 */
export function betterLiterals(a: string[], b: string[], estimate: ((literal: string) => number) | null = literalCost ?? null): string[] {
  if (!b.length || b.length > MAX_LITERALS) return a;
  if (!a.length) return b;
  if (estimate) {
    const cost = (set: string[]) => set.reduce((sum, t) => sum + estimate(t), 0);
    return cost(b) < cost(a) ? b : a;
  }
  const shortest = (set: string[]) => Math.min(...set.map((t) => t.length));
  return shortest(b) > shortest(a) || (shortest(b) === shortest(a) && b.length < a.length) ? b : a;
}

/**
 * Whether every match of a sequence ends with a word character: its last item does, and
 * so does what comes before an optional last item (which may be left out).
 */
function endsWordy(items: readonly Item[]): boolean {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item.skip) continue;
    if (item.gap || !item.endsWordy) return false;
    if (!item.optional) return true;
  }
  return false;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly target: Target = 'v8',
    /** An exact phrase, matched on the original text (its boundaries are checked after). */
    private readonly exact = false,
  ) {}

  parse(): Parsed {
    const parsed = this.alternatives('', true);
    if (this.pos < this.text.length) this.fail(`unexpected "${this.text[this.pos]}"`);
    if (parsed.empty || parsed.optional) this.fail('a phrase needs a word that must be there');
    return parsed;
  }

  private fail(why: string): never {
    throw new PhraseError(`${why} at character ${this.pos + 1}`, this.text);
  }

  /** `leading`: these alternatives may begin the phrase, so their first words start words. */
  private alternatives(closer: string, leading: boolean): Parsed {
    const options = [this.sequence(closer, leading)];
    while (this.text[this.pos] === '|') {
      this.pos++;
      options.push(this.sequence(closer, leading));
    }
    if (options.length === 1) return options[0];
    // An empty alternative ("(,|and)") makes the group optional: the separators it
    // stands for are matched between the words anyway.
    const real = options.filter((o) => !o.empty);
    if (!real.length) return { source: '', literals: [], empty: true };
    const optional = real.length < options.length;
    // A match holds one of each alternative's texts, if every alternative has some.
    const all = !optional && real.every((o) => o.literals.length) ? real.flatMap((o) => o.literals) : [];
    // A text that holds another of the set adds nothing ("arrived" beside "arrive").
    const literals = [...new Set(all)].filter((t, _, set) => !set.some((other) => other !== t && t.includes(other)));
    // A word boundary that starts every alternative is written once, before the group: V8
    // then sees the alternation's first letters, and runs it as fast as the phrase with
    // one lookbehind it was before words carried their own.
    const start = [BEFORE_WORD, '\\b'].find((b) => real.every((o) => o.source.startsWith(b)));
    const sources = start ? real.map((o) => o.source.slice(start.length)) : real.map((o) => o.source);
    return { source: `${start ?? ''}(?:${sources.join('|')})`, literals, optional, endsWordy: real.every((o) => o.endsWordy) };
  }

  private sequence(closer: string, leading: boolean): Parsed {
    const items: Item[] = [];
    for (;;) {
      this.skipSpaces();
      const ch = this.text[this.pos];
      if (ch === undefined || ch === '|' || (closer && ch === closer)) break;
      if (ch === ')' || ch === ']') this.fail(`unmatched "${ch}"`);
      const item = this.item(leading);
      items.push(item);
      // Until a word that must be there, each item may be where the phrase begins.
      if (!item.optional) leading = false;
    }
    if (items.length === 0) this.fail('empty phrase or alternative');
    const words = items.filter((i) => !i.skip && !i.gap);
    if (!words.length) return { source: '', literals: [], empty: true };
    // Optional words only could match nothing, and a group that can be empty between
    // two separators splits a run of spaces in many ways.
    if (words.every((i) => i.optional))
      this.fail('every word here is optional; a phrase or alternative needs one that is not (write [a|b] for optional alternatives)');
    let out = '';
    let atStart = true;
    let gap = 0;
    for (const item of items) {
      if (item.skip) continue;
      if (item.gap) {
        // A gap at the start skips nothing; consecutive gaps are one longer gap.
        if (!atStart) gap += item.gap;
        continue;
      }
      if (gap) out += `(?:${SEP}${GAP_WORD}){0,${gap}}`;
      gap = 0;
      if (atStart) {
        // Optional words at the start carry their own separator; the phrase starts
        // for real at its first required word.
        out += item.optional ? `(?:${item.source}${SEP})?` : item.source;
        atStart = item.optional;
      } else {
        out += item.optional ? `(?:${SEP}${item.source})?` : `${SEP}${item.source}`;
      }
    }
    if (gap) out += `(?:${SEP}${GAP_WORD}){0,${gap}}`;
    // The most telling texts of one required word, and of another: a match holds both.
    const required = words.filter((i) => !i.optional);
    const literals = required.reduce<string[]>((best, i) => betterLiterals(best, i.literals), []);
    const also = required.filter((i) => i.literals !== literals).reduce<string[]>((best, i) => betterLiterals(best, i.literals), []);
    return { source: out, literals, ...(literals.length && also.length ? { also } : {}), endsWordy: !gap && endsWordy(items) };
  }

  private skipSpaces(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }

  private item(leading: boolean): Item {
    const ch = this.text[this.pos];
    if (ch === '(' || ch === '[') {
      const closer = ch === '(' ? ')' : ']';
      this.pos++;
      const inner = this.alternatives(closer, leading);
      if (this.text[this.pos] !== closer) this.fail(`missing "${closer}"`);
      this.pos++;
      if (inner.empty) return { source: '', optional: true, skip: true, literals: [] };
      return { source: `(?:${inner.source})`, optional: ch === '[' || Boolean(inner.optional), literals: inner.literals, endsWordy: inner.endsWordy };
    }
    if (this.text.startsWith('...', this.pos)) {
      this.pos += 3;
      return { source: '', optional: true, gap: GAP_WORDS, literals: [] };
    }
    const start = this.pos;
    let source = '';
    // Runs of literal characters, broken by * and {num}.
    const runs = [''];
    let stars = 0;
    while (this.pos < this.text.length && !' |()[]'.includes(this.text[this.pos])) {
      if (this.text.startsWith('{num}', this.pos)) {
        source += this.target === 're2' ? NUM_RE2 : NUM;
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
      if (c === '*') {
        if (this.text[this.pos] === '*') continue; // ** is one *: the next one adds it
        if (++stars > 1) this.fail('a word may hold one * (its inflected ending, as in omlouv*, or its start, as in *te)');
        runs.push('');
      } else runs[runs.length - 1] += c;
      source += c === '*' ? FOLDED_LETTERS : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    // A word of separators only ("," in "on [,] nie") is what SEP matches between words
    // anyway; as a word of its own it would split a run of commas in many ways.
    if (runs.length === 1 && /^[,;:]+$/.test(runs[0])) return { source: '', optional: true, skip: true, literals: [] };
    // A lone * is any one word: at least a letter, so that it never matches between
    // two separators.
    if (source === FOLDED_LETTERS) source = '[a-z]+';
    // A word that may begin the phrase begins a word of the text: the regex is tried at
    // word starts only, never again inside a long word (where a * or {num} would scan
    // the rest of the word from every position).
    const head = this.text[start];
    const word = this.text.slice(start, this.pos);
    if (leading && (isWordy(head) || head === '*' || word.startsWith('{num}'))) source = this.wordStart(head) + source;
    const run = runs.reduce((a, b) => (b.length > a.length ? b : a));
    // Ends with a word character: a letter or digit, a {num}, or a * after one.
    let stem = word.length;
    while (stem > 0 && word[stem - 1] === '*') stem--;
    const last = word.charAt(stem - 1);
    const endsWordy = word.endsWith('{num}') || word === '*' || (last !== '' && isWordy(last));
    return { source, optional: false, literals: run ? [run] : [], endsWordy };
  }

  /** What makes a leading word start a word of the text, for the engine compiled for. */
  private wordStart(head: string): string {
    // On RE2, a letter, digit or * after \b starts a word just as after the lookbehind
    // (folded text's word characters are \b's). Not so in an exact phrase's original
    // text (capitals, diacritics), nor before a {num}'s "#": there the lookbehind stays.
    return this.target === 're2' && !this.exact && (isWordy(head) || head === '*') ? '\\b' : BEFORE_WORD;
  }
}

/**
 * A compiled phrase: a global regex over folded text (or over the original, if exact).
 * Built-in phrases are V8 regexes; what users write is a LinearRegex (RE2).
 */
export interface Phrase {
  readonly text: string;
  readonly regex: RegExp | LinearRegex;
  /** Word boundaries to check on the folded text (exact phrases only). */
  readonly boundaries?: { before: boolean; after: boolean };
  /**
   * Texts of which every match contains one (in the haystack the regex runs on): where
   * none is, the regex need not run, nor, in a short run, ever be compiled.
   */
  readonly literals?: readonly string[];
  /** Texts of which every match holds one too, beside one of `literals` (another word's). */
  readonly also?: readonly string[];
  /** Each literal's character pairs (literal-pairs.ts), made on the phrase's first search. */
  pairs?: readonly Int32Array[];
  alsoPairs?: readonly Int32Array[];
}

// Made on first use: constructing a regex with \p{…} classes costs V8 a third of a
// millisecond, and a run with only precompiled phrases never needs this one.
let wordyRegex: RegExp | undefined;
const isWordy = (ch: string) => (wordyRegex ??= /[\p{L}\p{M}\p{N}_]/u).test(ch);

/** A compiled phrase as data: what the build stores for the built-in rules. */
export interface CompiledPhrase {
  source: string;
  flags: string;
  boundaries?: { before: boolean; after: boolean };
  literals?: string[];
  also?: string[];
}

// Phrases of the built-in rules, compiled at build time (config/builtin-bundle.ts): a
// table, or a lookup that loads the table a key is in on first use.
let precompiled: (key: string) => CompiledPhrase | undefined = () => undefined;
export function usePrecompiledPhrases(phrases: Record<string, CompiledPhrase> | ((key: string) => CompiledPhrase | undefined)): void {
  precompiled = typeof phrases === 'function' ? phrases : (key) => (Object.hasOwn(phrases, key) ? phrases[key] : undefined);
}

// "~cs/no-shouting:…", "~any/greeting:…", "~cs:…": see compileEntry (engine/phrase-list.ts).
const TABLE_KEY = /^[~=]((?:en|cs|sk|any)(?:\/[a-z0-9-]+)?):/;

/**
 * The table a precompiled phrase is kept in: for a built-in list's phrase its language
 * and rule ("cs/no-shouting"), else "common" (raw regexes, the helpers' phrases).
 */
export function phraseTable(key: string): string {
  return TABLE_KEY.exec(key)?.[1] ?? 'common';
}
export const phraseKey = (phrase: string, exact: boolean | undefined) => `${exact ? '=' : '~'}${phrase}`;

/**
 * A built-in list's phrase from the build's table, by the key it was recorded under
 * (compilePhrase's `key`): undefined while the build records or if the table lacks it.
 */
export function precompiledPhrase(key: string): Phrase | undefined {
  const known = recording ? undefined : precompiled(key);
  return known && fromTable(key, known);
}
/** Phrases parsed at run time rather than taken precompiled (the build checks it stays 0 for built-in rules). */
export let phrasesParsed = 0;

// The build records every trusted phrase and raw regex as it compiles (bundle-rules.mjs).
let recording: Record<string, CompiledPhrase> | undefined;
export function recordCompiled(into: Record<string, CompiledPhrase> | undefined): void {
  recording = into;
}

export function toCompiled(phrase: Phrase): CompiledPhrase {
  if (!(phrase.regex instanceof RegExp)) throw new Error(`phrase "${phrase.text}" was compiled for RE2, not as a built-in`);
  return {
    source: phrase.regex.source,
    flags: phrase.regex.flags,
    ...(phrase.boundaries ? { boundaries: phrase.boundaries } : {}),
    ...(phrase.literals ? { literals: [...phrase.literals] } : {}),
    ...(phrase.also ? { also: [...phrase.also] } : {}),
  };
}

// "Not followed by a word character", written with lookbehinds and \b only, which RE2
// has (it has no lookahead): after a word character, a word boundary; after any other,
// no boundary. Folded text's word characters are exactly [a-z0-9_], as \b's are.
const WORD_CLASS = '[a-z0-9_]';
/** Whether a folded phrase ends with a group or an optional part, whose alternatives may end in a word character. */
const endsInGroup = (folded: string) => /[)\]]$/.test(folded.trimEnd());
const AFTER_WORD_RE2 = '(?:(?<=[a-z0-9_])\\b|(?<![a-z0-9_])\\B)';

/**
 * Compile one phrase (throws PhraseError with the reason). `trusted`: a phrase of the
 * built-in rules, run on V8 (checked at build); any other runs on RE2.
 */
export function compilePhrase(phrase: string, options: { exact?: boolean; trusted?: boolean; key?: string } = {}): Phrase {
  const key = options.key ?? phraseKey(phrase, options.exact);
  // While the build records, every phrase is compiled afresh (a previous build's table may be loaded).
  const known = recording ? undefined : precompiled(key);
  if (known) return fromTable(phrase, known);
  phrasesParsed++;
  const folded = fold(phrase.trim());
  if (!folded) throw new PhraseError('empty phrase', phrase);
  const first = folded.replace(/^[[(]+/, '')[0] ?? '';
  const last = folded.replace(/(?<![\])])[\])]+$/, '').slice(-1);
  const before = isWordy(first) || first === '*' || folded.startsWith('{num}');
  const after = isWordy(last) || folded.endsWith('{num}');
  const target: Target = options.trusted ? 'v8' : 're2';
  const compile = (source: string) => (options.trusted ? new RegExp(source, 'g') : linear(source, phrase));
  if (options.exact) {
    // Matched against the original text, so that case and diacritics count; the
    // boundaries are checked on the folded text by the caller (matchEntry).
    const { source, literals, also } = new Parser(phrase.trim(), target, true).parse();
    const compiled: Phrase = {
      text: phrase,
      regex: compile(source),
      boundaries: { before, after },
      ...(literals.length ? { literals } : {}),
      ...(also ? { also } : {}),
    };
    if (recording && options.trusted) recording[key] = toCompiled(compiled);
    return compiled;
  }
  const parsed = new Parser(folded, target).parse();
  // The words that may begin the phrase carry their own word boundary (Parser.item); the
  // end gets one here. On RE2, \b where the phrase always ends with a word character.
  // A phrase whose last character is no word character may still end in one: a group or
  // a class with some alternatives ending in a sign ("(awful|😡)"). After a word
  // character the match must end the word, after any other it may end anywhere: without
  // this, "děs" of such a class matched inside "deset".
  const mixedEnd = target === 'v8' ? `(?:(?<=${WORD_CLASS})${AFTER_WORD}|(?<!${WORD_CLASS}))` : `(?:(?<=${WORD_CLASS})\\b|(?<!${WORD_CLASS}))`;
  const end = !after ? (endsInGroup(folded) ? mixedEnd : '') : target === 'v8' ? AFTER_WORD : parsed.endsWordy ? '\\b' : AFTER_WORD_RE2;
  const compiled: Phrase = {
    text: phrase,
    regex: compile(parsed.source + end),
    ...(parsed.literals.length ? { literals: parsed.literals } : {}),
    ...(parsed.also ? { also: parsed.also } : {}),
  };
  if (recording && options.trusted) recording[key] = toCompiled(compiled);
  return compiled;
}

/**
 * A built-in phrase from the build's table. Its RegExp is made on its first search: V8
 * parses a pattern when it is constructed, and most phrases of a short reply are ruled
 * out by their literals (engine/entry-filter.ts) and never searched.
 */
// A class, not an object literal with a getter: V8 keeps such a literal in dictionary
// mode, and matching reads a phrase's literals and regex for every candidate.
class TablePhrase implements Phrase {
  readonly boundaries?: { before: boolean; after: boolean };
  readonly literals?: readonly string[];
  readonly also?: readonly string[];
  pairs?: readonly Int32Array[] = undefined;
  alsoPairs?: readonly Int32Array[] = undefined;
  private made: RegExp | undefined = undefined;
  constructor(
    readonly text: string,
    private readonly known: CompiledPhrase,
  ) {
    this.boundaries = known.boundaries;
    this.literals = known.literals;
    this.also = known.also;
  }
  get regex(): RegExp {
    return (this.made ??= new RegExp(this.known.source, this.known.flags));
  }
}

function fromTable(text: string, known: CompiledPhrase): Phrase {
  return new TablePhrase(text, known);
}

function linear(source: string, phrase: string): LinearRegex {
  try {
    return LinearRegex.compile(source);
  } catch (err) {
    throw new PhraseError((err as Error).message, phrase);
  }
}

/**
 * Compile an author's raw regex (JavaScript syntax, case-insensitive) to RE2: linear in
 * the text, so no regex can hang a run (ReDoS); RE2 has no lookahead or backreferences.
 * A built-in rule's (`trusted`) runs on V8, checked at build as the phrases are.
 */
export function compileRawRegex(source: string, options: { trusted?: boolean; exact?: boolean } = {}): Phrase {
  try {
    if (options.trusted) {
      // Listed under "/" beside the phrases, for the build's ReDoS check, and with the
      // literals the build read from its syntax (scripts/regex-literals.mjs): texts on the
      // folded text, so an exact regex (run on the original) goes without.
      const known = recording ? undefined : precompiled(`/${source}`);
      if (known) return fromTable(source, options.exact ? { ...known, literals: undefined, also: undefined } : known);
      // The u flag (and its costlier compile) only where the author uses \p{…} or \u{…}.
      const phrase = { text: source, regex: new RegExp(source, /\\[pPu]\{/.test(source) ? 'giu' : 'gi') };
      if (recording) recording[`/${source}`] = toCompiled(phrase);
      return phrase;
    }
    return { text: source, regex: LinearRegex.compile(source, { ignoreCase: true }) };
  } catch (err) {
    throw new PhraseError(`regex not supported: ${(err as Error).message}`, source);
  }
}

/**
 * False when none of the phrase's texts is in haystack[from, to): no match can be there.
 * `scope` is the haystack cut short past `to` (matchEntry's prefix), where a text is looked
 * for once its character pairs are all in the haystack.
 */
export function mayMatch(phrase: Phrase, haystack: string, from: number, to: number, scope = haystack): boolean {
  const { literals, also } = phrase;
  if (!literals) return true;
  const table = pairsIn(haystack);
  if (!anyWithin(literals, (phrase.pairs ??= literals.map(literalPairs)), table, scope, from, to)) return false;
  return !also || anyWithin(also, (phrase.alsoPairs ??= also.map(literalPairs)), table, scope, from, to);
}

/** Whether one of the texts lies in scope[from, to), looked for once its pairs are all in the table's text. */
function anyWithin(texts: readonly string[], pairs: readonly Int32Array[], table: PairTable, scope: string, from: number, to: number): boolean {
  for (let i = 0; i < texts.length; i++) {
    if (!hasPairs(table, pairs[i])) continue;
    const at = scope.indexOf(texts[i], from);
    if (at >= 0 && at + texts[i].length <= to) return true;
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
    /** The whole text `haystack` is cut from (its pair table is shared with mayMatch). */
    text = haystack,
  ) {
    // A literal whose pairs the text lacks is never there (-1), without a search.
    const table = pairsIn(text);
    const pairs = (phrase.pairs ??= (phrase.literals ?? []).map(literalPairs));
    this.next = (phrase.literals ?? []).map((t, i) => (hasPairs(table, pairs[i]) ? haystack.indexOf(t, from) : -1));
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
  if (regex instanceof LinearRegex) return regex.matches(folded, from, to, spans);
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
