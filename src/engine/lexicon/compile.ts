// The jargon lexicon as data (rules/lexicons/*.yaml), validated and compiled into the
// compact form the matcher reads: one entry per written form, an index from a key (a
// folded word, a stem, or a pair of words) to the forms it may start, and the keys for
// the hash table (hash.ts) that tells, per token, whether the lexicon is worth loading.
//
// A form is words separated by spaces or hyphens. A word ends in "*" for any letters
// after it (a Czech or Slovak stem: "eskal*"), or in "+" for the language's inflectional
// endings only (rules/lexicons/inflection.yaml: "backend+" is backendu, backendem…, and
// "merge+" is mergnout, mergnul… with the final e dropped). Forms match folded text
// (case and diacritics ignored) unless the term is `exact` (acronyms: "ETA", not "eta").
import { ConfigError } from '../../config/errors.js';
import { validate, type Schema } from '../../config/validate.js';
import type { Path, YamlSource } from '../../config/yaml-source.js';
import { fold } from '../../text/fold.js';
import { LANGUAGES, type Language } from '../../types.js';
import { KEY } from './hash.js';

/** How a word of a form matches a token. */
export const WHOLE = 0;
export const STEM = 1;
export const INFLECTED = 2;
export type WordMode = typeof WHOLE | typeof STEM | typeof INFLECTED;

/** A word of a compiled form: its text (folded, or as written for an exact term) and how it matches. */
export type FormWord = [text: string, mode: WordMode];

export interface CompiledForm {
  /** The words, in order. */
  w: FormWord[];
  /** Languages it applies to: bit 1 en, 2 cs, 4 sk. */
  l: number;
  /** Case-sensitive (an acronym). */
  x?: 1;
  /** The concept (plain alternatives, domain) it belongs to. */
  c: number;
  /** Which word the index keys it by. */
  a: number;
  /** Folded tokens this form never matches (Czech words a stem or an ending would reach). */
  e?: string[];
}

export interface CompiledConcept {
  /** Plain alternatives: en, cs, sk ("" where the concept has no form in that language). */
  p: [string, string, string];
  /** Index into `domains`. */
  d: number;
  /** The first form as written, for reports and `audit --vocabulary`. */
  t: string;
}

export interface CompiledLexicon {
  domains: string[];
  concepts: CompiledConcept[];
  forms: CompiledForm[];
  /** Key → forms: "word", "stem*" or "word word". */
  index: Record<string, number[]>;
  /** Folded endings a "+" word takes, per language. */
  endings: Record<Language, string[]>;
  /** Folded verbal prefixes a Czech or Slovak "+" word may take ("za" in zamergovat). */
  prefixes: string[];
  /** Acronyms customers know, folded (also in the key table; kept for the audit). */
  knownAcronyms: string[];
  /** What to say instead of an unknown acronym, per language. */
  acronymHint: Record<Language, string>;
}

/** What the build derives from registry packages (scripts/build-lexicon.mjs); all optional. */
export interface DerivedLists {
  /** Common English words, most frequent first (folded). */
  englishWords?: string[];
  /** Common Czech words, most frequent first (folded). */
  czechWords?: string[];
  /**
   * Slovak words of ACRONYM_MIN to ACRONYM_MAX letters (folded), from a spelling
   * dictionary (every inflected form, no ranking): in capitals they are shouting, not
   * acronyms ("ŽIAĽ", "NIE"). Short words only: that is all they are used for.
   */
  slovakWords?: string[];
  /** Acronyms customers know from other sources (currency codes, company names). */
  knownAcronyms?: string[];
}

export const LANGUAGE_BIT: Record<Language, number> = { en: 1, cs: 2, sk: 4 };

/** Words of at most this many letters in capitals may be acronyms; common words among them are put in the key table. */
export const ACRONYM_MAX = 5;
export const ACRONYM_MIN = 3;

const FORMS: Schema = { type: 'any-of', describe: 'a term, or a list of terms', options: [{ type: 'string' }, { type: 'list', of: { type: 'string' } }] };
const PLAIN: Schema = { type: 'map', keys: LANGUAGES, values: { type: 'string' } };

const TERM_FILE: Schema = {
  type: 'object',
  fields: {
    domain: { type: 'string', required: true },
    description: { type: 'string' },
    languages: { type: 'list', of: { type: 'enum', values: LANGUAGES } },
    terms: {
      type: 'list',
      required: true,
      of: {
        type: 'object',
        fields: {
          en: FORMS,
          cs: FORMS,
          sk: FORMS,
          any: FORMS,
          exact: { type: 'boolean' },
          plain: { ...PLAIN, required: true },
          except: { type: 'list', of: { type: 'string' } },
          note: { type: 'string' },
        },
      },
    },
  },
};

const INFLECTION_FILE: Schema = {
  type: 'object',
  fields: {
    description: { type: 'string' },
    endings: { type: 'map', keys: LANGUAGES, values: { type: 'list', of: { type: 'string' } }, required: true },
    prefixes: { type: 'list', of: { type: 'string' } },
  },
};

const ACRONYM_FILE: Schema = {
  type: 'object',
  fields: {
    description: { type: 'string' },
    known: { type: 'list', of: { type: 'string' }, required: true },
    hint: { ...PLAIN, required: true },
  },
};

interface RawTerm {
  en?: string | string[];
  cs?: string | string[];
  sk?: string | string[];
  any?: string | string[];
  exact?: boolean;
  plain: Partial<Record<Language, string>>;
  except?: string[];
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** A form's words as written: split on spaces and hyphens. */
function splitForm(form: string): string[] {
  return form.split(/[ -]+/).filter(Boolean);
}

/** Parse one written word ("backend+", "eskal*", "ETA") or say why it cannot be one. */
function parseWord(raw: string, exact: boolean): FormWord | string {
  const last = raw[raw.length - 1];
  const mode: WordMode = last === '*' ? STEM : last === '+' ? INFLECTED : WHOLE;
  const body = mode === WHOLE ? raw : raw.slice(0, -1);
  const folded = fold(body);
  if (!folded.length || ![...folded].every((c) => isWordChar(c.charCodeAt(0))))
    return `"${raw}" is not a word: write letters and digits, ending in * (any ending) or + (inflection) if it inflects`;
  if (mode !== WHOLE && folded.length < 3) return `"${raw}": a stem needs three letters or more`;
  if (exact && mode === STEM) return `"${raw}": an exact term (an acronym) takes "+" for a plural, not "*"`;
  return [exact ? body : folded, mode];
}

/** The key of a word in the index: its folded text, "stem*" for a stem (a "+" word ending in e drops it: merge+ → merg*). */
export function wordKey([text, mode]: FormWord): string {
  const folded = fold(text);
  if (mode === WHOLE) return folded;
  return `${mode === INFLECTED && folded.endsWith('e') ? folded.slice(0, -1) : folded}*`;
}

/**
 * Rank of a word in a frequency list (lower: more common); unknown words are rare. With
 * `stem`, the rank of the commonest word it begins: "zásilk*" is as common as "zásilka".
 */
type Rank = (word: string, stem?: boolean) => number;

/**
 * The keys a form is indexed by: its rarest word, so that a common word ("as" in "as
 * per", "order" in "service order+") does not make every reply load the lexicon. A stem
 * or an inflected word is as common as its stem; a word of four characters or fewer
 * ("ref", "repo", "L2") counts as common whatever the list says (subtitles do not know
 * support's abbreviations). When every word is common and the first is a whole word, the form
 * is indexed by its first two words as pairs of whole tokens: one pair per ending when
 * the second word inflects ("build number", "build numbers").
 */
function anchor(words: FormWord[], rank: Rank, endings: readonly string[]): { a: number; keys: string[] } {
  if (words.length === 1) return { a: 0, keys: [wordKey(words[0])] };
  let best = 0;
  let bestRank = -2;
  words.forEach((w, i) => {
    const folded = fold(w[0]);
    const r = folded.length <= 4 ? -1 : rank(w[1] === WHOLE ? folded : wordKey(w).slice(0, -1), w[1] !== WHOLE);
    if (r > bestRank) {
      best = i;
      bestRank = r;
    }
  });
  const [first, second] = words;
  if (bestRank >= COMMON_RANK || first[1] !== WHOLE || second[1] === STEM) return { a: best, keys: [wordKey(words[best])] };
  const head = wordKey(first);
  if (second[1] === WHOLE) return { a: 0, keys: [`${head} ${wordKey(second)}`] };
  const text = fold(second[0]);
  const stem = wordKey(second).slice(0, -1);
  const tails = new Set<string>();
  for (const ending of endings) {
    tails.add(text + ending);
    if (ending && stem !== text) tails.add(stem + ending);
  }
  return { a: 0, keys: [...tails].map((t) => `${head} ${t}`) };
}

/** A word ranked above this in its language's frequency list is too common to key the index alone. */
const COMMON_RANK = 10000;

export interface LexiconInput {
  terms: YamlSource[];
  inflection: YamlSource;
  acronyms: YamlSource;
}

export interface CompileResult {
  lexicon: CompiledLexicon;
  /** Keys of the hash table with their flags. */
  keys: [string, number][];
  /** Forms a stem would take that are common Czech words, dropped (for the build's log). */
  dropped: string[];
}

/**
 * Compile the lexicon files. `derived` supplies frequency lists (for keys and for the
 * Czech words an inflected English stem must not take) and more known acronyms; without
 * it (a lexicon edited since the build, read at run time) the lexicon still works.
 */
export function compileLexicon(input: LexiconInput, derived: DerivedLists = {}, trusted = false): CompileResult {
  if (!trusted) {
    validate(input.inflection, INFLECTION_FILE);
    validate(input.acronyms, ACRONYM_FILE);
  }
  const inflection = input.inflection.value as { endings: Record<Language, string[]>; prefixes?: string[] };
  const acronymFile = input.acronyms.value as { known: string[]; hint: Record<Language, string> };
  const englishRank = rankOf(derived.englishWords);
  const czechRank = rankOf(derived.czechWords);
  const czechWords = new Set(derived.czechWords ?? []);
  const endings = Object.fromEntries(LANGUAGES.map((l) => [l, [...new Set(['', ...(inflection.endings[l] ?? []).map(fold)])]])) as Record<Language, string[]>;

  const domains: string[] = [];
  const concepts: CompiledConcept[] = [];
  const forms: CompiledForm[] = [];
  const index: Record<string, number[]> = Object.create(null);
  const dropped: string[] = [];

  for (const source of input.terms) {
    if (!trusted) validate(source, TERM_FILE);
    const file = source.value as { domain: string; languages?: Language[]; terms: RawTerm[] };
    const fileLanguages = file.languages ?? [...LANGUAGES];
    let domain = domains.indexOf(file.domain);
    if (domain < 0) domain = domains.push(file.domain) - 1;
    file.terms.forEach((term, i) => {
      const where = (path: Path) => source.locate(['terms', i, ...path]);
      const exact = term.exact ?? false;
      const byLanguage = new Map<Language, string[]>();
      for (const lang of fileLanguages) byLanguage.set(lang, [...list(term[lang]), ...list(term.any)]);
      for (const lang of LANGUAGES) {
        if (!fileLanguages.includes(lang) && list(term[lang]).length)
          throw new ConfigError(
            `"${lang}" forms in a lexicon for ${fileLanguages.join(', ')} only`,
            where([lang]),
            'add the language to the file\'s "languages", or remove the forms',
          );
      }
      const languages = fileLanguages.filter((l) => byLanguage.get(l)!.length);
      if (!languages.length)
        throw new ConfigError(
          'a lexicon term needs a form: "en", "cs", "sk" or "any"',
          where([]),
          'write the term as staff write it, e.g. { en: backend, cs: backend+, plain: {…} }',
        );
      for (const lang of languages) {
        if (!term.plain[lang])
          throw new ConfigError(
            `the term has ${lang} forms but no plain ${lang} alternative`,
            where(['plain']),
            `add plain.${lang}: what a customer would understand instead`,
          );
      }
      const except = new Set((term.except ?? []).map(fold));
      const c = concepts.push({ p: [term.plain.en ?? '', term.plain.cs ?? '', term.plain.sk ?? ''], d: domain, t: byLanguage.get(languages[0])![0] }) - 1;
      // The same written form in several languages is one compiled form with their bits.
      const byText = new Map<string, number>();
      for (const lang of languages) {
        for (const written of byLanguage.get(lang)!) {
          const id = byText.get(written);
          if (id !== undefined) {
            forms[id].l |= LANGUAGE_BIT[lang];
            // Pairs keyed per ending: this language's endings too.
            const rank: Rank = (w, stem) => Math.min(czechRank(w, stem), englishRank(w, stem));
            for (const key of anchor(forms[id].w, rank, endings[lang]).keys) if (!(index[key] ??= []).includes(id)) index[key].push(id);
            continue;
          }
          const words: FormWord[] = [];
          for (const raw of splitForm(written)) {
            const word = parseWord(raw, exact);
            if (typeof word === 'string')
              throw new ConfigError(
                `bad lexicon term "${written}": ${word}`,
                where([term[lang] !== undefined ? lang : 'any']),
                'see the comment at the top of the lexicon files',
              );
            words.push(word);
          }
          if (!words.length) throw new ConfigError('an empty lexicon term', where([lang]));
          // A word is common or rare in the text a form is looked for in: "exception" is
          // everyday English but rare in a Czech reply, where it keys "zásilka má exception".
          // Slovak has no frequency list at build: a Slovak word ranks as its Czech cognate
          // ("zásielk*" as "zásilk*", "objednávk*" as itself), or it would key a form as rare.
          const rank: Rank = (w, stem) =>
            lang === 'en' ? englishRank(w, stem) : lang === 'cs' ? czechRank(w, stem) : Math.min(czechRank(w, stem), czechRank(czechCognate(w), stem));
          const { a, keys: formKeys } = anchor(words, rank, endings[lang]);
          const form: CompiledForm = { w: words, l: LANGUAGE_BIT[lang], c, a };
          if (exact) form.x = 1;
          form.e = [...except];
          byText.set(written, forms.push(form) - 1);
          for (const key of formKeys) (index[key] ??= []).push(forms.length - 1);
        }
      }
    });
  }
  // A Czech or Slovak "+" form must not reach a Czech word: "case+" would read "časem" (case + em, folded).
  for (const form of forms) {
    if (!(form.l & (LANGUAGE_BIT.cs | LANGUAGE_BIT.sk)) || form.w.length !== 1 || form.w[0][1] !== INFLECTED || form.x) continue;
    const stem = wordKey(form.w[0]).slice(0, -1);
    const full = fold(form.w[0][0]);
    for (const ending of new Set([...endings.cs, ...endings.sk])) {
      for (const word of [full + ending, ending ? stem + ending : full]) {
        if (czechWords.has(word) && !form.e!.includes(word)) {
          form.e!.push(word);
          dropped.push(word);
        }
      }
    }
  }
  for (const form of forms) if (!form.e!.length) delete form.e;

  const knownAcronyms = [...new Set([...acronymFile.known, ...(derived.knownAcronyms ?? [])].map(fold))];
  const keys: [string, number][] = [];
  // Each key says which languages' forms it starts: an English reply with "update" does
  // not load the lexicon for the Czech borrowing.
  for (const [key, ids] of Object.entries(index)) {
    let flags: number = KEY.lexicon;
    for (const id of ids) {
      const l = forms[id].l;
      if (l & LANGUAGE_BIT.en) flags |= KEY.lexiconEn;
      if (l & LANGUAGE_BIT.cs) flags |= KEY.lexiconCs;
      if (l & LANGUAGE_BIT.sk) flags |= KEY.lexiconSk;
    }
    keys.push([key, flags]);
  }
  for (const a of knownAcronyms) keys.push([a, KEY.knownAcronym]);
  for (const w of derived.englishWords ?? []) if (w.length >= ACRONYM_MIN && w.length <= ACRONYM_MAX) keys.push([w, KEY.englishWord]);
  for (const w of derived.czechWords ?? []) if (w.length >= ACRONYM_MIN && w.length <= ACRONYM_MAX) keys.push([w, KEY.czechWord]);
  for (const w of derived.slovakWords ?? []) if (w.length >= ACRONYM_MIN && w.length <= ACRONYM_MAX) keys.push([w, KEY.slovakWord]);
  const lexicon: CompiledLexicon = {
    domains,
    concepts,
    forms,
    index,
    endings,
    prefixes: (inflection.prefixes ?? []).map(fold),
    knownAcronyms,
    acronymHint: acronymFile.hint,
  };
  return { lexicon, keys, dropped };
}

/** A folded Slovak word spelt as its Czech cognate usually is: "zasielka" → "zasilka", "poziadavka" → "pozadavka". */
function czechCognate(word: string): string {
  return word
    .replace(/ie/g, 'i')
    .replace(/ia/g, 'a')
    .replace(/ou(?=[a-z])/g, 'u');
}

function rankOf(words: readonly string[] | undefined): Rank {
  const ranks = new Map<string, number>();
  (words ?? []).forEach((w, i) => {
    if (!ranks.has(w)) ranks.set(w, i);
  });
  // For stems: the words in alphabetical order, to find those a stem begins by binary search.
  const sorted = [...ranks.keys()].sort();
  return (w, stem) => {
    if (!stem) return ranks.get(w) ?? Infinity;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < w) lo = mid + 1;
      else hi = mid;
    }
    let best = Infinity;
    for (let i = lo; i < sorted.length && sorted[i].startsWith(w); i++) best = Math.min(best, ranks.get(sorted[i])!);
    return best;
  };
}
