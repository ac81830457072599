// Per-language phrase lists as rule files write them, compiled once per run.
import { ConfigError } from '../config/errors.js';
import type { Schema } from '../config/validate.js';
import type { Path } from '../config/yaml-source.js';
import { isWordAt } from '../text/fold.js';
import { LinearRegex } from '../phrases/linear-regex.js';
import type { Language } from '../types.js';
import { compilePhrase, compileRawRegex, LiteralsAhead, mayMatch, PhraseError, phraseKey, precompiledPhrase, type Phrase } from '../phrases/phrase.js';
import type { Span } from '../types.js';
import { expandClasses, namesChangedClass, type ClassLanguage, type WordClasses } from './word-classes.js';

/** One entry: a phrase (or raw regex) with what to say or put instead. */
export interface PhraseEntry {
  phrase: Phrase;
  /** Match the original text, case- and diacritics-sensitive (acronyms such as "SLA"). */
  exact: boolean;
  /** Only at the start of a sentence (imperatives such as "Choose …"). */
  start: boolean;
  /** Checked on the HTML source when the reply came from HTML (markup such as <font color>). */
  html: boolean;
  replace?: string;
  message?: string;
  /**
   * A construction: every phrase of `all` in one sentence (in order, if `ordered`), and
   * none of `none` there ("{third-party} … responsible", not "we are responsible").
   * `phrase` is then the first of `all`.
   */
  construction?: Construction;
}

export interface Construction {
  /** Each a plain entry (the construction's flags, its own phrase). */
  all: readonly PhraseEntry[];
  none: readonly PhraseEntry[];
  ordered: boolean;
}

const PHRASES: Schema = { type: 'list', of: { type: 'string' } };

const ENTRY_FIELDS = {
  match: { type: 'string' },
  regex: { type: 'string' },
  replace: { type: 'string' },
  message: { type: 'string' },
  exact: { type: 'boolean' },
  start: { type: 'boolean' },
  html: { type: 'boolean' },
  all: PHRASES,
  none: PHRASES,
  ordered: { type: 'boolean' },
} as const satisfies Record<string, Schema>;

export const PHRASE_LIST_SCHEMA: Schema = {
  type: 'map',
  keys: ['en', 'cs', 'sk', 'any'],
  values: {
    type: 'list',
    of: {
      type: 'any-of',
      describe:
        'a phrase, or a mapping with "match" (or "regex", or "all": phrases in one sentence) and optional "none", "replace", "message", "exact", "start"',
      options: [{ type: 'string' }, { type: 'object', fields: ENTRY_FIELDS }],
    },
  },
};

type RawEntry =
  | string
  | {
      match?: string;
      regex?: string;
      all?: string[];
      none?: string[];
      ordered?: boolean;
      replace?: string;
      message?: string;
      exact?: boolean;
      start?: boolean;
      html?: boolean;
    };

export type Locate = (path: Path) => { file: string; line: number; column: number };

/** What compiling a rule's phrase lists needs besides the lists. */
export interface PhraseTools {
  locate: Locate;
  /**
   * Whether the list at a path is a built-in rule's own (it runs on V8, checked at build,
   * and may compile lazily) rather than a config's (it runs on RE2).
   */
  trusted: boolean | ((path: Path) => boolean);
  /** The word classes a phrase may name as {class}. */
  classes?: WordClasses;
  /** The built-in rule the lists are of: their phrases are in its table per language. */
  rule?: string;
}

/**
 * A rule's per-language phrase lists, compiled on first use per language: a Czech
 * reply never compiles the English phrases. Rule files from users are compiled whole
 * when they load (compileAll), so that a bad phrase stops the run with its position.
 */
export class PhraseLists {
  private readonly compiled = new Map<string, PhraseEntry[]>();
  private readonly extra = new Map<string, PhraseEntry[]>();

  constructor(
    private readonly raw: Record<string, RawEntry[]>,
    private readonly path: Path,
    /** With `trusted` decided for this list: a built-in rule's own runs on V8, checked at build. */
    private readonly tools: PhraseTools & { trusted: boolean },
  ) {}

  get(lang: Language | 'any'): PhraseEntry[] {
    let entries = this.compiled.get(lang);
    if (!entries) {
      entries = (this.raw[lang] ?? []).map((entry, i) => compileEntry(entry, [...this.path, lang, i], this.tools));
      for (const entry of this.extra.get(lang) ?? []) entries.push(entry);
      this.compiled.set(lang, entries);
    }
    return entries;
  }

  private readonly combined = new Map<Language, PhraseEntry[]>();

  /** A language's entries and the language-independent ones, in one list (kept). */
  forLanguage(lang: Language): PhraseEntry[] {
    let entries = this.combined.get(lang);
    if (!entries) {
      entries = [...this.get(lang), ...this.get('any')];
      this.combined.set(lang, entries);
    }
    return entries;
  }

  private readonly englishToo = new Map<Language, PhraseEntry[]>();

  /**
   * A language's entries and English ones, in one list (kept: a list is filtered by its
   * literals through a table made once per list, see entry-filter.ts).
   */
  withEnglish(lang: Language): PhraseEntry[] {
    let entries = this.englishToo.get(lang);
    if (!entries) {
      entries = lang === 'en' ? this.forLanguage('en') : [...this.forLanguage(lang), ...this.get('en')];
      this.englishToo.set(lang, entries);
    }
    return entries;
  }

  /** Entries that do not come from the rule file (a team's vocabulary). */
  add(lang: Language | 'any', entries: PhraseEntry[]): void {
    this.extra.set(lang, [...(this.extra.get(lang) ?? []), ...entries]);
    this.compiled.delete(lang);
    this.combined.clear();
    this.englishToo.clear();
  }

  languages(): (Language | 'any')[] {
    return [...new Set([...Object.keys(this.raw), ...this.extra.keys()])] as (Language | 'any')[];
  }

  compileAll(): this {
    for (const lang of this.languages()) this.get(lang);
    return this;
  }
}

/** Compile a rule's per-language lists (a built-in rule's own lazily, per language, on first use). */
export function compilePhraseLists(raw: Record<string, RawEntry[]> | undefined, path: Path, tools: PhraseTools): PhraseLists {
  const trusted = typeof tools.trusted === 'function' ? tools.trusted(path) : tools.trusted;
  const lists = new PhraseLists(raw ?? {}, path, { ...tools, trusted });
  return trusted && !eagerCompile ? lists : lists.compileAll();
}

// The build compiles every built-in list at once, to record every phrase (bundle-rules).
let eagerCompile = false;
export function compileEagerly(on: boolean): void {
  eagerCompile = on;
}

/** The language a phrase list entry is written in: its path is [..., language, index] (else any). */
const languageOf = (path: Path): ClassLanguage => {
  const lang = path[path.length - 2];
  return lang === 'en' || lang === 'cs' || lang === 'sk' ? lang : 'any';
};

export function compileEntry(entry: RawEntry, path: Path, tools: PhraseTools): PhraseEntry {
  const e = typeof entry === 'string' ? { match: entry } : entry;
  const { locate } = tools;
  if ([e.match, e.regex, e.all].filter((x) => x !== undefined).length !== 1) {
    throw new ConfigError(
      'a phrase entry needs exactly one of "match", "regex" or "all"',
      locate(path),
      'write "match: <phrase>" for a phrase, "regex: <pattern>" for a raw regex, or "all: [<phrase>, …]" for phrases that must stand in one sentence',
    );
  }
  if (e.all !== undefined && !e.all.length) throw new ConfigError('"all" needs at least one phrase', locate([...path, 'all']));
  if ((e.none !== undefined || e.ordered !== undefined) && e.regex !== undefined)
    throw new ConfigError('"none" and "ordered" go with "match" or "all", not with a raw regex', locate(path));
  const trusted = typeof tools.trusted === 'function' ? tools.trusted(path) : tools.trusted;
  const language = languageOf(path);
  const phraseAt = (text: string, at: Path): Phrase => {
    try {
      // A built-in list's phrase is in the build's table as written, per rule and language
      // (short keys, its classes need no expanding, and a reply reads only the tables of
      // the lists it compiles), unless it names a class a team extended or edited since.
      const table = tools.rule ? `${language}/${tools.rule}` : language;
      const key = trusted && !(tools.classes && namesChangedClass(text, language, tools.classes)) ? phraseKey(`${table}:${text}`, e.exact) : undefined;
      const known = key && precompiledPhrase(key);
      if (known) return known;
      // A phrase naming a class a team extended holds the team's words: it runs on RE2.
      const expanded = tools.classes ? expandClasses(text, language, tools.classes) : { text, team: false };
      return compilePhrase(expanded.text, { exact: e.exact, trusted: trusted && !expanded.team, key });
    } catch (err) {
      if (err instanceof PhraseError) {
        throw new ConfigError(
          `bad phrase "${text}": ${err.message}`,
          locate(at),
          'phrases use words, * for endings, (a|b), [optional], ..., {num} and word classes such as {third-party}; see README "Writing a rule"',
        );
      }
      throw err;
    }
  };
  let phrase: Phrase;
  let construction: Construction | undefined;
  if (e.regex !== undefined) {
    try {
      phrase = compileRawRegex(e.regex, { trusted, exact: e.exact });
    } catch (err) {
      if (err instanceof PhraseError)
        throw new ConfigError(
          `bad phrase "${err.phrase}": ${err.message}`,
          locate(path),
          'a raw regex is JavaScript syntax without lookahead or backreferences',
        );
      throw err;
    }
  } else {
    const all = e.all ?? [e.match!];
    const phrases = all.map((p, i) => phraseAt(p, e.all ? [...path, 'all', i] : typeof entry === 'string' ? path : [...path, 'match']));
    phrase = phrases[0];
    const none = (e.none ?? []).map((p, i) => phraseAt(p, [...path, 'none', i]));
    if (phrases.length > 1 || none.length) {
      const plain = (p: Phrase): PhraseEntry => ({ phrase: p, exact: e.exact ?? false, start: false, html: e.html ?? false });
      construction = { all: phrases.map(plain), none: none.map(plain), ordered: e.ordered ?? false };
    }
  }
  return {
    phrase,
    exact: e.exact ?? false,
    start: e.start ?? false,
    html: e.html ?? false,
    replace: e.replace,
    message: e.message,
    ...(construction ? { construction } : {}),
  };
}

const NO_ENTRIES: readonly PhraseEntry[] = Object.freeze([]);

export function entriesFor(lists: PhraseLists | undefined, language: Language): readonly PhraseEntry[] {
  return lists ? lists.forLanguage(language) : NO_ENTRIES;
}

export interface EntryMatch extends Span {
  entry: PhraseEntry;
}

// The last prefix cut, for the folded text and for the original: a rule runs all its
// entries over one zone, and a fresh slice apiece was the engine's most common garbage.
const prefixes = [
  { haystack: '', to: -1, scope: '' },
  { haystack: '', to: -1, scope: '' },
];

/**
 * The haystack up to one character past the zone: exec does not stop at `to` by itself,
 * and the extra character keeps the word-boundary lookahead honest.
 */
function prefix(haystack: string, to: number, exact: boolean): string {
  if (to + 1 >= haystack.length) return haystack;
  const last = prefixes[exact ? 1 : 0];
  if (last.to !== to || last.haystack !== haystack) {
    last.haystack = haystack;
    last.to = to;
    last.scope = haystack.slice(0, to + 1);
  }
  return last.scope;
}

/**
 * Matches of an entry inside [from, to); `text` is the original, `folded` its folded copy.
 * They are appended to `out` when given: the rules call this for hundreds of entries per
 * reply, most of which match nothing, and an array apiece is garbage for the collector.
 */
export function matchEntry(
  entry: PhraseEntry,
  text: string,
  folded: string,
  from: number,
  to: number,
  out: EntryMatch[] = [],
  sentences?: readonly Span[],
): EntryMatch[] {
  if (entry.construction) return matchConstruction(entry, entry.construction, text, folded, from, to, out, sentences);
  const haystack = entry.exact ? text : folded;
  const regex = entry.phrase.regex;
  // Literals are looked for in the prefix too, so that a search never runs past the zone:
  // rules ask sentence by sentence, and a search to the end of a long reply per sentence
  // would make it quadratic.
  const scope = prefix(haystack, to, entry.exact);
  if (!mayMatch(entry.phrase, haystack, from, to, scope)) return out;
  if (regex instanceof LinearRegex) return matchLinear(entry, regex, scope, folded, from, to, out);
  regex.lastIndex = from;
  let m: RegExpExecArray | null;
  const bounds = entry.phrase.boundaries;
  let ahead: LiteralsAhead | undefined;
  // After a match, exec again only where a literal is still ahead: besides saving the
  // call, a regex run a second time is compiled to machine code, which a one-match
  // phrase never needs. The first time that is one search (most phrases match once in a
  // reply); after a second match, a table of where each literal is next, so that a long
  // reply's many matches cost a pass per literal.
  const literalAhead = (at: number) =>
    ahead
      ? ahead.within(at, to)
      : mayMatch(entry.phrase, haystack, at, to, scope) && (ahead = new LiteralsAhead(entry.phrase, scope, at, haystack)) !== undefined;
  while ((regex.lastIndex === from || literalAhead(regex.lastIndex)) && (m = regex.exec(scope)) !== null && m.index < to) {
    const end = m.index + m[0].length;
    const bounded = !bounds || ((!bounds.before || !isWordAt(folded, m.index - 1)) && (!bounds.after || !isWordAt(folded, end)));
    if (end <= to && m[0].length > 0 && bounded) out.push({ start: m.index, end, entry });
    if (m[0].length === 0) regex.lastIndex++;
  }
  return out;
}

/** matchEntry for a pattern of a user's, on RE2 (linear-regex.ts). */
function matchLinear(entry: PhraseEntry, regex: LinearRegex, haystack: string, folded: string, from: number, to: number, out: EntryMatch[]): EntryMatch[] {
  const bounds = entry.phrase.boundaries;
  for (const m of regex.matches(haystack, from, to)) {
    if (bounds && ((bounds.before && isWordAt(folded, m.start - 1)) || (bounds.after && isWordAt(folded, m.end)))) continue;
    out.push({ start: m.start, end: m.end, entry });
  }
  return out;
}

/**
 * Matches of a construction in [from, to): a sentence (of `sentences`, in order; the whole
 * zone without them) holding every phrase of `all` (in order, if `ordered`) and none of
 * `none`, reported from the first phrase's start to the last's end. Each phrase is found
 * once in the zone, and the sentences are walked with a pointer into each phrase's
 * matches, so a long reply costs a pass, not a pass per sentence.
 */
function matchConstruction(
  entry: PhraseEntry,
  c: Construction,
  text: string,
  folded: string,
  from: number,
  to: number,
  out: EntryMatch[],
  sentences?: readonly Span[],
): EntryMatch[] {
  const found: EntryMatch[][] = [];
  for (const part of c.all) {
    const matches = matchEntry(part, text, folded, from, to);
    if (!matches.length) return out; // one part missing anywhere: none of the sentences has all
    found.push(matches);
  }
  const excluded = c.none.map((part) => matchEntry(part, text, folded, from, to));
  const next = found.map(() => 0);
  const nextExcluded = excluded.map(() => 0);
  for (const sentence of sentences ?? [{ start: from, end: to }]) {
    if (sentence.end <= from) continue;
    if (sentence.start >= to) break;
    const lo = Math.max(sentence.start, from);
    const hi = Math.min(sentence.end, to);
    let blocked = false;
    excluded.forEach((matches, k) => {
      while (nextExcluded[k] < matches.length && matches[nextExcluded[k]].start < lo) nextExcluded[k]++;
      const m = matches[nextExcluded[k]];
      if (m && m.start < hi) blocked = true;
    });
    let start = Infinity;
    let end = -1;
    let cursor = lo;
    for (let k = 0; k < found.length && !blocked; k++) {
      const matches = found[k];
      while (next[k] < matches.length && matches[next[k]].start < lo) next[k]++;
      // The first match in the sentence (after the one before it, if ordered) that ends in it.
      let j = next[k];
      while (j < matches.length && matches[j].start < hi && (matches[j].end > hi || (c.ordered && matches[j].start < cursor))) j++;
      if (j >= matches.length || matches[j].start >= hi) blocked = true;
      else {
        start = Math.min(start, matches[j].start);
        end = Math.max(end, matches[j].end);
        cursor = matches[j].end;
      }
    }
    if (!blocked) out.push({ start, end, entry });
  }
  return out;
}
