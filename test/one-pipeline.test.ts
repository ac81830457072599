// Lint and audit read conversation data one way (src/input/conversation-data.ts): the same
// file gives the same conversations and the same notices, whichever command reads it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');
const conversation = (id: string) =>
  JSON.stringify({
    id,
    messages: [
      { role: 'customer', text: 'Where is my parcel?' },
      { role: 'agent', text: 'Hi Anna, it left today.' },
    ],
  });
/** The notices a run printed, as "line: message", without the file name and program prefix. */
const notices = (stderr: string, file: string) =>
  stderr
    .split('\n')
    .filter((l) => l.includes(`${file}:`))
    .map((l) => l.slice(l.indexOf(`${file}:`) + file.length + 1).trim())
    .sort();

describe('one reading of conversation data for lint and audit', () => {
  it('a JSONL export with broken and unknown lines: the same conversations linted, the same notices', () => {
    const file = join(tempDir(), 'export.jsonl');
    writeFileSync(file, `${conversation('a')}\n{"tickets": 3}\n"text"\n{"id": "b", "messages": [\n${conversation('c')}\n{"id": "d", "messages": "none"}\n`);
    const lint = cli(['--format', 'json', file]);
    const audit = cli(['audit', '--format', 'json', file]);
    expect(JSON.parse(lint.stdout).results.map((r: { conversationId: string }) => r.conversationId)).toEqual(['a', 'c']);
    expect(JSON.parse(audit.stdout).results.map((r: { conversationId: string }) => r.conversationId)).toEqual(['a', 'c']);
    const lintNotices = notices(lint.stderr, file);
    expect(lintNotices).toHaveLength(4);
    expect(lintNotices.join('\n')).toContain('2: not a conversation nor an export replylint knows (keys: tickets)');
    expect(lintNotices.join('\n')).toContain('3: not a conversation (a string)');
    expect(notices(audit.stderr, file)).toEqual(lintNotices.map((n) => n.replace(/^(\d+)\s+skipped\s+/, '$1: ')).sort());
  });

  it('lint reads an export as the helpdesk named with --from, as audit does', () => {
    const file = join(tempDir(), 'one.json');
    writeFileSync(file, conversation('a'));
    const lint = cli(['--from', 'zendesk', '--format', 'json', file]);
    const audit = cli(['audit', '--from', 'zendesk', '--format', 'json', file]);
    expect(lint.code).toBe(2);
    expect(audit.code).toBe(2);
    expect(lint.stderr).toContain('not a zendesk export: expected');
    expect(audit.stderr).toContain('not a zendesk export: expected');
    expect(JSON.parse(cli(['--from', 'replylint', '--format', 'json', file]).stdout).results).toHaveLength(1);
  });

  it('audit skips canned responses with a notice naming the lint command, instead of reading them as JSONL', () => {
    const macros = join(ROOT, 'fixtures', 'canned', 'zendesk-macros.json');
    const yaml = join(ROOT, 'fixtures', 'canned', 'macros.yaml');
    const r = cli(['audit', macros, yaml]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${macros}: is a macros export (canned responses, not conversations); lint it: replylint ${macros}; skipped`);
    expect(r.stderr).toContain(`${yaml}: is a reply file, not a conversation export (JSON, JSONL or CSV); lint it: replylint ${yaml}; skipped`);
    expect(r.stderr).not.toContain('invalid JSON');
    // Lint reads both as the canned responses they are.
    expect(JSON.parse(cli(['--format', 'json', macros, yaml]).stdout).results.length).toBeGreaterThan(2);
  });
});

describe('audit reads standard input ("-") as it reads a file', () => {
  const exports = join(ROOT, 'fixtures', 'exports');
  const scores = (stdout: string) => JSON.parse(stdout).results.map((r: { conversationId: string; score: number }) => `${r.conversationId}:${r.score}`);

  it('JSONL a line at a time, on workers too: the same results as the file, named <stdin>', () => {
    const file = join(ROOT, 'fixtures', 'transcripts', 'sample.jsonl');
    const fromFile = cli(['audit', '--format', 'json', '--workers', '2', file]);
    const fromStdin = cli(['audit', '--format', 'json', '--workers', '2', '-'], { input: readFileSync(file) });
    expect(fromStdin.code).toBe(fromFile.code);
    expect(scores(fromStdin.stdout)).toEqual(scores(fromFile.stdout));
    expect(JSON.parse(fromStdin.stdout).results[0].source).toBe('<stdin>');
  });

  it('a JSON export whole, and CSV when named with --from csv', () => {
    const zendesk = join(exports, 'zendesk.json');
    expect(scores(cli(['audit', '--format', 'json', '-'], { input: readFileSync(zendesk) }).stdout)).toEqual(
      scores(cli(['audit', '--format', 'json', zendesk]).stdout),
    );
    const csv = join(exports, 'export.csv');
    expect(scores(cli(['audit', '--format', 'json', '--from', 'csv', '-'], { input: readFileSync(csv) }).stdout)).toEqual(
      scores(cli(['audit', '--format', 'json', csv]).stdout),
    );
    const unnamed = cli(['audit', '-'], { input: readFileSync(csv) });
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('<stdin>: is not JSON or JSONL; for a CSV export, add --from csv; skipped');
  });

  it('nothing on stdin is nothing audited: exit 2, saying so', () => {
    const r = cli(['audit', '-'], { input: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('<stdin>: is empty; nothing to audit');
  });
});
