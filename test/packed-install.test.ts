// A package installed from npm's registry or a tarball: npm writes its files anew (with
// the time of the install, or npm pack's fixed 1985 date), so no source file has the time
// the build recorded. A file whose content is the build's is as built (src/files/built.ts):
// the build's pre-parsed, trusted copies are used, and nothing is parsed from YAML. (A
// built-in rule read from its YAML counted as a user's edit, on the linear-time engine,
// where a built-in regex with a lookahead stopped every run of an installed package.)
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, mkdirSync, readdirSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

const PACKED = new Date(Date.UTC(1985, 9, 26, 8, 15, 0));

/** Every file below `dir`, recursively. */
const filesIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(join(dir, e.name)) : [join(dir, e.name)]));

describe('a packed and installed package', () => {
  for (const [when, time] of [
    ["npm pack's", PACKED],
    // (Whole seconds: utimes takes seconds as a double, and a fraction of a millisecond can be lost.)
    ["the install's", new Date(Math.floor(Date.now() / 1000) * 1000)],
  ] as const)
    it(`lints with the build it ships, its files unpacked with ${when} time`, () => {
      const pkg = tempDir();
      mkdirSync(join(pkg, 'bin'));
      copyFileSync(join(ROOT, 'bin', 'replylint.cjs'), join(pkg, 'bin', 'replylint.cjs'));
      copyFileSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
      cpSync(join(ROOT, 'rules'), join(pkg, 'rules'), { recursive: true });
      for (const name of ['dist', 'node_modules']) symlinkSync(join(ROOT, name), join(pkg, name));
      for (const file of filesIn(join(pkg, 'rules'))) utimesSync(file, time, time);
      expect(statSync(join(pkg, 'rules', 'no-ticket-clutter.yaml')).mtimeMs).toBe(time.getTime());
      const lint = (args: string[], input: string) =>
        spawnSync(process.execPath, [join(pkg, 'bin', 'replylint.cjs'), '-f', 'json', ...args], { input, encoding: 'utf8', cwd: pkg });
      const r = lint(['--customer-name', 'Petr Novák'], 'Dobrý den, pane Novák,\n\nváš požadavek (Status: open) vyřídíme zítra.\n');
      expect(r.stderr).toBe('');
      const rules = (JSON.parse(r.stdout).results[0].violations as { rule: string }[]).map((v) => v.rule);
      expect(rules).toEqual(expect.arrayContaining(['name-use', 'no-ticket-clutter']));
      // A file edited after unpacking is read from its YAML, as in a checkout.
      appendFileSync(join(pkg, 'rules', 'greeting.yaml'), '\n# edited\n');
      expect(lint([], 'Hi Anna,\n\nyour refund went out today.\n').stderr).toBe('');
    });
});
