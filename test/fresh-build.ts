// Vitest's global setup: the tests import src/, but the built-in phrases come precompiled
// from dist/ (scripts/bundle-rules.mjs). With a dist/ older than the sources (npx vitest
// after an edit, watch mode), they would test the old regexes: rebuild first. (The ReDoS
// verdicts the build itself writes under scripts/ do not count.)
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILT = join(ROOT, 'dist', 'builtin-rules.json');

/** The newest modification time of the files under a folder. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (entry.isFile() && entry.name !== 'regex-checks.json') latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

export default function setup(): void {
  let built = 0;
  try {
    built = statSync(BUILT).mtimeMs;
  } catch {
    // Never built.
  }
  const sources = Math.max(...['src', 'rules', 'scripts'].map((dir) => newest(join(ROOT, dir))));
  if (sources <= built) return;
  console.log('dist/ is older than the sources: npm run build');
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
