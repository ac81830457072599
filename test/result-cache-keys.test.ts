// The result cache is keyed on everything a result depends on: besides the config and the
// rule files, the built-in data the rules read (word classes, language files, the nickname
// list, the lexicon). Edited here in a copy of the package's rules/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

describe('the result cache', () => {
  it('lints a file again when a built-in data file changed, not only a rule file', () => {
    const pkg = tempDir();
    mkdirSync(join(pkg, 'bin'));
    copyFileSync(join(ROOT, 'bin', 'replylint.cjs'), join(pkg, 'bin', 'replylint.cjs'));
    copyFileSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
    // The rules linked (their times must stay the build's, or they read as edited), the nickname list copied to edit.
    mkdirSync(join(pkg, 'rules', 'names'), { recursive: true });
    for (const name of readdirSync(join(ROOT, 'rules'))) if (name !== 'names') symlinkSync(join(ROOT, 'rules', name), join(pkg, 'rules', name));
    copyFileSync(join(ROOT, 'rules', 'names', 'nicknames.yaml'), join(pkg, 'rules', 'names', 'nicknames.yaml'));
    for (const name of ['dist', 'node_modules']) symlinkSync(join(ROOT, name), join(pkg, name));
    const work = tempDir();
    writeFileSync(join(work, 'reply.txt'), 'Ahoj Honzo,\n\nbalík jsme odeslali včera, zítra vám dorazí.\n\nS pozdravem\nJana\n');
    const run = () => {
      const r = spawnSync(process.execPath, [join(pkg, 'bin', 'replylint.cjs'), '--cache', '-f', 'json', '--customer-name', 'Jan Novák', 'reply.txt'], {
        cwd: work,
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      return (JSON.parse(r.stdout).results[0].violations as { rule: string }[]).map((v) => v.rule);
    };
    // "Honza" is Jan's, in the nickname list.
    expect(run()).not.toContain('name-use');
    expect(run()).not.toContain('name-use');
    const list = join(pkg, 'rules', 'names', 'nicknames.yaml');
    writeFileSync(list, readFileSync(list, 'utf8').replace(/\bHonz[a-z]*\b,?\s*/gi, ''));
    expect(run()).toContain('name-use');
  });
});
