// Inputs read within bounds: a CSV record or conversation, like a JSONL line, may be at
// most 2 MB (MAX_LINE_BYTES); past that it is skipped with a notice naming its line, and
// the rest of the file is read. The cache hashes what was linted, and nothing over the
// 5 MB a reply may be.
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES } from '../src/input/jsonl.js';
import { cli, ROOT, tempDir } from './helpers.js';

const GOOD = 'Hi Anna,\n\nThe ETA is Monday.\n\nBest,\nMark';
const MB = 1024 * 1024;

interface Report {
  results: { conversationId?: string; messageIndex: number }[];
}
const replies = (stdout: string) => (JSON.parse(stdout) as Report).results.map((r) => `${r.conversationId}:${r.messageIndex}`);

describe('CSV', () => {
  const COLUMNS = ['--csv-columns', 'conversation=ticket,role=sender,text=body'];
  const row = (id: string, role: string, text: string) => `${id},${role},"${text.replace(/"/g, '""')}"\n`;
  /** A conversation of two rows (a customer's, an agent's) on seven lines: GOOD holds five line breaks. */
  const twoRows = (id: string) => row(id, 'customer', 'Where is my order?') + row(id, 'agent', GOOD);
  /** The CSV, audited on worker threads and in the main thread, each run's stdout and stderr. */
  function audit(csv: string) {
    const file = join(tempDir(), 'export.csv');
    writeFileSync(file, `ticket,sender,body\n${csv}`);
    return ['2', '0'].map((workers) => ({
      workers,
      ...cli(['audit', '-f', 'json', '--workers', workers, ...COLUMNS, 'export.csv'], { cwd: join(file, '..'), killAfterMs: 60_000, memoryLimit: 1024 ** 3 }),
    }));
  }

  it('a quote left open before 3 MB of rows skips one line, not the file (it took the rest as one field, memory growing with the file)', () => {
    // Rows without quotes, 10 KB each: the open quote swallows them until the record limit.
    const plain = (id: string) => `${id},agent,Hi Anna. ${'The parcel left the depot today and arrives tomorrow. '.repeat(190)}Best. Mark\n`;
    const rest = Array.from({ length: 300 }, (_, i) => plain(`p${i}`)).join('');
    for (const run of audit(`${twoRows('c1')}c2,agent,"an open quote\n${rest}`)) {
      expect([run.workers, run.stderr]).toEqual([
        run.workers,
        'replylint: export.csv:9: a record over 2 MB starts here (is a quote left open?); its first line is skipped, and the rest is read from the next line\n',
      ]);
      expect(replies(run.stdout)).toEqual(['c1:1', ...Array.from({ length: 300 }, (_, i) => `p${i}:0`)]);
      expect(run.code).toBe(0);
    }
  });

  it('a record over 2 MB (one long field) is skipped with its line; the rows after it are read', () => {
    for (const run of audit(`${twoRows('c1')}c2,agent,${'x'.repeat(MAX_LINE_BYTES + 10)}\n${twoRows('c3')}`)) {
      expect([run.workers, run.stderr]).toEqual([
        run.workers,
        'replylint: export.csv:9: a record over 2 MB starts here (is a quote left open?); its first line is skipped, and the rest is read from the next line\n',
      ]);
      expect(replies(run.stdout)).toEqual(['c1:1', 'c3:1']);
    }
  });

  it('a conversation of more than 2 MB of rows is skipped with its first line and id; the next is read', () => {
    const many = Array.from({ length: 3000 }, (_, i) => row('long', 'agent', `${'Reply number '.repeat(60)}${i}`)).join('');
    expect(many.length).toBeGreaterThan(2 * MB);
    for (const run of audit(`${twoRows('c1')}${row('long', 'customer', 'Where is it?')}${many}${twoRows('c3')}`)) {
      expect([run.workers, run.stderr]).toEqual([
        run.workers,
        'replylint: export.csv:9: conversation long has over 2 MB of rows, more than a conversation may be; skipped\n',
      ]);
      expect(replies(run.stdout)).toEqual(['c1:1', 'c3:1']);
    }
  });

  it('a stray quote inside a field is text; a quote never closed skips its line, and the rows after it are read', () => {
    // (A later quote would close it: the rows after it hold none.)
    for (const run of audit(
      `${twoRows('c1')}c2,agent,Hi Anna. The "express" option arrives Monday.\nc3,agent,"Hi Anna, never closed\nc4,agent,Hi Anna. It arrives Monday. Mark\n`,
    )) {
      expect([run.workers, run.stderr]).toEqual([
        run.workers,
        'replylint: export.csv:10: a quote opened here is never closed; its first line is skipped, and the rest is read from the next line\n',
      ]);
      expect(replies(run.stdout)).toEqual(['c1:1', 'c2:0', 'c4:0']);
    }
  });
});

describe('--cache', () => {
  const lint = (dir: string, args: string[], env?: Record<string, string>) => cli(['-f', 'json', ...args], { cwd: dir, env, killAfterMs: 20_000 });

  it('keeps results under the bytes they were found in: a file edited while it is linted is linted again next time', () => {
    const dir = tempDir();
    const file = join(dir, 'reply.txt');
    const edited = 'hello\n';
    writeFileSync(file, 'Hi Anna,\n\nedit-me-after-reading: the ETA is Monday.\n\nBest,\nMark\n');
    const env = {
      NODE_OPTIONS: `--require ${join(ROOT, 'test', 'fixtures', 'edit-after-reading.cjs')}`,
      REPLYLINT_TEST_EDIT: file,
      REPLYLINT_TEST_EDIT_TO: edited,
    };
    const whileEdited = lint(dir, ['--cache', 'reply.txt'], env);
    expect(whileEdited.code).toBe(0);
    const asEdited = lint(dir, ['reply.txt']);
    expect(asEdited.stdout).not.toBe(whileEdited.stdout);
    expect(lint(dir, ['--cache', 'reply.txt'])).toEqual(asEdited);
  });

  it('hashes no file over the 5 MB a reply may be, even one cached when it was small (64 GB: it read them all)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'reply.txt'), 'Hi Anna,\n\nThe ETA is Monday.\n\nBest,\nMark\n');
    expect(lint(dir, ['--cache', 'reply.txt']).code).toBe(0);
    // A sparse file: 64 GB that take no room on disk.
    truncateSync(join(dir, 'reply.txt'), 64 * 1024 ** 3);
    expect(lint(dir, ['--cache', 'reply.txt'])).toMatchObject({
      code: 2,
      stderr:
        'replylint: reply.txt: looks like a binary file (it holds NUL bytes); skipped\nreplylint: nothing was linted: the input was skipped (see why above)\n',
    });
  }, 60_000);
});

describe('JSONL', () => {
  /** A conversation whose JSON line is exactly `bytes` long: padded in a field the format does not read. */
  function lineOf(id: string, bytes: number): string {
    const conversation = {
      id,
      pad: '',
      messages: [
        { role: 'customer', text: 'Where is it?' },
        { role: 'agent', text: 'Hi Anna,\n\nThe ETA is Monday.\n\nBest,\nMark' },
      ],
    };
    const line = JSON.stringify({ ...conversation, pad: 'x'.repeat(bytes - JSON.stringify(conversation).length) });
    expect(Buffer.byteLength(line)).toBe(bytes);
    return line;
  }

  it('a line of exactly 2 MB is read, one a byte longer is skipped, though each ends in a later read than it starts in', () => {
    const dir = tempDir();
    // The short first line puts the long ones out of step with the reads (256 KB each).
    writeFileSync(
      join(dir, 'c.jsonl'),
      [lineOf('c1', 1000), lineOf('exact', MAX_LINE_BYTES), lineOf('over', MAX_LINE_BYTES + 1), lineOf('c4', 1000)].join('\n') + '\n',
    );
    const notice = 'replylint: c.jsonl:3: line is over 2 MB; a conversation that long is skipped\n';
    for (const args of [[], ['audit', '--workers', '0'], ['audit', '--workers', '2']]) {
      const run = cli([...args, '-f', 'json', 'c.jsonl'], { cwd: dir, killAfterMs: 60_000 });
      expect([args, run.stderr]).toEqual([args, notice]);
      expect((JSON.parse(run.stdout) as Report).results.map((r) => r.conversationId)).toEqual(['c1', 'exact', 'c4']);
    }
  });
});
