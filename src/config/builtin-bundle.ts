// The built-in rule files and presets, pre-parsed at build time (scripts/bundle-rules.mjs)
// into dist/: a reply on stdin should not pay for loading the YAML parser and parsing a
// dozen files. A file edited since the build is read from YAML.
//   builtin-rules.json          the files' values, without their examples
//   builtin-examples.json       the examples, read only when asked for (tests, docs)
//   builtin-phrases/<lang>.tsv and <lang>/<rule>.tsv
//                               the phrases precompiled (phrases/phrase-table.ts), per
//                               language, and again per language and rule (and
//                               common.tsv): a reply reads its language whole, and of
//                               another only the rules' it needs
// The JSON files are ASCII (the build escapes the rest), read as Latin-1: a copy, not a
// UTF-8 decode.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asBuilt, builtPath, type BuiltStamp } from '../files/built.js';
import { phraseTable, usePrecompiledPhrases, type CompiledPhrase } from '../phrases/phrase.js';
import { PhraseTable } from '../phrases/phrase-table.js';
import { languageFilePath, useBuiltLanguageFiles } from '../language/data.js';
import type { YamlSource } from './yaml-source.js';

export const BUILTIN_ROOT = fileURLToPath(new URL('../../', import.meta.url));

type Files = Record<string, BuiltStamp & { value: unknown }>;

/** A file of the build's, or null when it is missing or unreadable (the YAML is read instead). */
function readJson<T>(name: string): T | null {
  try {
    return JSON.parse(readFileSync(builtPath(name), 'latin1')) as T;
  } catch {
    return null;
  }
}

let files: Files | null | undefined;
const tables = new Map<string, PhraseTable | null>();

function table(name: string): PhraseTable | null {
  let phrases = tables.get(name);
  if (phrases === undefined) {
    try {
      phrases = new PhraseTable(readFileSync(builtPath(`builtin-phrases/${name}.tsv`), 'utf8'));
    } catch {
      phrases = null; // not built: the phrases are compiled as they come
    }
    tables.set(name, phrases);
  }
  return phrases;
}

// The first language asked for (the reply's own) is read whole, one file; any other
// (a Czech reply's English sign-offs) rule by rule, as a rule or two ask for it.
let wholeLanguage: string | undefined;

/** A built-in phrase from the build's tables (`phraseTable` names the rule's). */
function precompiledFromTables(key: string): CompiledPhrase | undefined {
  const name = phraseTable(key);
  const language = name.split('/')[0];
  if (language === 'en' || language === 'cs' || language === 'sk') wholeLanguage ??= language;
  return table(language === wholeLanguage ? language : name)?.get(key);
}

function loadFiles(): Files | null {
  if (files === undefined) {
    files = readJson<Files>('builtin-rules.json');
    if (files) {
      usePrecompiledPhrases(precompiledFromTables);
      useBuiltLanguageFiles((name) => bundledSource(languageFilePath(name))?.value);
    }
  }
  return files;
}

/** The pre-parsed source of a built-in file, if the bundle has it and it is current. */
export function bundledSource(file: string): YamlSource | undefined {
  const entry = loadFiles()?.[relative(BUILTIN_ROOT, file)];
  if (!entry) return undefined;
  try {
    if (!asBuilt(file, entry)) return undefined;
  } catch {
    return undefined;
  }
  // Built-in files were validated when the bundle was made; a position is never needed.
  return { file, value: entry.value, trusted: true, bundled: true, locate: () => ({ file, line: 1, column: 1 }) };
}

let examples: Record<string, unknown[]> | null | undefined;

/** A bundled file's examples (kept out of builtin-rules.json: linting never reads them). */
export function bundledExamples(file: string): unknown[] | undefined {
  examples ??= readJson<Record<string, unknown[]>>('builtin-examples.json');
  const key = relative(BUILTIN_ROOT, file);
  return examples && Object.hasOwn(examples, key) ? examples[key] : undefined;
}
