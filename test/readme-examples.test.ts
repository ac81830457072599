// The README's library example runs as written (issue 14): each line of its code blocks
// that ends in "// <value>" is evaluated and must give that value, against the package
// as built (dist/index.js under the name the README imports). Its YAML, and the rule-writing
// guide's, is checked too: each config loads, each team rule passes its own examples.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from './helpers.js';

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

/** The ```yaml blocks of the README and the rule-writing guide. */
const yamlBlocks = ['README.md', 'docs/writing-rules.md'].flatMap((file) =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]),
);
/** Those that are a whole config: under "## Configuration" and beside it, the ones a config file holds. */
const CONFIG_KEYS = /^(?:extends|root|rules|channels|vocabulary|language|templates|brand):/m;
// (Spelling needs Hunspell dictionaries installed: its block is checked where they are, by the spelling tests.)
const configBlocks = yamlBlocks.filter((b) => CONFIG_KEYS.test(b.split('\n').find((l) => l && !l.startsWith('#')) ?? '') && !/^\s*spelling:/m.test(b));

describe('README and docs YAML', () => {
  it('every config it shows is a valid config', () => {
    expect(configBlocks.length).toBeGreaterThanOrEqual(4);
    for (const block of configBlocks) {
      const dir = tempDir();
      // Folders and files the examples name, so that a config that points at them loads.
      writeFileSync(join(dir, '.replylintrc.yaml'), block.replace(/^rulePaths:.*$/m, '').replace(/^ {2}dictionaries:[\s\S]*?(?=^\S|(?![\s\S]))/m, ''));
      const r = cli(['--print-config', 'x.txt'], { cwd: dir });
      expect(`${block}\n${r.stderr}`).toBe(`${block}\n`);
      expect(r.code).toBe(0);
    }
  });

  it('its team rules are valid rules whose examples pass', () => {
    const rules = yamlBlocks.filter((b) => b.startsWith('# team-rules/'));
    expect(rules.length).toBeGreaterThanOrEqual(2);
    for (const rule of rules) {
      const dir = tempDir();
      const file = join(dir, /^# team-rules\/(\S+)/.exec(rule)![1]);
      writeFileSync(file, rule);
      const r = cli(['rules', '--test', file], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/✔ \d+ of \d+ examples of 1 rule pass/);
    }
  });
});
