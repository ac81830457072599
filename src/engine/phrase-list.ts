// Per-language phrase lists as rule files write them, compiled once per run.
import { ConfigError } from '../config/errors.js';
import type { Schema } from '../config/validate.js';
import type { Path } from '../config/yaml-source.js';
import { isWordAt } from '../text/fold.js';
import { LinearRegex } from './linear-regex.js';
import type { Language } from '../types.js';
import { compilePhrase, compileRawRegex, LiteralsAhead, mayMatch, PhraseError, type Phrase, type Span } from './phrase.js';

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
}

const ENTRY_FIELDS = {
  match: { type: 'string' },
  regex: { type: 'string' },
  replace: { type: 'string' },
  message: { type: 'string' },
  exact: { type: 'boolean' },
  start: { type: 'boolean' },
  html: { type: 'boolean' },
} as const satisfies Record<string, Schema>;

export const PHRASE_LIST_SCHEMA: Schema = {
  type: 'map',
  keys: ['en', 'cs', 'sk', 'any'],
  values: {
    type: 'list',
    of: {
      type: 'any-of',
      describe: 'a phrase, or a mapping with "match" (or "regex") and optional "replace", "message", "exact", "start"',
      options: [{ type: 'string' }, { type: 'object', fields: ENTRY_FIELDS }],
    },
  },
};

type RawEntry = string | { match?: string; regex?: string; replace?: string; message?: string; exact?: boolean; start?: boolean; html?: boolean };

export type Locate = (path: Path) => { file: string; line: number; column: number };

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
    private readonly locate: Locate,
    /** Built-in rules' own lists: their phrases run on V8, checked at build time. */
    private readonly trusted: boolean,
  ) {}

  get(lang: Language | 'any'): PhraseEntry[] {
    let entries = this.compiled.get(lang);
    if (!entries) {
      entries = (this.raw[lang] ?? []).map((entry, i) => compileEntry(entry, [...this.path, lang, i], this.locate, this.trusted));
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

  /** Entries that do not come from the rule file (a team's vocabulary). */
  add(lang: Language | 'any', entries: PhraseEntry[]): void {
    this.extra.set(lang, [...(this.extra.get(lang) ?? []), ...entries]);
    this.compiled.delete(lang);
    this.combined.clear();
  }

  languages(): (Language | 'any')[] {
    return [...new Set([...Object.keys(this.raw), ...this.extra.keys()])] as (Language | 'any')[];
  }

  compileAll(): this {
    for (const lang of this.languages()) this.get(lang);
    return this;
  }
}

/** `trusted`: a built-in rule's own lists (or, given a function, whether the list at `path` is). */
export function compilePhraseLists(raw: Record<string, RawEntry[]> | undefined, path: Path, locate: Locate, trusted: boolean | ((path: Path) => boolean) = false): PhraseLists {
  const own = typeof trusted === 'function' ? trusted(path) : trusted;
  const lists = new PhraseLists(raw ?? {}, path, locate, own);
  return own ? lists : lists.compileAll();
}

export function compileEntry(entry: RawEntry, path: Path, locate: Locate, trusted = false): PhraseEntry {
  const e = typeof entry === 'string' ? { match: entry } : entry;
  if ((e.match === undefined) === (e.regex === undefined)) {
    throw new ConfigError('a phrase entry needs exactly one of "match" or "regex"', locate(path), 'write "match: <phrase>" for a phrase, or "regex: <pattern>" for a raw regex');
  }
  try {
    const phrase = e.regex !== undefined ? compileRawRegex(e.regex, { trusted }) : compilePhrase(e.match!, { exact: e.exact, trusted });
    return { phrase, exact: e.exact ?? false, start: e.start ?? false, html: e.html ?? false, replace: e.replace, message: e.message };
  } catch (err) {
    if (err instanceof PhraseError) {
      throw new ConfigError(`bad phrase "${err.phrase}": ${err.message}`, locate(path), 'phrases use words, * for endings, (a|b), [optional], ... and {num}; see README "Writing a rule"');
    }
    throw err;
  }
}

export function entriesFor(lists: PhraseLists | undefined, language: Language): PhraseEntry[] {
  return lists ? lists.forLanguage(language) : [];
}

/** Every language's entries: for checks that should not depend on detection. */
export function allEntries(lists: PhraseLists | undefined): PhraseEntry[] {
  return lists ? lists.languages().flatMap((lang) => lists.get(lang)) : [];
}

export interface EntryMatch extends Span {
  entry: PhraseEntry;
}

// The last prefix cut, for the folded text and for the original: a rule runs all its
// entries over one zone, and a fresh slice apiece was the engine's most common garbage.
const prefixes = [{ haystack: '', to: -1, scope: '' }, { haystack: '', to: -1, scope: '' }];

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
export function matchEntry(entry: PhraseEntry, text: string, folded: string, from: number, to: number, out: EntryMatch[] = []): EntryMatch[] {
  const haystack = entry.exact ? text : folded;
  const regex = entry.phrase.regex;
  // Literals are looked for in the prefix too, so that a search never runs past the zone:
  // rules ask sentence by sentence, and a search to the end of a long reply per sentence
  // would make it quadratic.
  const scope = prefix(haystack, to, entry.exact);
  if (!mayMatch(entry.phrase, scope, from, to)) return out;
  if (regex instanceof LinearRegex) return matchLinear(entry, regex, scope, folded, from, to, out);
  regex.lastIndex = from;
  let m: RegExpExecArray | null;
  const bounds = entry.phrase.boundaries;
  let ahead: LiteralsAhead | undefined;
  // After a match, exec again only where a literal is still ahead: besides saving the
  // call, a regex run a second time is compiled to machine code, which a one-match
  // phrase never needs.
  while ((regex.lastIndex === from || (ahead ??= new LiteralsAhead(entry.phrase, scope, from)).within(regex.lastIndex, to)) && (m = regex.exec(scope)) !== null && m.index < to) {
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
