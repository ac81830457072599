// Paths a user names that cannot even be looked at: a loop of symbolic links, a path
// through a file, a file in a folder that may not be entered. stat throws for each
// (ELOOP, ENOTDIR, EACCES) even with throwIfNoEntry: false; each is a notice (or, for
// replylint's own files, a clear problem), never "internal error", never a hang.
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, hasSetpriv, isRoot, tempDir, unprivileged } from './helpers.js';

const GOOD = 'Hi Anna,\n\nThe ETA is Monday.\n\nBest,\nMark\n';
const conversation = (id: string) => JSON.stringify({ id, messages: [{ role: 'customer', text: 'Where is my order?' }, { role: 'agent', text: GOOD }] });

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

  it('when no file named can be read, the run is a usage error that says why for each (exit 2)', () => {
    const r = cli(['audit', '--workers', '2', 'loop', 'r.txt/x', 'missing.jsonl'], { cwd: folder(), killAfterMs });
    expect(r.stderr).toBe(
      'replylint: nothing to audit: no file named can be read\n' +
        '  loop: is a loop of symbolic links; point the link at a file\n' +
        '  r.txt/x: no such file (a part of the path is not a folder); check the path\n' +
        '  missing.jsonl: no such file; check the path\n' +
        '  hint: name helpdesk exports (JSON, JSONL or CSV) that exist and can be read\n',
    );
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });
});
