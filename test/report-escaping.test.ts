// Hostile text, hostile files (issue 10, items 12-16): replies, exports, file names,
// conversation ids and agent names come from strangers, and every report must print them
// as text. Each test lints such input as a user would and reads the report's bytes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { csvRows, markdownCode, markdownText, terminalText } from '../src/report/escape.js';
import { cli, ROOT, tempDir } from './helpers.js';

const require = createRequire(import.meta.url);
const parseCsv = (text: string): string[][] => require('csv-parse/sync').parse(text, { relax_column_count: true });

const REPLY = 'Hello,\n\nThanks for writing.\n';
const ESC_TITLE = '\u001b]0;pwn\u0007'; // OSC 0: retitles the terminal window
const FORMULA = "=cmd|' /C calc'!A0"; // as a path: a folder "=cmd|' " holding "C calc'!A0.txt"

/** A folder holding files by these names (each with this content). */
function folder(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** A JSONL export of one conversation per entry: id, agent, customer, and the agent's reply. */
function transcript(dir: string, name: string, conversations: { id: string; agent: string; customer?: string; text?: string; time?: string }[]): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    conversations
      .map((c) => JSON.stringify({ id: c.id, channel: 'email', language: 'en', customer: { name: c.customer ?? 'James Wilson' }, agent: { name: c.agent }, messages: [{ role: 'customer', text: 'Where is my refund?' }, { role: 'agent', text: c.text ?? 'Hello,\n\nIt is on its way.\n', time: c.time }] }))
      .join('\n') + '\n',
  );
  return file;
}

/** Our own colours are SGR sequences (ESC [ … m); any other ESC, or a BEL, came from the input. */
function foreignControls(text: string): string[] {
  return [...text.replace(/\u001b\[[0-9;]*m/g, '').matchAll(/[\p{Cc}\p{Bidi_Control}]/gu)].map((m) => m[0]).filter((c) => c !== '\n');
}

/** Lines a GitHub runner would take for workflow commands: `::` after leading space, or the legacy `##[` anywhere. */
function workflowCommands(text: string): string[] {
  return text.split(/\r?\n|\r/).filter((line) => line.trimStart().startsWith('::') || line.includes('##['));
}

describe('CSV cells are never formulas (item 12)', () => {
  const dangerous = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

  it('lint --format csv: file names and messages that start like a formula get a leading quote; our numbers stay numbers', () => {
    const names = [`${FORMULA}.txt`, '+1+1.txt', '-2+3.txt', '@SUM(A1).txt'];
    const dir = folder(Object.fromEntries(names.map((n) => [n, REPLY])));
    const r = cli(['-f', 'csv', '--customer-name', '=HYPERLINK("http://x.test","a")', '--', ...names], { cwd: dir });
    const [header, ...rows] = parseCsv(r.stdout);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(dangerous);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(names.map((n) => `'${n}`)));
    const column = (name: string) => rows.map((row) => row[header.indexOf(name)]);
    for (const name of ['score', 'line', 'column']) for (const cell of column(name)) expect(cell).toMatch(/^\d+$/);
  });

  it('audit --format csv --per reply and --per agent: conversation ids, agents and times; `;` cells quoted for Czech Excel', () => {
    const dir = tempDir();
    const file = transcript(dir, 'export.jsonl', [
      { id: '=1+1', agent: FORMULA, time: '-1+2' },
      { id: 'c2', agent: 'Anna;=2+2' },
      { id: '\tTab', agent: '@A1', time: '2025-03-01T10:00:00Z' },
    ]);
    for (const per of ['reply', 'agent']) {
      const r = cli(['audit', '--format', 'csv', '--per', per, '--workers', '1', file]);
      expect(r.code).not.toBe(2);
      const rows = parseCsv(r.stdout).slice(1);
      expect(rows.length).toBe(3);
      for (const row of rows) for (const cell of row) expect(cell).not.toMatch(dangerous);
      expect(r.stdout).toContain('"Anna;=2+2"');
      expect(r.stdout).toContain(`'${FORMULA}`);
    }
    const perReply = parseCsv(cli(['audit', '--format', 'csv', '--workers', '1', file]).stdout).slice(1);
    expect(perReply.map((row) => [row[1], row[3], row[4]])).toEqual([["'=1+1", `'${FORMULA}`, "'-1+2"], ['c2', 'Anna;=2+2', ''], ["'\tTab", "'@A1", '2025-03-01T10:00:00Z']]);
  });

  it('a number we computed is written as a number even when negative; the same text from a stranger is not', () => {
    expect(csvRows([[-3, '-3', 4.5, '+4']])).toBe("-3,'-3,4.5,'+4\n");
  });
});
