// What replylint knows of each language beyond the rules' phrase lists (valedictions,
// salutation words, titles, the words that tell the languages apart, lead-ins, condition
// words, the function words the morphology reads) lives in YAML beside the rules,
// rules/language/*.yaml, where the people who maintain the rules read and extend it.
// The build checks them and bundles them with the rule files (scripts/bundle-rules.mjs);
// a file edited since is read from its YAML.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { LanguageHelper } from './types.js';

export const LANGUAGE_FILES = ['en', 'cs', 'sk', 'cs-sk'] as const;
export type LanguageFile = (typeof LANGUAGE_FILES)[number];
/** The language files: those of word lists, and titles.yaml (how each language addresses by a title: titles.ts). */
export type DataFile = LanguageFile | 'titles';

/** What the Czech and Slovak tagging reads (cs-sk.yaml, under `grammar:`). */
export const SLAVIC_GRAMMAR = [
  'prepositions',
  'notYou',
  'youModals',
  'bePast',
  'firstPersonAux',
  'conditions',
  'subordinators',
  'notOurs',
  'futureAux',
  'notPast',
] as const;
/** What the English tagging reads (en.yaml, under `grammar:`); en-grammar.ts reads notAStepOpener besides. */
export const ENGLISH_GRAMMAR = ['be', 'modals', 'conditions', 'movers', 'subordinators'] as const;
const HELPER_KEYS = ['valedictions', 'salutationWords', 'titles', 'detectionWords', 'leadIns', 'conditionWords'];
const grammar = (keys: readonly string[]) => keys.map((k) => `grammar.${k}`);

/** The lists each file holds, by key ("grammar.notYou" inside `grammar:`): what the build checks. */
export const LANGUAGE_KEYS: Record<LanguageFile, readonly string[]> = {
  en: [...HELPER_KEYS, ...grammar([...ENGLISH_GRAMMAR, 'notAStepOpener'])],
  cs: HELPER_KEYS,
  sk: HELPER_KEYS,
  'cs-sk': grammar(SLAVIC_GRAMMAR),
};

export const languageFilePath = (name: DataFile) => fileURLToPath(new URL(`../../rules/language/${name}.yaml`, import.meta.url));

// The build's copy of a file, when it is current (config/builtin-bundle.ts hands it over,
// from builtin-rules.json, which a run reads anyway); else the file is read from its YAML.
let built: ((name: DataFile) => unknown) | undefined;
const files = new Map<DataFile, unknown>();

/** Take the language files from the build's bundle: `lookup` gives a file's value, or undefined when it was edited since. */
export function useBuiltLanguageFiles(lookup: (name: DataFile) => unknown): void {
  built = lookup;
  files.clear();
  for (const forget of derived) forget();
}

// What modules made of the lists (sets, lookups), dropped when the files are replaced.
const derived: (() => void)[] = [];
/** Call `forget` when the language files are replaced: a module drops what it made of them. */
export function onLanguageFilesChanged(forget: () => void): void {
  derived.push(forget);
}

/** A language file's value, from the build's bundle while it is current, else from its YAML. */
export function languageFile(name: DataFile): unknown {
  if (files.has(name)) return files.get(name);
  let value = built?.(name);
  if (value === undefined) {
    const path = languageFilePath(name);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new Error(`cannot read the language file ${path}: ${(err as Error).message}; reinstall replylint`);
    }
    const { parse } = createRequire(import.meta.url)('yaml') as { parse: (text: string) => unknown };
    value = parse(text);
  }
  files.set(name, value);
  return value;
}

/** A list of a language file (`key` "grammar.notYou" is `notYou` inside `grammar:`); a missing or malformed one is an error naming the file. */
export function languageList(name: LanguageFile, key: string): readonly string[] {
  let value = languageFile(name);
  for (const part of key.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  if (!Array.isArray(value) || !value.every((w) => typeof w === 'string'))
    throw new Error(`rules/language/${name}.yaml: "${key}" must be a list of words (${value === undefined ? 'it is missing' : 'it is not'})`);
  return value;
}

/** The union of a key's lists across the language files that have it, in file order. */
export function allLanguages(key: string): string[] {
  return (['en', 'cs', 'sk'] as const).flatMap((name) => languageList(name, key));
}

/** A language's helper: its lists read from its file on each access (the file is read once), and `rest` as given. */
export function languageHelper(code: 'en' | 'cs' | 'sk', rest: Pick<LanguageHelper, 'addressForms' | 'usesVocative'>): LanguageHelper {
  return {
    code,
    get valedictions() {
      return languageList(code, 'valedictions');
    },
    get salutationWords() {
      return languageList(code, 'salutationWords');
    },
    get titles() {
      return languageList(code, 'titles');
    },
    ...rest,
  };
}
