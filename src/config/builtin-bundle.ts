// The built-in rule files and presets, pre-parsed at build time (scripts/bundle-rules.mjs)
// into dist/builtin-rules.json: a reply on stdin should not pay for loading the YAML
// parser and parsing a dozen files. A file edited since the build is read from YAML.
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { usePrecompiledPhrases, type CompiledPhrase } from '../engine/phrase.js';
import type { YamlSource } from './yaml-source.js';

export const BUILTIN_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../../dist/builtin-rules.json', import.meta.url));

interface Bundle {
  files: Record<string, { mtimeMs: number; value: unknown }>;
  phrases: Record<string, CompiledPhrase>;
}

let bundle: Bundle | null | undefined;

function loadBundle(): Bundle | null {
  if (bundle === undefined) {
    try {
      bundle = JSON.parse(readFileSync(BUNDLE, 'utf8')) as Bundle;
      usePrecompiledPhrases(bundle.phrases ?? {});
    } catch {
      bundle = null;
    }
  }
  return bundle;
}

/** The pre-parsed source of a built-in file, if the bundle has it and it is current. */
export function bundledSource(file: string): YamlSource | undefined {
  const entry = loadBundle()?.files[relative(BUILTIN_ROOT, file)];
  if (!entry) return undefined;
  try {
    if (statSync(file).mtimeMs !== entry.mtimeMs) return undefined;
  } catch {
    return undefined;
  }
  // Built-in files were validated when the bundle was made; a position is never needed.
  return { file, value: entry.value, trusted: true, locate: () => ({ file, line: 1, column: 1 }) };
}
