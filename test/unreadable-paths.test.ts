// Paths a user names that cannot even be looked at: a loop of symbolic links, a path
// through a file, a file in a folder that may not be entered. stat throws for each
// (ELOOP, ENOTDIR, EACCES) even with throwIfNoEntry: false; each is a notice (or, for
// replylint's own files, a clear problem), never "internal error", never a hang.
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, hasSetpriv, isRoot, tempDir, unprivileged } from './helpers.js';

const GOOD = 'Hi Anna,\n\nThe ETA is Monday.\n\nBest,\nMark\n';
const conversation = (id: string) =>
  JSON.stringify({
    id,
    messages: [
      { role: 'customer', text: 'Where is my order?' },
      { role: 'agent', text: GOOD },
    ],
  });

/** A folder with good.jsonl, a link loop ("loop"), a file ("r.txt") and a folder that may not be entered ("noperm", holding a.jsonl). */
function folder(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'good.jsonl'), `${conversation('c1')}\n`);
  symlinkSync('loop', join(dir, 'loop'));
  writeFileSync(join(dir, 'r.txt'), GOOD);
  mkdirSync(join(dir, 'noperm'));
  writeFileSync(join(dir, 'noperm', 'a.jsonl'), `${conversation('c2')}\n`);
  chmodSync(join(dir, 'noperm'), 0o000);
  return dir;
}

const ids = (stdout: string) => (JSON.parse(stdout) as { results: { conversationId: string }[] }).results.map((r) => r.conversationId);
// An audit that hangs (its worker threads never closed) is killed here, and fails.
const killAfterMs = 30_000;

describe('audit: a file that cannot be looked at is skipped with why, and the rest is audited', () => {
  it.each([
    ['a loop of symbolic links', 'loop', 'is a loop of symbolic links; point the link at a file'],
    ['a path through a file', 'r.txt/x', 'no such file (a part of the path is not a folder); check the path'],
  ])('%s, on worker threads and in the main thread', (_, path, why) => {
    const dir = folder();
    for (const workers of ['2', '0']) {
      const r = cli(['audit', '-f', 'json', '--workers', workers, path, 'good.jsonl'], { cwd: dir, killAfterMs });
      expect(r.stderr).toBe(`replylint: ${path}: ${why}\n`);
      expect(ids(r.stdout)).toEqual(['c1']);
      expect(r.code).toBe(0);
    }
  });

  it.skipIf(!isRoot || !hasSetpriv)('a file in a folder that may not be entered', () => {
    const r = unprivileged(['audit', '-f', 'json', '--workers', '2', 'noperm/a.jsonl', 'good.jsonl'], folder());
    expect(r.stderr).toBe('replylint: noperm/a.jsonl: cannot be read: permission denied; allow reading it (chmod u+r) or leave it out\n');
    expect(ids(r.stdout)).toEqual(['c1']);
    expect(r.code).toBe(0);
  });

  it('when no file named can be read, the run is a usage error that says why (exit 2), and writes no report', () => {
    const dir = folder();
    const hint = '  hint: no file named can be read, so there is nothing to audit; name helpdesk exports (JSON, JSONL or CSV) that exist and can be read\n';
    writeFileSync(join(dir, 'report.json'), 'the previous report\n');
    const one = cli(['audit', '--workers', '2', '-f', 'json', '-o', 'report.json', 'loop'], { cwd: dir, killAfterMs });
    expect(one).toMatchObject({ code: 2, stdout: '', stderr: `replylint: loop: is a loop of symbolic links; point the link at a file\n${hint}` });
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('the previous report\n');
    const several = cli(['audit', '--workers', '2', 'loop', 'r.txt/x', 'missing.jsonl'], { cwd: dir, killAfterMs });
    expect(several).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `replylint: none of the 3 files named can be read: loop (is a loop of symbolic links; point the link at a file), r.txt/x (no such file (a part of the path is not a folder); check the path), missing.jsonl (no such file; check the path)\n${hint}`,
    });
  });
});

describe("replylint's own paths that cannot be looked at are said plainly", () => {
  const lint = (dir: string, ...args: string[]) => cli(['-f', 'json', ...args], { cwd: dir, killAfterMs });

  it('--cache-location naming a loop of links or a path through a file: linted, nothing cached, said once', () => {
    const dir = folder();
    writeFileSync(join(dir, 'good.txt'), GOOD);
    const expected = lint(dir, 'good.txt').stdout;
    expect(lint(dir, '--cache', '--cache-location', 'loop', 'good.txt')).toEqual({
      code: 0,
      stdout: expected,
      stderr:
        'replylint: loop: is not a usable cache: it is a loop of symbolic links; point the link at a file; it is left out, and every file is linted, and nothing is cached\n',
    });
    expect(lint(dir, '--cache', '--cache-location', 'r.txt/x', 'good.txt')).toEqual({
      code: 0,
      stdout: expected,
      stderr:
        'replylint: r.txt/x: cannot hold a cache: no such file (a part of the path is not a folder); check the path; every file is linted, and nothing is cached\n',
    });
  });

  it('a dictionary file that is a loop of links, or that may not be read, is a configuration error', () => {
    const dir = folder();
    writeFileSync(join(dir, 'good.txt'), GOOD);
    symlinkSync('words.aff', join(dir, 'words.aff'));
    writeFileSync(join(dir, 'words.yaml'), 'vocabulary:\n  dictionaries:\n    en: ./words\n');
    expect(lint(dir, '-c', 'words.yaml', 'good.txt')).toMatchObject({
      code: 2,
      stderr: `replylint: ${join(dir, 'words.yaml')}:3:5: the dictionary "${join(dir, 'words.aff')}" is a loop of symbolic links; point the link at a file\n  hint: point "vocabulary.dictionaries" at the base name of a Hunspell .aff/.dic pair of files\n`,
    });
    if (!isRoot || !hasSetpriv) return;
    writeFileSync(join(dir, 'locked.aff'), 'SET UTF-8\n');
    chmodSync(join(dir, 'locked.aff'), 0o000);
    writeFileSync(join(dir, 'locked.yaml'), 'vocabulary:\n  dictionaries:\n    en: ./locked\nrules:\n  spelling: warning\n');
    expect(unprivileged(['-c', 'locked.yaml', 'good.txt'], dir)).toMatchObject({
      code: 2,
      stderr: `replylint: ${join(dir, 'locked.yaml')}:3:5: the dictionary "${join(dir, 'locked.aff')}" cannot be read: permission denied; allow reading it (chmod u+r) or leave it out\n  hint: point "vocabulary.dictionaries" at the base name of a Hunspell .aff/.dic pair of files\n`,
    });
  });

  it('--config naming a loop of links says so', () => {
    expect(lint(folder(), '-c', 'loop', 'good.jsonl')).toMatchObject({
      code: 2,
      stderr: 'replylint: config file "loop" is a loop of symbolic links; point the link at a file\n  hint: check the path given to --config\n',
    });
  });

  it('init writes through no link, and a folder it may not write to is said plainly (exit 2)', () => {
    const dir = folder();
    symlinkSync(join(dir, 'elsewhere.yaml'), join(dir, '.replylintrc.yaml'));
    expect(cli(['init'], { cwd: dir })).toMatchObject({ code: 2, stdout: `${join(dir, '.replylintrc.yaml')} exists already; left as it is\n` });
    expect(existsSync(join(dir, 'elsewhere.yaml'))).toBe(false);
    if (!isRoot || !hasSetpriv) return;
    const readOnly = join(dir, 'read-only');
    mkdirSync(readOnly, { mode: 0o555 });
    expect(unprivileged(['init'], readOnly)).toMatchObject({
      code: 2,
      stderr: `replylint: ${join(readOnly, '.replylintrc.yaml')}: cannot write the starter config: permission denied\n  hint: run replylint init in a folder you may write to\n`,
    });
  });
});
