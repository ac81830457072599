// Word classes: named vocabularies a phrase refers to as `{name}` (third parties, trouble
// nouns, time expressions…), so a rule states a construction once ("{third-party} is
// responsible") instead of listing its sentences. Each class is data: one YAML file per
// class in rules/classes/, a list of phrases per language (stems with *, alternatives),
// and a team extends a class or adds one in its config (vocabulary.classes).
import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { bundledSource } from '../config/builtin-bundle.js';
import { ConfigError } from '../config/errors.js';
import { validate, type Schema } from '../config/validate.js';
import { parseYaml, readConfigText, type YamlSource } from '../config/yaml-source.js';
import { LANGUAGES, type Language } from '../types.js';
import { PhraseError } from '../phrases/phrase.js';

export type ClassLanguage = Language | 'any';

export interface WordClass {
  readonly lists: Partial<Record<ClassLanguage, readonly string[]>>;
  /** A team's config added entries: phrases using the class are the team's, not ours. */
  readonly team: boolean;
  /**
   * Read from its YAML, edited since the build: the build's precompiled phrases naming it
   * (keyed as written, see phrase-list.ts) are stale and are compiled afresh.
   */
  readonly edited?: boolean;
}

export type WordClasses = ReadonlyMap<string, WordClass>;

export const CLASS_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** A class's entries per language: what a class file or a config's vocabulary.classes holds. */
export const CLASS_LISTS: Schema = {
  type: 'map',
  keys: [...LANGUAGES, 'any'],
  values: { type: 'list', of: { type: 'string' }, max: 5000, maxHint: 'a class lists words and stems, not a dictionary' },
};

const CLASS_FILE: Schema = {
  type: 'object',
  fields: { description: { type: 'string', required: true }, en: CLASS_LISTS.values, cs: CLASS_LISTS.values, sk: CLASS_LISTS.values, any: CLASS_LISTS.values },
};

/** The class files of a folder (rules/classes/), validated. */
export function readClassFolder(dir: string): Map<string, WordClass> {
  const classes = new Map<string, WordClass>();
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return classes;
  }
  for (const name of names.filter((n) => ['.yaml', '.yml'].includes(extname(n))).sort()) {
    const file = join(dir, name);
    const id = basename(name, extname(name));
    let source: YamlSource | undefined = bundledSource(file);
    const edited = !source;
    if (!source) {
      const read = readConfigText(file);
      if ('problem' in read) throw new ConfigError(`cannot read this word class: it ${read.problem}`, { file });
      source = parseYaml(read.text, file);
      validate(source, CLASS_FILE);
    }
    if (!CLASS_NAME.test(id))
      throw new ConfigError(
        `word class file name "${id}" is not a class name`,
        { file },
        'name it in lower-case words joined by hyphens, e.g. "third-party.yaml"',
      );
    const value = source.value as Partial<Record<ClassLanguage, string[]>>;
    classes.set(id, { lists: { en: value.en, cs: value.cs, sk: value.sk, any: value.any }, team: false, edited });
  }
  return classes;
}

/** Built-in classes with a config's added to them (entries appended, new classes added). */
export function withTeamClasses(
  builtin: ReadonlyMap<string, WordClass>,
  team: Record<string, Partial<Record<ClassLanguage, string[]>>> | undefined,
): WordClasses {
  if (!team || !Object.keys(team).length) return builtin;
  const merged = new Map(builtin);
  for (const [name, lists] of Object.entries(team)) {
    const base = merged.get(name)?.lists ?? {};
    const joined: Partial<Record<ClassLanguage, string[]>> = {};
    for (const lang of [...LANGUAGES, 'any'] as const) {
      const entries = [...(base[lang] ?? []), ...(lists[lang] ?? [])];
      if (entries.length) joined[lang] = entries;
    }
    merged.set(name, { lists: joined, team: true });
  }
  return merged;
}

/** A class's entries for a language (with those for any language); for 'any', all of them. */
const entriesIn = (found: WordClass, language: ClassLanguage): string[] =>
  language === 'any'
    ? [...LANGUAGES, 'any'].flatMap((l) => found.lists[l as ClassLanguage] ?? [])
    : [...(found.lists[language] ?? []), ...(found.lists.any ?? [])];

// `{name}`: a class; `{num}` is the phrase language's own reference number.
const REFERENCE = /\{([a-z][a-z0-9-]*)\}/g;
const MAX_DEPTH = 4;

/**
 * A phrase with each `{class}` replaced by the group of its entries in `language` (and
 * those for any language): `{third-party} is responsible` → `(carrier|courier|…) is
 * responsible`. `team`: an entry came from a team's config. Throws PhraseError for an
 * unknown class, a class with no entries in the language, a reference glued to a word,
 * or classes that refer to each other in a circle.
 */
export function expandClasses(phrase: string, language: ClassLanguage, classes: WordClasses, depth = 0): { text: string; team: boolean } {
  if (!phrase.includes('{')) return { text: phrase, team: false };
  let team = false;
  const text = phrase.replace(REFERENCE, (whole, name: string, at: number) => {
    if (name === 'num') return whole;
    const wordy = (ch: string | undefined) => ch !== undefined && !' |()[]'.includes(ch);
    if (wordy(phrase[at - 1]) || wordy(phrase[at + whole.length]))
      throw new PhraseError(`word class {${name}} must stand as a word of its own (with spaces or brackets around it)`, phrase);
    const found = classes.get(name);
    if (!found) throw new PhraseError(`unknown word class {${name}}${classes.size ? `; classes: ${[...classes.keys()].join(', ')}` : ''}`, phrase);
    if (depth >= MAX_DEPTH) throw new PhraseError(`word class {${name}} refers to classes ${MAX_DEPTH} deep (a circle?)`, phrase);
    const entries = entriesIn(found, language);
    if (!entries.length) throw new PhraseError(`word class {${name}} has no entries for ${language}`, phrase);
    team ||= found.team;
    const inner = expandClasses(entries.join('|'), language, classes, depth + 1);
    team ||= inner.team;
    return `(${inner.text})`;
  });
  return { text, team };
}

const asBuilt = new WeakMap<WordClasses, boolean>();
const changed = (c: WordClass) => c.team || c.edited === true;

/**
 * Whether a phrase names (directly or through other classes) a class that is not as the
 * build bundled it: one a team's config extended, or one edited since.
 */
export function namesChangedClass(phrase: string, language: ClassLanguage, classes: WordClasses, depth = 0): boolean {
  let none = asBuilt.get(classes);
  if (none === undefined) asBuilt.set(classes, (none = ![...classes.values()].some(changed)));
  if (none || !phrase.includes('{') || depth > MAX_DEPTH) return false;
  for (const [, name] of phrase.matchAll(REFERENCE)) {
    const found = classes.get(name);
    if (!found) continue;
    if (changed(found)) return true;
    if (namesChangedClass(entriesIn(found, language).join('|'), language, classes, depth + 1)) return true;
  }
  return false;
}
