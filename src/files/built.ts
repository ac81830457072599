// Where `npm run build` leaves what a run reads besides its code (scripts/): the rule
// files pre-parsed and the phrases precompiled, the compiled lexicon, the audit's worker.
// The one module of src/ that names dist/; found from src/ (tests), dist/ and the CLI
// bundle alike (dist/cli/main.cjs stands at the same depth as this file).
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A file or folder of the build's output, as a URL. */
export const builtUrl = (name: string): URL => new URL(`../../dist/${name}`, import.meta.url);

/** A file or folder of the build's output, as a path. */
export const builtPath = (name: string): string => fileURLToPath(builtUrl(name));

/** How the build saw a source file (a rule, class, language, lexicon or nickname file). */
export interface BuiltStamp {
  mtimeMs: number;
  size: number;
  /** FNV-1a of its bytes. */
  hash: number;
}

/** FNV-1a (32 bits) of a file's bytes: enough to tell an edited file from the one the build read. */
function contentHash(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0;
  return hash;
}

/** A source file's stamp, as the build records it. */
export function stampOf(file: string): BuiltStamp {
  const bytes = readFileSync(file);
  return { mtimeMs: statSync(file).mtimeMs, size: bytes.length, hash: contentHash(bytes) };
}

/**
 * Whether a source file is as the build found it, so that the build's copy of it holds.
 * Its time says so at the cost of a stat. A package installed by npm has other times
 * than its build's (npm writes its files anew), so a file of the same size is then
 * compared by content: read, never parsed. Throws where the file cannot be looked at.
 */
export function asBuilt(file: string, stamp: BuiltStamp): boolean {
  const stats = statSync(file);
  if (stats.mtimeMs === stamp.mtimeMs) return true;
  return stats.size === stamp.size && stamp.hash !== undefined && contentHash(readFileSync(file)) === stamp.hash;
}
