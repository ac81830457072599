// The built-in rule files and presets, pre-parsed at build time (scripts/bundle-rules.mjs)
// into dist/: a reply on stdin should not pay for loading the YAML parser and parsing a
// dozen files. A file edited since the build is read from YAML.
//   builtin-rules.json          the files' values, without their examples
//   builtin-examples.json       the examples, read only when asked for (tests, docs)
//   builtin-phrases/<lang>.json the phrases precompiled, per language (and "common"):
//                               a Czech reply parses the Czech table only
// All are ASCII (the build escapes the rest), read as Latin-1: a copy, not a UTF-8 decode.
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { phraseTable, usePrecompiledPhrases, type CompiledPhrase } from '../engine/phrase.js';
import type { YamlSource } from './yaml-source.js';

export const BUILTIN_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dist = (name: string) => fileURLToPath(new URL(`../../dist/${name}`, import.meta.url));

type Files = Record<string, { mtimeMs: number; value: unknown }>;

/** A file of the build's, or null when it is missing or unreadable (the YAML is read instead). */
function readJson<T>(name: string): T | null {
  try {
    return JSON.parse(readFileSync(dist(name), 'latin1')) as T;
  } catch {
    return null;
  }
}

let files: Files | null | undefined;
const tables = new Map<string, Record<string, CompiledPhrase> | null>();

function loadFiles(): Files | null {
  if (files === undefined) {
    files = readJson<Files>('builtin-rules.json');
    if (files) {
      usePrecompiledPhrases((key) => {
        const table = phraseTable(key);
        let phrases = tables.get(table);
        if (phrases === undefined) {
          phrases = readJson<Record<string, CompiledPhrase>>(`builtin-phrases/${table}.json`);
          tables.set(table, phrases);
        }
        return phrases && Object.hasOwn(phrases, key) ? phrases[key] : undefined;
      });
    }
  }
  return files;
}

/** The pre-parsed source of a built-in file, if the bundle has it and it is current. */
export function bundledSource(file: string): YamlSource | undefined {
  const entry = loadFiles()?.[relative(BUILTIN_ROOT, file)];
  if (!entry) return undefined;
  try {
    if (statSync(file).mtimeMs !== entry.mtimeMs) return undefined;
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
