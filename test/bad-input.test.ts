// The bad-input matrix: each case, the exact message a user sees, and nothing else lost.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from './helpers.js';

const GOOD = 'Hi Anna,\n\nThe ETA is Monday.\n\nBest,\nMark\n';
const SAMPLE = join(ROOT, 'fixtures', 'replies', 'sk-good.txt');

function withFile(name: string, content: string | Buffer) {
  const dir = tempDir();
  const file = join(dir, name);
  writeFileSync(file, content);
  writeFileSync(join(dir, 'good.txt'), GOOD);
  return { dir, file, good: join(dir, 'good.txt') };
}

describe('bad input', () => {
  it('a binary file is skipped, the rest linted', () => {
    const { file, good } = withFile('logo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const r = cli(['-f', 'json', file, good]);
    expect(r.stderr).toBe(`replylint: ${file}: looks like a binary file (it holds NUL bytes); skipped\n`);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ replies: 1, skipped: 1 });
  });

  it('invalid UTF-8 is skipped with a way out, and left as it is by --fix', () => {
    const bytes = Buffer.from('Dobr\xfd den, Ticket #1234\n', 'latin1');
    const { file } = withFile('latin1.txt', bytes);
    const r = cli(['-f', 'json', '--fix', file]);
    expect(r.stderr).toBe(
      `replylint: ${file}: is not valid UTF-8; save it as UTF-8 and run again; skipped\nreplylint: nothing was linted: the input was skipped (see why above)\n`,
    );
    expect(r.code).toBe(2); // nothing was linted
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('UTF-16 with a BOM is read, and --fix writes it back as UTF-16 with its BOM', () => {
    const text = '\uFEFFHi Anna,\r\n\r\nYour order ships today.\r\n\r\nTicket #48213\r\n';
    const { file } = withFile('utf16.txt', Buffer.from(text, 'utf16le'));
    const report = JSON.parse(cli(['-f', 'json', file]).stdout);
    expect(report.results[0].violations.find((v: { rule: string }) => v.rule === 'no-ticket-clutter')).toMatchObject({ line: 5, column: 1 });
    cli(['--fix', file]);
    const after = readFileSync(file);
    expect(after.subarray(0, 2).equals(Buffer.from([0xff, 0xfe]))).toBe(true);
    expect(after.toString('utf16le')).toBe('\uFEFFHi Anna,\r\n\r\nYour order ships today.\r\n');
  });

  it('CRLF line endings: positions count lines as the editor does', () => {
    const { file } = withFile('crlf.txt', 'Hi Anna,\r\n\r\nThe ETA is Monday.\r\n');
    const [v] = JSON.parse(cli(['-f', 'json', file]).stdout).results[0].violations.filter((x: { rule: string }) => x.rule === 'no-jargon');
    expect(v).toMatchObject({ line: 3, column: 5, endLine: 3, endColumn: 8 });
  });

  it('a 50 MB single line is skipped as too large, the rest linted', () => {
    const { file, good } = withFile('huge.txt', 'a'.repeat(50 * 1024 * 1024));
    const r = cli(['-f', 'json', file, good]);
    expect(r.stderr).toBe(`replylint: ${file}: is 50.0 MB, too large for a reply (limit 5 MB); skipped\n`);
    expect(JSON.parse(r.stdout).summary.replies).toBe(1);
  });

  it('an empty file says so', () => {
    const { file } = withFile('empty.txt', '');
    expect(cli(['-f', 'json', file])).toMatchObject({
      code: 2,
      stderr: `replylint: ${file}: is empty; nothing to lint\nreplylint: nothing was linted: the input was skipped (see why above)\n`,
    });
  });

  it('empty stdin says so, and scores nothing', () => {
    const r = cli(['-f', 'json'], { input: ' \n' });
    expect(r.stderr).toBe('replylint: <stdin>: is empty; nothing to lint\nreplylint: nothing was linted: the input was skipped (see why above)\n');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).results).toEqual([]);
  });

  it('a directory named like a file has nothing to lint: exit 2', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'reply.txt'));
    const r = cli([join(dir, 'reply.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`replylint: no files match "${join(dir, 'reply.txt')}"; check the path or quote the glob\n`);
  });

  it('a symlink loop in a glob ends, and each file is linted once', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'canned'));
    writeFileSync(join(dir, 'canned', 'a.txt'), GOOD);
    symlinkSync('..', join(dir, 'canned', 'loop'));
    const r = cli(['-f', 'json', 'canned/**/*.txt'], { cwd: dir });
    expect(JSON.parse(r.stdout).results.map((x: { source: string }) => x.source)).toEqual(['canned/a.txt']);
  });

  it('a YAML alias bomb in a config or a rule file stops with the file named: exit 2', () => {
    const bomb =
      'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
    const dir = tempDir();
    writeFileSync(join(dir, '.replylintrc.yaml'), bomb);
    const r = cli([SAMPLE], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^replylint: .*\.replylintrc\.yaml: invalid YAML: .*alias/m);
    const rules = tempDir();
    mkdirSync(join(rules, 'team'));
    writeFileSync(join(rules, 'team', 'bomb.yaml'), bomb);
    writeFileSync(join(rules, '.replylintrc.yaml'), 'rulePaths: [team]\n');
    const r2 = cli([SAMPLE], { cwd: rules });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/bomb\.yaml: invalid YAML: .*alias/);
  });

  it('unknown roles are reported and the rest of the conversation is linted', () => {
    const { file } = withFile(
      'c.jsonl',
      `${JSON.stringify({
        id: 'c1',
        messages: [
          { role: 'customer', text: 'Where is my order?' },
          { role: 'robot', text: 'beep' },
          { role: 'agent', text: GOOD },
        ],
      })}\n`,
    );
    const r = cli(['-f', 'json', file]);
    expect(r.stderr).toBe(`replylint: ${file}:1: conversation c1 message 1: unknown role "robot"; use "customer" or "agent"; message skipped\n`);
    expect(JSON.parse(r.stdout).results.map((x: { messageIndex: number }) => x.messageIndex)).toEqual([2]);
  });
});
