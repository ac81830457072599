// Issue 13: nothing read wrong may pass green, and a failed run says why.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

const json = (args: string[], input: string) => {
  const r = cli(['-f', 'json', ...args], { input });
  return { ...r, report: r.stdout ? JSON.parse(r.stdout) : undefined };
};

describe('stdin: a conversation only when it is one', () => {
  it.each([
    ['a draft opening with a bracketed tag', '[Draft] Hi Anna, thanks for your patience. Your refund is on its way.'],
    ['a template opening with a placeholder', '{{first_name}}, thanks for your patience. Your refund is on its way.'],
    ['a Czech draft in brackets', '[Koncept] Dobrý den, paní Nováková, peníze vám vrátíme do pátku.'],
  ])('%s is linted as text', (_, text) => {
    const r = json([], text);
    expect(r.report.results).toHaveLength(1);
    expect(r.report.summary.skipped).toBe(0);
  });

  it('--stdin-filename with a text extension forces text, even for valid JSON', () => {
    const r = json(['--stdin-filename', 'draft.txt'], '{"messages": "not a conversation"}');
    expect(r.report.results).toHaveLength(1);
    expect(r.report.results[0].source).toBe('draft.txt');
  });

  it('JSON and JSONL conversations are still read as conversations', () => {
    const one = {
      id: 'c1',
      messages: [
        { role: 'customer', text: 'Where is my order?' },
        { role: 'agent', text: 'Hi Anna, it arrives on Friday.' },
      ],
    };
    expect(json([], JSON.stringify(one)).report.results[0].conversationId).toBe('c1');
    const lines = [one, { ...one, id: 'c2' }].map((c) => JSON.stringify(c)).join('\n');
    expect(json([], lines).report.results.map((r: { conversationId: string }) => r.conversationId)).toEqual(['c1', 'c2']);
  });
});

describe('a run that linted nothing is no clean run', () => {
  it('invalid JSON on stdin: exit 2, no "mean score 100"', () => {
    const r = json([], '{"id": 1, "messages": [');
    expect(r.code).toBe(2);
    expect(r.report.summary).toMatchObject({ replies: 0, skipped: 1, meanScore: null });
    expect(r.stderr).toContain('invalid JSON');
    expect(r.stderr).toContain('nothing was linted');
  });

  it('every file skipped (binary, empty): exit 2; one good file among them: the skips are notices', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), '');
    writeFileSync(join(dir, 'b.txt'), Buffer.from([0, 1, 2, 0]));
    const all = cli([join(dir, 'a.txt'), join(dir, 'b.txt')]);
    expect(all.code).toBe(2);
    expect(all.stdout).toContain('nothing linted: 2 inputs skipped');
    writeFileSync(join(dir, 'c.txt'), 'Hi Anna,\n\nyour refund was sent today.\n\nKind regards,\nTom');
    const some = cli(['-f', 'json', join(dir, 'a.txt'), join(dir, 'c.txt')]);
    expect(some.code).toBe(0);
    expect(JSON.parse(some.stdout).summary).toMatchObject({ replies: 1, skipped: 1 });
  });
});

describe('thresholds say which failed and by how much', () => {
  const shouting = 'Hi Anna, I WILL CHECK IT NOW!!!';
  it('--max-warnings', () => {
    const r = cli(['--max-warnings', '1'], { input: shouting });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--max-warnings 1: (\d+) warnings, \d+ over the limit/);
  });
  it('--min-score', () => {
    const r = cli(['--min-score', '90'], { input: shouting });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--min-score 90: 1 reply scores under it; the lowest, <stdin>, scores \d+ \(\d+ short\)/);
  });
  it('out-of-range values and --fix with --fix-dry-run are usage errors', () => {
    expect(cli(['--min-score', '150'], { input: shouting })).toMatchObject({ code: 2 });
    expect(cli(['--min-score', '-1'], { input: shouting })).toMatchObject({ code: 2 });
    expect(cli(['--max-warnings', '-2'], { input: shouting })).toMatchObject({ code: 2 });
    const both = cli(['--fix', '--fix-dry-run', 'x.txt']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("'--fix' cannot be used with option '--fix-dry-run'");
    expect(cli(['audit', '--workers', '-3', 'x.json']).code).toBe(2);
  });
});

describe('suppressed violations cost no points', () => {
  it('a baseline leaves the score of what is reported', () => {
    const dir = tempDir();
    const file = join(dir, 'reply.txt');
    writeFileSync(file, 'Hi Anna, I WILL CHECK IT NOW!!!');
    const before = JSON.parse(cli(['-f', 'json', file], { cwd: dir }).stdout).results[0];
    expect(before.score).toBeLessThan(100);
    expect(cli(['--suppress-all', file], { cwd: dir }).code).toBe(0);
    const after = JSON.parse(cli(['-f', 'json', file], { cwd: dir }).stdout).results[0];
    expect(after.violations).toEqual([]);
    expect(after.score).toBe(100);
  });
});

describe('--fix on stdin', () => {
  it('prints the fixed text on stdout and the report on stderr', () => {
    const draft = 'Dobrý den,\n\nzásilka dorazí zítra.\n\nS pozdravem\nJana\n\nČíslo požadavku: #48213 | Prosím odpovídejte nad tuto čáru\n';
    const r = cli(['--fix', '--lang', 'cs'], { input: draft });
    expect(r.stdout).toBe('Dobrý den,\n\nzásilka dorazí zítra.\n\nS pozdravem\nJana\n');
    expect(r.stderr).toContain('<stdin>');
    // Nothing to fix: the text comes back as it was.
    const clean = 'Hi Anna,\n\nyour refund was sent today.\n\nKind regards,\nTom\n';
    expect(cli(['--fix', '--lang', 'en'], { input: clean }).stdout).toBe(clean);
    // With -o the report goes to the file and stdout holds only the text.
    const dir = tempDir();
    const o = cli(['--fix', '--lang', 'cs', '-f', 'json', '-o', join(dir, 'r.json')], { input: draft });
    expect(o.stdout).toBe('Dobrý den,\n\nzásilka dorazí zítra.\n\nS pozdravem\nJana\n');
  });
});
