// Issue 10, item 6: report files (-o, audit -o) are replaced whole or not at all, in every
// format; an interrupted audit leaves the previous report as it was, and no temporary file.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../src/report/index.js';
import { BIN, cli, hasSetpriv, isRoot, ROOT, tempDir, unprivileged } from './helpers.js';

const SAMPLE = join(ROOT, 'fixtures', 'replies', 'en-needs-work.txt');
const EXPORTS = ['zendesk.json', 'intercom.json'].map((f) => join(ROOT, 'fixtures', 'exports', f));
const INTERPOSE = join(ROOT, 'test', 'fixtures', 'interpose-temp-open.cjs');
const PREVIOUS = 'the previous report, whole\n';

/** A folder holding a previous report (mode 0640), as a scheduled job leaves it. */
function previousReport(name: string) {
  const dir = tempDir();
  const report = join(dir, name);
  writeFileSync(report, PREVIOUS);
  chmodSync(report, 0o640);
  return { dir, report, ino: statSync(report).ino };
}

const temporaries = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('lint -o', () => {
  it('replaces the report with a whole new file in every format, keeping its mode', () => {
    for (const format of FORMATS) {
      const { dir, report, ino } = previousReport(`report.${format}`);
      const r = cli(['-f', format, '-o', report, SAMPLE]);
      expect(r.stdout, format).toBe('');
      expect(readFileSync(report, 'utf8'), format).toBe(cli(['-f', format, SAMPLE]).stdout);
      // A new file renamed over the old one: a reader sees either report whole, never a mix.
      expect(statSync(report).ino, format).not.toBe(ino);
      expect(statSync(report).mode & 0o777, format).toBe(0o640);
      expect(readdirSync(dir), format).toEqual([`report.${format}`]);
    }
  });

  it('writes through a symlink, which stays a link, and into a FIFO as it is', () => {
    const { dir, report } = previousReport('latest.json');
    symlinkSync('latest.json', join(dir, 'link.json'));
    cli(['-f', 'json', '-o', join(dir, 'link.json'), SAMPLE]);
    expect(readlinkSync(join(dir, 'link.json'))).toBe('latest.json');
    expect(JSON.parse(readFileSync(report, 'utf8')).results).toHaveLength(1);

    // A FIFO (as `-o >(gzip > r.gz)` gives) cannot be replaced: it is written.
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawnSync(
      'sh',
      ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} -f json -o "$1" "$2" & cat "$1"; wait`, 'sh', fifo, SAMPLE],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(reader.stdout).results).toHaveLength(1);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('replaces a regular file under /dev (as /dev/shm holds) whole, as anywhere else', () => {
    const dir = mkdtempSync('/dev/shm/replylint-test-');
    try {
      const report = join(dir, 'report.json');
      cli(['-f', 'json', '-o', report, SAMPLE]);
      const { ino } = statSync(report);
      cli(['-f', 'json', '-o', report, SAMPLE]);
      expect(JSON.parse(readFileSync(report, 'utf8')).results).toHaveLength(1); // one document, not two
      expect(statSync(report).ino).not.toBe(ino);
      expect(readdirSync(dir)).toEqual(['report.json']);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('writes to a descriptor (/dev/stdout, /dev/fd/N) as the shell opened it, appending after `>>`, whatever it leads to', () => {
    const { dir, report } = previousReport('appended.json');
    const shell = (redirect: string, path: string) =>
      spawnSync('sh', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} -f json -o ${path} "$1" ${redirect}`, 'sh', SAMPLE], {
        encoding: 'utf8',
        cwd: dir,
      });
    expect(shell('>> appended.json', '/dev/stdout').status).toBe(0);
    expect(shell('3>> appended.json', '/dev/fd/3').status).toBe(0);
    const [previous, ...documents] = readFileSync(report, 'utf8').split(/(?<=\n)(?=\{)/);
    expect(previous).toBe(PREVIOUS);
    expect(documents.map((d) => JSON.parse(d).results.length)).toEqual([1, 1]);
    expect(readdirSync(dir)).toEqual(['appended.json']);
    // A character device is written, never replaced.
    expect(cli(['-f', 'json', '-o', '/dev/null', SAMPLE]).code).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('removes the temporary file of a run killed (kill -9) on this machine when it runs again', () => {
    const { dir, report } = previousReport('report.json');
    const killed = cli(['-f', 'json', '-o', report, SAMPLE], { env: { NODE_OPTIONS: `--require ${INTERPOSE}`, REPLYLINT_TEST_KILL: '1' } });
    expect(killed.code).toBe(null);
    expect(temporaries(dir)).toHaveLength(1);
    expect(readFileSync(report, 'utf8')).toBe(PREVIOUS);
    expect(cli(['-f', 'json', '-o', report, SAMPLE]).stderr).toBe('');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('makes the folders of a report path that do not exist yet, as ESLint does', () => {
    const dir = tempDir();
    const report = join(dir, 'reports', 'today', 'report.json');
    const r = cli(['-f', 'json', '-o', report, SAMPLE]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(readFileSync(report, 'utf8')).results.length).toBeGreaterThan(0);
  });

  it('says where the report cannot be written, exits 2 and leaves nothing behind', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'a file, not a folder');
    const report = join(dir, 'notes.txt', 'report.json');
    const r = cli(['-f', 'json', '-o', report, SAMPLE]);
    expect(r.stderr).toBe(
      `replylint: ${report}: cannot write the report: a part of its path is a file, not a folder\n  hint: choose a path you may write to (a writable folder, not a read-only file); any previous report is left as it was\n`,
    );
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });
});

/** An export large enough that an audit of it is still running when it is interrupted. */
function bigExport(dir: string): string {
  const file = join(dir, 'big.jsonl');
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'generate.mjs'), '3000000', file, '--file-bytes'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return file;
}

/** Wait (polling, no deadline of its own) until `ready` holds while the child still runs. */
async function whileRunning(child: ChildProcess, ready: () => boolean): Promise<void> {
  while (!ready()) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('the audit ended before it could be interrupted; generate a larger export');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function interruptedAudit(format: string, signal: NodeJS.Signals, started: (dir: string, report: string) => boolean) {
  return async () => {
    const { dir, report } = previousReport(`audit.${format}`);
    const input = bigExport(dir);
    const child = spawn(process.execPath, [BIN, 'audit', '--workers', '1', '-f', format, '-o', report, input], { cwd: ROOT, stdio: 'ignore' });
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, sig) => resolve(sig)));
    await whileRunning(child, () => started(dir, report));
    expect(readFileSync(report, 'utf8')).toBe(PREVIOUS); // untouched while the audit runs
    child.kill(signal);
    expect(await ended).toBe(signal);
    expect(readFileSync(report, 'utf8')).toBe(PREVIOUS);
    expect(temporaries(dir)).toEqual([]);
  };
}

const reportChanged = (report: string) => readFileSync(report, 'utf8') !== PREVIOUS;

describe('audit -o', () => {
  it(
    'a SIGTERM mid-audit leaves the previous JSON report whole, and no temporary file',
    // Interrupted once results are streaming into the new report.
    interruptedAudit('json', 'SIGTERM', (dir, report) => reportChanged(report) || temporaries(dir).some((n) => statSync(join(dir, n)).size > 0)),
  );

  it(
    'an HTML audit leaves the previous report as it is until the new one is complete; SIGINT keeps it',
    interruptedAudit('html', 'SIGINT', (dir, report) => reportChanged(report) || temporaries(dir).length > 0),
  );

  it('replaces the report with a whole new file in every format, keeping its mode', () => {
    for (const format of ['stylish', 'json', 'csv', 'html']) {
      const { dir, report, ino } = previousReport(`audit.${format}`);
      const r = cli(['audit', '--workers', '1', '-f', format, '-o', report, ...EXPORTS]);
      expect(r.stdout, format).toBe('');
      expect(readFileSync(report, 'utf8'), format).toBe(cli(['audit', '--workers', '1', '-f', format, ...EXPORTS]).stdout);
      expect(statSync(report).ino, format).not.toBe(ino);
      expect(statSync(report).mode & 0o777, format).toBe(0o640);
      expect(readdirSync(dir), format).toEqual([`audit.${format}`]);
    }
  });

  it('into a folder that does not exist: makes it; under a file: says so before any work, exits 2', () => {
    const made = join(tempDir(), 'missing', 'audit.json');
    expect(cli(['audit', '-f', 'json', '-o', made, ...EXPORTS]).stderr).toBe('');
    expect(readFileSync(made, 'utf8')).toContain('"replies"');
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), '');
    const report = join(dir, 'notes.txt', 'audit.json');
    const r = cli(['audit', '-f', 'json', '-o', report, ...EXPORTS]);
    expect(r.stderr).toBe(
      `replylint: ${report}: cannot write the report: a part of its path is a file, not a folder\n  hint: choose a path you may write to (a writable folder, not a read-only file); any previous report is left as it was\n`,
    );
    expect(r.code).toBe(2);
    expect(existsSync(report)).toBe(false);
  });
});

describe.skipIf(!isRoot || !hasSetpriv)('a report in a folder the user cannot write to', () => {
  /** `locked/<name>`, a previous report the user may write (longer than the new one), in a folder they may not. */
  function lockedReport(name: string) {
    const dir = tempDir();
    mkdirSync(join(dir, 'locked'));
    const report = join(dir, 'locked', name);
    writeFileSync(report, PREVIOUS.repeat(100_000));
    chmodSync(report, 0o644);
    chmodSync(join(dir, 'locked'), 0o555);
    return { dir, report, ino: statSync(report).ino };
  }
  const inPlace = (dir: string, name: string) =>
    `replylint: locked/${name}: written in place, not replaced whole: no new file can be made in its folder (${join(dir, 'locked')}), so a reader may see it half-written and an interrupted run leaves it incomplete; make the folder writable to have it replaced whole\n`;

  it('lint -o writes over the file in place, and says that it is not atomic there, and why', () => {
    const { dir, report, ino } = lockedReport('report.json');
    const r = unprivileged(['-f', 'json', '-o', 'locked/report.json', SAMPLE], dir);
    expect(r.stderr).toBe(inPlace(dir, 'report.json'));
    expect(r.code).toBe(0);
    expect(readFileSync(report, 'utf8')).toBe(cli(['-f', 'json', SAMPLE]).stdout);
    expect(statSync(report).ino).toBe(ino);
    expect(readdirSync(join(dir, 'locked'))).toEqual(['report.json']);
  });

  it('audit -o writes over it in place too, and says so', () => {
    const { dir, report } = lockedReport('audit.html');
    const r = unprivileged(['audit', '--workers', '1', '-f', 'html', '-o', 'locked/audit.html', ...EXPORTS], dir);
    expect(r.stderr).toBe(inPlace(dir, 'audit.html'));
    expect(readFileSync(report, 'utf8')).toBe(cli(['audit', '--workers', '1', '-f', 'html', ...EXPORTS]).stdout);
  });

  it('a new report in such a folder cannot be made: says so and exits 2', () => {
    const { dir } = lockedReport('report.json');
    const r = unprivileged(['-f', 'json', '-o', 'locked/new.json', SAMPLE], dir);
    expect(r.stderr).toMatch(/^replylint: locked\/new\.json: cannot write the report: permission denied\n/);
    expect(r.code).toBe(2);
  });
});
