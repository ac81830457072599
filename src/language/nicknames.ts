// Nicknames, short forms and diminutives of given names (rules/names/nicknames.yaml, and a
// team's config `vocabulary.nicknames`): "Bill" is William, "Honza" Jan, "Zuzka" Zuzana
// (issue 17). The built-in list is read on first use, when a greeting's name is not the
// customer's as written, so a reply that addresses its customer plainly (or has no
// customer name) never reads it. The build checks the file and stores it as JSON
// (dist/builtin-nicknames.json); a file edited since is read from its YAML.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Schema } from '../config/validate.js';
import { asBuilt, builtPath, type BuiltStamp } from '../files/built.js';
import { fold } from '../text/fold.js';

/** Given name → its other forms, as a team's config or one language of the file writes them. */
export type NicknameTable = Record<string, string[]>;

export const NICKNAMES_FILE = fileURLToPath(new URL('../../rules/names/nicknames.yaml', import.meta.url));
export const NICKNAMES_BUILT = 'builtin-nicknames.json';

// One name: letters, and the apostrophes and hyphens of names such as O'Neil or Jean-Luc.
const NAME: Schema = { type: 'string', pattern: /^[^\s\d.,;:!?()[\]{}"]+$/, patternHint: 'one name, without spaces, digits or punctuation' };
/** A table of nicknames, in the file (per language) and in a config (vocabulary.nicknames). */
export const NICKNAME_TABLE_SCHEMA: Schema = {
  type: 'map',
  values: { type: 'list', of: NAME, max: 100, maxHint: 'list the forms people use for this one name' },
  max: 10_000,
  maxHint: 'list the names your customers are called by, not a dictionary',
};
/** The shape of rules/names/nicknames.yaml, checked with positions by the build (scripts/bundle-rules.mjs). */
export const NICKNAMES_FILE_SCHEMA: Schema = { type: 'map', keys: ['en', 'cs', 'sk'], values: NICKNAME_TABLE_SCHEMA };

/** How many times the built-in list was read: once a process at most, and only when a name needs it. */
export let builtinReads = 0;
let builtin: NicknameTable[] | undefined;

/** The built-in tables, per language: the build's copy while it is current, else the YAML. */
function builtinTables(): NicknameTable[] {
  if (builtin) return builtin;
  builtinReads++;
  let value: unknown;
  try {
    const built = JSON.parse(readFileSync(builtPath(NICKNAMES_BUILT), 'latin1')) as BuiltStamp & { value: unknown };
    if (asBuilt(NICKNAMES_FILE, built)) value = built.value;
  } catch {
    // Not built, or the YAML is gone (a bundle copied without rules/): read what there is.
  }
  if (value === undefined) {
    let text: string;
    try {
      text = readFileSync(NICKNAMES_FILE, 'utf8');
    } catch (err) {
      throw new Error(`cannot read the nickname list ${NICKNAMES_FILE}: ${(err as Error).message}; reinstall replylint`);
    }
    value = (createRequire(import.meta.url)('yaml') as { parse: (text: string) => unknown }).parse(text);
  }
  const tables = value !== null && typeof value === 'object' ? Object.values(value) : undefined;
  if (!tables?.every(isTable)) throw new Error('rules/names/nicknames.yaml: each language must map a given name to a list of its other forms');
  builtin = tables;
  return tables;
}

const isTable = (t: unknown): t is NicknameTable =>
  t !== null && typeof t === 'object' && Object.values(t).every((forms) => Array.isArray(forms) && forms.every((f) => typeof f === 'string'));

/**
 * The forms of a given name that name the same person: every entry (a name and its forms)
 * that lists it. Two names are one person's when one entry lists both, never through a
 * chain of entries, so that "Míša" joins Michal and Michaela without making them one.
 */
export class Nicknames {
  private groups: string[][] | undefined;
  private byName: Map<string, number[]> | undefined;

  /** `team`: a config's own tables (vocabulary.nicknames), beside the built-in one. */
  constructor(private readonly team: readonly NicknameTable[] = []) {}

  private index(): Map<string, number[]> {
    if (this.byName) return this.byName;
    this.groups = [...builtinTables(), ...this.team].flatMap((table) => Object.entries(table).map(([name, forms]) => [name, ...forms]));
    this.byName = new Map();
    for (const [i, group] of this.groups.entries()) {
      for (const key of new Set(group.map(fold))) {
        const list = this.byName.get(key);
        if (list) list.push(i);
        else this.byName.set(key, [i]);
      }
    }
    return this.byName;
  }

  /** The other forms of a name (as the lists write them, with their diacritics), none for a name no entry lists. */
  formsOf(name: string): string[] {
    const key = fold(name);
    const forms = new Map<string, string>();
    for (const i of this.index().get(key) ?? [])
      for (const form of this.groups![i]) if (fold(form) !== key && !forms.has(fold(form))) forms.set(fold(form), form);
    return [...forms.values()];
  }
}
