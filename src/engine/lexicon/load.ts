// The compiled lexicon, read lazily from dist/lexicon/ (scripts/build-lexicon.mjs): the
// key table on a reply's first check (a few kilobytes), the lexicon itself only when a
// token may be one of its keys. A lexicon file edited since the build is compiled from
// its YAML at run time instead (as builtin-bundle.ts does for the rule files).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BUILTIN_ROOT } from '../../config/builtin-bundle.js';
import { asBuilt, builtPath, stampOf, type BuiltStamp } from '../../files/built.js';
import { parseYaml, readConfigText, type YamlSource } from '../../config/yaml-source.js';
import { ConfigError } from '../../config/errors.js';
import type { Language } from '../../types.js';
import { compileLexicon, type CompiledLexicon, type DerivedLists, type CompileResult } from './compile.js';
import { KeyTable } from './hash.js';

export const LEXICON_SOURCES = join(BUILTIN_ROOT, 'rules', 'lexicons');
export const LEXICON_DIST = builtPath('lexicon');

/** dist/lexicon/manifest.json: what the compiled files were made from. */
export interface Manifest {
  /** Source file (relative to the package root) → its mtime at build. */
  sources: Record<string, BuiltStamp>;
  /** Verbal prefixes of Czech and Slovak "+" words, folded (the matcher looks past them). */
  prefixes: string[];
  /** What to say instead of an unknown acronym, per language (no lexicon load for it). */
  acronymHint: Record<Language, string>;
}

/** The lexicon's YAML files: inflection.yaml, acronyms.yaml and the term files under jargon/. */
export function lexiconFiles(dir = LEXICON_SOURCES): { inflection: string; acronyms: string; terms: string[] } {
  const termDir = join(dir, 'jargon');
  return {
    inflection: join(dir, 'inflection.yaml'),
    acronyms: join(dir, 'acronyms.yaml'),
    terms: readdirSync(termDir)
      .filter((n) => n.endsWith('.yaml'))
      .sort()
      .map((n) => join(termDir, n)),
  };
}

function readSource(file: string): YamlSource {
  const read = readConfigText(file);
  if ('problem' in read) throw new ConfigError(`cannot read this lexicon file: it ${read.problem}`, { file }, 'reinstall replylint, or fix the file');
  return parseYaml(read.text, file);
}

/** Compile the lexicon files of a folder (the build, and a lexicon edited since it). */
export function compileLexiconFolder(dir = LEXICON_SOURCES, derived: DerivedLists = {}): CompileResult & { sources: Record<string, BuiltStamp> } {
  const files = lexiconFiles(dir);
  const all = [files.inflection, files.acronyms, ...files.terms];
  const result = compileLexicon(
    { inflection: readSource(files.inflection), acronyms: readSource(files.acronyms), terms: files.terms.map(readSource) },
    derived,
  );
  return { ...result, sources: Object.fromEntries(all.map((f) => [relative(BUILTIN_ROOT, f), stampOf(f)])) };
}

export interface RuntimeLexicon {
  readonly compiled: CompiledLexicon;
  readonly index: ReadonlyMap<string, readonly number[]>;
  readonly endings: Record<Language, ReadonlySet<string>>;
  readonly prefixes: readonly string[];
  readonly except: readonly (ReadonlySet<string> | undefined)[];
}

interface Loaded {
  keys: KeyTable;
  prefixes: readonly string[];
  acronymHint: Record<Language, string>;
  /** The lexicon, parsed on first need. */
  lexicon: () => RuntimeLexicon;
}

let loaded: Loaded | undefined;

function runtime(compiled: CompiledLexicon): RuntimeLexicon {
  return {
    compiled,
    index: new Map(Object.entries(compiled.index)),
    endings: { en: new Set(compiled.endings.en), cs: new Set(compiled.endings.cs), sk: new Set(compiled.endings.sk) },
    prefixes: compiled.prefixes,
    except: compiled.forms.map((f) => (f.e ? new Set(f.e) : undefined)),
  };
}

/** Whether the compiled files are there and were made from the lexicon files as they are now. */
function current(manifest: Manifest): boolean {
  try {
    const files = lexiconFiles();
    const all = [files.inflection, files.acronyms, ...files.terms].map((f) => relative(BUILTIN_ROOT, f));
    if (all.length !== Object.keys(manifest.sources).length) return false;
    return all.every((f) => manifest.sources[f] !== undefined && asBuilt(join(BUILTIN_ROOT, f), manifest.sources[f]));
  } catch {
    // No lexicon sources beside the build (a trimmed install): the build is what there is.
    return true;
  }
}

/** What the build derived from registry packages, if it is there (a lexicon compiled at run time uses it too). */
export function derivedLists(): DerivedLists {
  try {
    return JSON.parse(readFileSync(join(LEXICON_DIST, 'derived.json'), 'utf8')) as DerivedLists;
  } catch {
    return {};
  }
}

function load(): Loaded {
  let manifest: Manifest | undefined;
  try {
    manifest = JSON.parse(readFileSync(join(LEXICON_DIST, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    manifest = undefined;
  }
  if (manifest && current(manifest)) {
    let lexicon: RuntimeLexicon | undefined;
    return {
      keys: KeyTable.fromBytes(readFileSync(join(LEXICON_DIST, 'keys.bin'))),
      prefixes: manifest.prefixes,
      acronymHint: manifest.acronymHint,
      lexicon: () => (lexicon ??= runtime(JSON.parse(readFileSync(join(LEXICON_DIST, 'lexicon.json'), 'utf8')) as CompiledLexicon)),
    };
  }
  const { lexicon, keys } = compileLexiconFolder(LEXICON_SOURCES, derivedLists());
  const ready = runtime(lexicon);
  return { keys: KeyTable.build(keys), prefixes: lexicon.prefixes, acronymHint: lexicon.acronymHint, lexicon: () => ready };
}

/** The key table, the verbal prefixes, and the lexicon on demand. */
export function lexiconData(): Loaded {
  return (loaded ??= load());
}
