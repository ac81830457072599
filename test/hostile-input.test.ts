// Issue 10, "hostile text, hostile files", items 7 to 9: input that is unreadable, endless,
// huge or circular is a notice (or, in a config, a configuration error) that says what,
// where and how to fix it; never "internal error", never a hang, never memory without end.
import { linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

const GOOD = 'Hi Anna,\n\nThe ETA is Monday.\n\nBest,\nMark\n';

const report = (stdout: string) => JSON.parse(stdout) as { results: { source: string; conversationId?: string }[]; summary: { replies: number; skipped: number } };
const noInternalError = (stderr: string) => expect(stderr).not.toMatch(/internal error|report it/);

describe('unreadable input is a notice, and the rest is linted (item 7)', () => {
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
});
