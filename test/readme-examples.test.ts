// The README's library example runs as written (issue 14): each line of its code blocks
// that ends in "// <value>" is evaluated and must give that value, against the package
// as built (dist/index.js under the name the README imports).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** The README's ```ts blocks that import the package. */
const blocks = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)]
  .map((m) => m[1])
  .filter((b) => b.includes("from 'replylint'"));

/** A block as a script: the package imported from the build, each claimed line checked. */
function asScript(block: string): string {
  const lines = block.split('\n').map((line) => {
    const claim = /^(.*?);\s*\/\/ (.+)$/.exec(line);
    if (!claim || claim[2].includes('…')) return line;
    return `{ const got = (${claim[1]}); const want = (${claim[2]}); if (JSON.stringify(got) !== JSON.stringify(want)) { console.error(${JSON.stringify(claim[1])} + ' gives ' + JSON.stringify(got) + ', the README says ' + JSON.stringify(want)); process.exitCode = 1; } }`;
  });
  return lines.join('\n').replace("from 'replylint'", `from ${JSON.stringify(join(ROOT, 'dist', 'index.js'))}`);
}

describe('README examples', () => {
  it('has a library example to run', () => expect(blocks.length).toBeGreaterThan(0));
  for (const [i, block] of blocks.entries()) {
    it(`library example ${i + 1} gives what the README says`, () => {
      const file = join(mkdtempSync(join(tmpdir(), 'replylint-readme-')), 'example.mjs');
      writeFileSync(file, asScript(block));
      const run = spawnSync(process.execPath, [file], { encoding: 'utf8', cwd: ROOT });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    });
  }
});
