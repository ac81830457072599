// How English, Czech and Slovak address a person by a title (rules/language/titles.yaml):
// the honorifics that stand before any name (pane, paní, pán, Mr) and the titles a degree
// in the customer's name field gives ("Ing. Petr Novák": "pane inženýre", "pán
// inžinier"). Read on first use: by a salutation, so only for replies whose customer is
// known (issue 17).
import type { Schema } from '../config/validate.js';
import { fold } from '../text/fold.js';
import type { Language } from '../types.js';
import { languageFile, onLanguageFilesChanged } from './data.js';

export type Gender = 'man' | 'woman';
const GENDERS: readonly Gender[] = ['man', 'woman'];

interface Forms {
  man?: string[];
  woman?: string[];
  /** Czech nominatives, the wrong case in an address, and the word to write instead. */
  nominative?: Record<string, string>;
}
interface TitleEntry {
  degrees?: string[];
  en?: Forms;
  cs?: Forms;
  sk?: Forms;
}

const WORDS: Schema = { type: 'list', of: { type: 'string', pattern: /^[^\s\d.,;:!?]+$/, patternHint: 'one word, as it is written in a greeting' } };
const FORMS: Schema = {
  type: 'object',
  fields: { man: WORDS, woman: WORDS, nominative: { type: 'map', values: { type: 'string', pattern: /^[^\s\d.,;:!?]+$/, patternHint: 'one word' } } },
};
/** The shape of titles.yaml, checked with positions by the build (scripts/bundle-rules.mjs). */
export const TITLES_SCHEMA: Schema = {
  type: 'object',
  fields: {
    titles: {
      type: 'list',
      required: true,
      of: {
        type: 'object',
        fields: {
          degrees: { type: 'list', of: { type: 'string', pattern: /^[^\s\d,]+(?: [^\s\d,]+)*$/, patternHint: 'an abbreviation, such as "Ing." or "Ph.D."' } },
          en: FORMS,
          cs: FORMS,
          sk: FORMS,
        },
      },
    },
  },
};

/** A word of a salutation read as a title, in a reply's language. */
export interface TitleReading {
  /** Which title (its place in titles.yaml): the same title in every language. */
  title: number;
  gender: Gender;
  /**
   * `ok`: how the reply's language addresses; `wrong-case`: a Czech nominative;
   * `other-language`: the Slovak form in a Czech reply, or the Czech in a Slovak one.
   */
  status: 'ok' | 'wrong-case' | 'other-language';
  /** The word to write instead, with its diacritics, where the status is not ok. */
  expected?: string;
}

interface Tables {
  /** Per reply language, the readings of a word: as written (lower case) first, then folded. */
  readings: Record<Language, { exact: Map<string, TitleReading>; folded: Map<string, TitleReading> }>;
  /** Every title word of every language, folded: never a name in a salutation. */
  words: Set<string>;
  /** A degree as the name field writes it (folded, without dots and spaces) → its title. */
  degrees: Map<string, number>;
  entries: TitleEntry[];
}

let tables: Tables | undefined;
onLanguageFilesChanged(() => {
  tables = undefined;
});

const OTHER: Record<Language, Language | undefined> = { en: undefined, cs: 'sk', sk: 'cs' };
/** A degree as compared: "Ph.D.", "PhD" and "Ing. arch." as "phd" and "ingarch". */
export const degreeKey = (written: string): string => fold(written).replace(/[.\s]/g, '');

function entriesOf(value: unknown): TitleEntry[] {
  const list = value !== null && typeof value === 'object' ? (value as { titles?: unknown }).titles : undefined;
  if (!Array.isArray(list) || !list.every((e) => e !== null && typeof e === 'object'))
    throw new Error('rules/language/titles.yaml: "titles" must be a list of titles, each with its words per language');
  return list as TitleEntry[];
}

function build(): Tables {
  const entries = entriesOf(languageFile('titles'));
  const words = new Set<string>();
  const degrees = new Map<string, number>();
  const readings = {} as Tables['readings'];
  for (const language of ['en', 'cs', 'sk'] as const) {
    const exact = new Map<string, TitleReading>();
    const folded = new Map<string, TitleReading>();
    // First come first: what the reply's language says of a word outranks what the other says.
    const put = (word: string, reading: TitleReading) => {
      if (!exact.has(word.toLowerCase())) exact.set(word.toLowerCase(), reading);
      if (!folded.has(fold(word))) folded.set(fold(word), reading);
    };
    const other = OTHER[language];
    // Four passes, in the order a word is read: the language's own address words, its
    // nominatives, the other language's address words as written, then folded. A Czech
    // "pán" (Slovak) is other-language, "pan" a Czech nominative; a Slovak "paní" is "pani".
    for (const [title, entry] of entries.entries())
      for (const gender of GENDERS) for (const word of entry[language]?.[gender] ?? []) put(word, { title, gender, status: 'ok' });
    for (const [title, entry] of entries.entries()) {
      for (const [word, expected] of Object.entries(entry[language]?.nominative ?? {})) {
        const gender = GENDERS.find((g) => entry[language]?.[g]?.includes(expected)) ?? 'man';
        put(word, { title, gender, status: 'wrong-case', expected });
      }
    }
    if (other) {
      for (const [title, entry] of entries.entries()) {
        for (const gender of GENDERS) {
          const expected = entry[language]?.[gender]?.[0];
          if (!expected) continue;
          for (const word of entry[other]?.[gender] ?? [])
            if (!exact.has(word.toLowerCase())) exact.set(word.toLowerCase(), { title, gender, status: 'other-language', expected });
          for (const word of entry[other]?.[gender] ?? [])
            if (!folded.has(fold(word))) folded.set(fold(word), { title, gender, status: 'other-language', expected });
        }
      }
    }
    readings[language] = { exact, folded };
    for (const word of folded.keys()) words.add(word);
  }
  for (const [title, entry] of entries.entries()) for (const d of entry.degrees ?? []) degrees.set(degreeKey(d), title);
  return { readings, words, degrees, entries };
}

const current = (): Tables => (tables ??= build());

/** Every language's title words (folded): a salutation never takes one for a name. */
export const titleWords = (): ReadonlySet<string> => current().words;

/**
 * A salutation word as a title in a reply's language, or undefined when it is none. A
 * word the language writes as it is, or folded (typed without diacritics), is `ok`; the
 * exact spelling decides between a Czech nominative and the Slovak form ("pan", "pán").
 */
export function readTitle(word: string, language: Language): TitleReading | undefined {
  const { exact, folded } = current().readings[language];
  const asWritten = exact.get(word.toLowerCase());
  const byFold = folded.get(fold(word));
  // The language's own reading of the folded word outranks another language's exact one:
  // "paní" in a Slovak reply is "pani" typed with a Czech accent, not a Czech address.
  if (asWritten && (asWritten.status !== 'other-language' || byFold?.status !== 'ok')) return asWritten;
  return byFold;
}

/** The title a degree of the name field gives ("Ing.", "PhD"), or undefined for a word that is no degree. */
export function degreeTitle(written: string): number | undefined {
  return current().degrees.get(degreeKey(written));
}

/** Whether a title addresses anyone (Bc. and MBA give no address). */
export function addressesBy(title: number): boolean {
  const entry = current().entries[title];
  return GENDERS.some((g) => entry.en?.[g]?.length || entry.cs?.[g]?.length || entry.sk?.[g]?.length);
}

/** How a language addresses by a title: the first word per gender (none where it does not). */
export function titleAddress(title: number, language: Language): Partial<Record<Gender, string>> {
  const forms = current().entries[title]?.[language];
  return { man: forms?.man?.[0], woman: forms?.woman?.[0] };
}

/** The first honorific of a language for a gender ("pane", "paní", "pán"): what a fix puts before a surname. */
export function honorific(language: Language, gender: Gender): string | undefined {
  return current().entries.find((e) => !e.degrees)?.[language]?.[gender]?.[0];
}
