// Issue 10, "hostile text, hostile files", items 7 to 9: input that is unreadable, endless,
// huge or circular is a notice (or, in a config, a configuration error) that says what,
// where and how to fix it; never "internal error", never a hang, never memory without end.
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, linkSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, hasSetpriv, isRoot, tempDir, unprivileged } from './helpers.js';

const GOOD = 'Hi Anna,\n\nThe ETA is Monday.\n\nBest,\nMark\n';
const conversation = (id: string, text = GOOD, customer = 'Where is my order?') => JSON.stringify({ id, messages: [{ role: 'customer', text: customer }, { role: 'agent', text }] });

/** A folder with `good.txt` and the other files given. */
function folder(files: Record<string, string> = {}): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'good.txt'), GOOD);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Far more than any of these runs takes; a read without end is stopped there. */
const GIGABYTE = 1024 ** 3;
const mkfifo = (path: string) => execFileSync('mkfifo', [path]);
const report = (stdout: string) => JSON.parse(stdout) as { results: { source: string; conversationId?: string }[]; summary: { replies: number; skipped: number } };
const noInternalError = (stderr: string) => expect(stderr).not.toMatch(/internal error|report it/);

describe('unreadable input is a notice, and the rest is linted (item 7)', () => {
  it.skipIf(!isRoot || !hasSetpriv)('a file without read permission (chmod 000), for lint and audit', () => {
    const dir = folder({ 'c.jsonl': `${conversation('c1')}\n` });
    writeFileSync(join(dir, 'locked.txt'), GOOD);
    chmodSync(join(dir, 'locked.txt'), 0o000);
    writeFileSync(join(dir, 'locked.jsonl'), `${conversation('c2')}\n`);
    chmodSync(join(dir, 'locked.jsonl'), 0o000);
    const r = unprivileged(['-f', 'json', 'locked.txt', 'good.txt'], dir);
    expect(r.stderr).toBe('replylint: locked.txt: cannot be read: permission denied; allow reading it (chmod u+r) or leave it out; skipped\n');
    expect(report(r.stdout).summary).toMatchObject({ replies: 1, skipped: 1 });
    expect(r.code).toBe(0);
    const audit = unprivileged(['audit', '-f', 'json', '--workers', '0', 'locked.jsonl', 'c.jsonl'], dir);
    expect(audit.stderr).toBe('replylint: locked.jsonl: cannot be read: permission denied; allow reading it (chmod u+r) or leave it out\n');
    expect(report(audit.stdout).summary).toMatchObject({ replies: 1, skipped: 1 });
  });

  it('160,000 files: each is read (no argument list overflows the stack)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'replies'));
    // Hard links of three empty files: 160,000 names quickly (a file holds at most 65,000 links).
    for (let i = 0; i < 3; i++) writeFileSync(join(dir, 'replies', `${i}.txt`), '');
    for (let i = 3; i < 160_000; i++) linkSync(join(dir, 'replies', `${i % 3}.txt`), join(dir, 'replies', `${i}.txt`));
    writeFileSync(join(dir, 'good.txt'), GOOD);
    const r = cli(['-f', 'json', 'replies', 'good.txt'], { cwd: dir });
    noInternalError(r.stderr);
    expect(report(r.stdout).summary).toMatchObject({ replies: 1, skipped: 160_000 });
    expect(r.stderr.split('\n')[0]).toBe('replylint: replies/0.txt: is empty; nothing to lint');
  }, 120_000);

  it('one bad front matter is a notice for its file; the other files are linted', () => {
    const dir = folder({ 'bad.txt': '---\nlanguage: [en\n---\nHi Tom,\n\nThanks!\n' });
    const r = cli(['-f', 'json', 'bad.txt', 'good.txt'], { cwd: dir });
    expect(r.stderr).toBe('replylint: bad.txt:2: invalid front matter: Flow sequence in block collection must be sufficiently indented and end with a ] (column 14); front matter is YAML between two "---" lines: fix it or remove it; skipped\n');
    expect(report(r.stdout).results.map((x) => x.source)).toEqual(['good.txt']);
    expect(r.code).toBe(0);
  });
});

describe('reads are bounded (item 8)', () => {
  it('a FIFO named as a file is refused without a read, for lint and audit', () => {
    const dir = folder({ 'c.jsonl': `${conversation('c1')}\n` });
    mkfifo(join(dir, 'pipe.txt'));
    mkfifo(join(dir, 'pipe.jsonl'));
    const r = cli(['-f', 'json', 'pipe.txt', 'good.txt'], { cwd: dir });
    expect(r.stderr).toBe('replylint: pipe.txt: is a named pipe (FIFO), not a regular file; only files are read; skipped\n');
    expect(report(r.stdout).summary).toMatchObject({ replies: 1, skipped: 1 });
    const audit = cli(['audit', '-f', 'json', '--workers', '0', 'pipe.jsonl', 'c.jsonl'], { cwd: dir });
    expect(audit.stderr).toBe('replylint: pipe.jsonl: is a named pipe (FIFO), not a regular file; only files are read\n');
    expect(report(audit.stdout).summary).toMatchObject({ replies: 1, skipped: 1 });
  });

  it('stdin from /dev/zero is refused after the 5 MB a reply may be, without reading on', () => {
    const zero = openSync('/dev/zero', 'r');
    try {
      const r = cli(['-f', 'json'], { stdin: zero, memoryLimit: GIGABYTE });
      expect(r.stderr).toBe('replylint: <stdin>: is over 5 MB, too large for a reply; give conversations as JSONL (one a line) or name the file; skipped\n');
      expect(report(r.stdout).summary).toMatchObject({ replies: 0, skipped: 1 });
    } finally {
      closeSync(zero);
    }
  });

  it('stdin over 5 MB is read as JSONL, line by line, when that is what it holds', () => {
    // Four conversations, each with a long customer message: 6 MB in all.
    const lines = [1, 2, 3, 4].map((n) => conversation(`c${n}`, GOOD, `${'Where is my order? '.repeat(80_000)}`));
    const r = cli(['-f', 'json'], { input: `${lines.join('\n')}\n` });
    expect(r.stderr).toBe('');
    expect(report(r.stdout).results.map((x) => x.conversationId)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('a JSONL line over 2 MB is skipped with its file and line, the rest linted (lint and audit alike)', () => {
    const dir = folder({ 'c.jsonl': [conversation('c1'), conversation('long', GOOD, 'x'.repeat(3 * 1024 * 1024)), conversation('c3')].join('\n') + '\n' });
    const r = cli(['-f', 'json', 'c.jsonl'], { cwd: dir });
    expect(r.stderr).toBe('replylint: c.jsonl:2: line is over 2 MB; a conversation that long is skipped\n');
    expect(report(r.stdout).results.map((x) => x.conversationId)).toEqual(['c1', 'c3']);
    const audit = cli(['audit', '-f', 'json', '--workers', '0', 'c.jsonl'], { cwd: dir });
    expect(audit.stderr).toBe(r.stderr);
  });
});
