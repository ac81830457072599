import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, hasSetpriv, isRoot, ROOT, tempDir, unprivileged } from './helpers.js';

const CLUTTERED = 'Hi Tom,\n\nYour boots ship today.\n\nTicket #48213\n';
const FIXED = 'Hi Tom,\n\nYour boots ship today.\n';
const INTERPOSE = join(ROOT, 'test', 'fixtures', 'interpose-temp-open.cjs');
const NOBODY = 65534; // nobody and nogroup on Debian

if (!isRoot) console.warn('skipping the --fix tests of owners and permissions: they need root (to hand files to another user, or to drop its own privileges)');
else if (!hasSetpriv) console.warn('skipping the --fix tests as an unprivileged user: no /usr/bin/setpriv (apt-get install util-linux)');

/** The rules a JSON report found, per source. */
function rulesBySource(stdout: string): Record<string, string[]> {
  const report = JSON.parse(stdout) as { results: { source: string; violations: { rule: string }[] }[] };
  return Object.fromEntries(report.results.map((r) => [r.source, r.violations.map((v) => v.rule)]));
}

function withReply(name = 'reply.txt', content = CLUTTERED) {
  const dir = tempDir();
  const file = join(dir, name);
  writeFileSync(file, content);
  return { dir, file };
}

describe('--fix writes only what it means to', () => {
  it('never follows a symlink planted at the name of its temporary file', () => {
    const { dir, file } = withReply();
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'not yours\n', { mode: 0o600 });
    // The planted link stands at the very name the temporary file is opened under.
    const r = cli(['--fix', file], { env: { NODE_OPTIONS: `--require ${INTERPOSE}`, REPLYLINT_TEST_PLANT_LINK: victim } });
    expect(r.stderr).toBe('');
    expect(readFileSync(victim, 'utf8')).toBe('not yours\n');
    expect(statSync(victim).mode & 0o777).toBe(0o600);
    expect(lstatSync(file).isFile()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    // The planted link is left for its owner to see; no temporary file of ours is.
    expect(
      readdirSync(dir)
        .filter((n) => n.endsWith('.tmp'))
        .map((n) => lstatSync(join(dir, n)).isSymbolicLink()),
    ).toEqual([true]);
  });

  it('fixes a symlinked file through the link, which stays a link', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'replies'));
    const target = join(dir, 'replies', 'reply.txt');
    writeFileSync(target, CLUTTERED);
    const link = join(dir, 'link.txt');
    symlinkSync('replies/reply.txt', link);
    expect(cli(['--fix', link]).stderr).toBe('');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('replies/reply.txt');
    expect(readFileSync(target, 'utf8')).toBe(FIXED);
  });

  it('leaves a file with several hard links as it was, says why, and reports its violations', () => {
    const { dir, file } = withReply();
    const other = join(dir, 'same-reply.txt');
    linkSync(file, other);
    const r = cli(['-f', 'json', '--max-warnings', '0', '--fix', file]);
    expect(r.stderr).toMatch(
      /^replylint: .*: has 2 hard links, which a fixed copy would split; not fixed: apply the fixes that --fix-dry-run shows by hand\nreplylint: --max-warnings 0: \d+ warnings?, \d+ over the limit\n$/,
    );
    expect(r.stderr).toContain(file);
    expect(rulesBySource(r.stdout)[file]).toContain('no-ticket-clutter');
    expect(r.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(CLUTTERED);
    expect(statSync(file).ino).toBe(statSync(other).ino);
  });

  it('keeps an edit that another program made while --fix ran, and says so', () => {
    const { file } = withReply();
    // The edit lands after replylint read the file and before it could replace it.
    const r = cli(['-f', 'json', '--fix', file], { env: { NODE_OPTIONS: `--require ${INTERPOSE}`, REPLYLINT_TEST_APPEND: file } });
    expect(r.stderr).toBe(`replylint: ${file}: changed while replylint was fixing it (another program wrote it); not fixed: run again\n`);
    expect(readFileSync(file, 'utf8')).toBe(`${CLUTTERED}P.S. Written by someone else meanwhile.\n`);
    expect(rulesBySource(r.stdout)[file]).toContain('no-ticket-clutter');
  });

  it("removes the temporary file of a run killed on this machine at once, another machine's after an hour, and nothing else", () => {
    const { dir, file } = withReply();
    // kill -9 once the temporary file exists: it names this machine and the killed writer.
    const killed = cli(['--fix', file], { env: { NODE_OPTIONS: `--require ${INTERPOSE}`, REPLYLINT_TEST_KILL: '1' } });
    expect(killed.code).toBe(null);
    const [left] = readdirSync(dir).filter((n) => n.endsWith('.tmp'));
    const [, here, gone] = /^\.reply\.txt\.replylint-([0-9a-f]+)-(\d+)-[0-9a-f]+\.tmp$/.exec(left) ?? [];
    expect(here, left).toBeDefined();
    const elsewhere = `${here[0] === 'a' ? 'b' : 'a'}${here.slice(1)}`;

    const hourAndMore = new Date(Date.now() - 2 * 3600_000);
    const plant = (name: string, old = true) => {
      writeFileSync(join(dir, name), 'half a reply');
      if (old) utimesSync(join(dir, name), hourAndMore, hourAndMore);
      return name;
    };
    const leftovers = [
      left, // a second ago, by a writer killed here
      plant(`.other.txt.replylint-${elsewhere}-${gone}-0123456789abcdef.tmp`), // another machine's, old
      plant(`.reply.txt.replylint-${gone}-0123456789abcdef.tmp`), // an older replylint's name (machine unknown), old
      plant(`.other.txt.replylint-${gone}.tmp`), // the same, older still
    ];
    const kept = [
      plant(`.reply.txt.replylint-${elsewhere}-${gone}-fedcba9876543210.tmp`, false), // recent: a run on another machine may be writing it
      plant(`.reply.txt.replylint-${gone}-fedcba9876543210.tmp`, false), // recent, machine unknown: the same
      plant(`.reply.txt.replylint-${here}-${process.pid}-00000000000000aa.tmp`), // its writer is running here
      plant('.notes.txt.tmp'), // not ours
      plant('reply.txt.replylint-1.tmp'), // not ours (no leading dot)
    ];
    const outside = join(tempDir(), 'elsewhere.txt');
    writeFileSync(outside, 'keep me\n');
    const link = `.linked.txt.replylint-${here}-${gone}-0123456789abcdef.tmp`;
    symlinkSync(outside, join(dir, link));
    kept.push(link); // a link is never ours, and never followed

    expect(cli(['--fix', file]).stderr).toBe('');
    const names = readdirSync(dir);
    for (const name of leftovers) expect(names).not.toContain(name);
    expect(names.sort()).toEqual([...kept, 'reply.txt'].sort());
    expect(readFileSync(outside, 'utf8')).toBe('keep me\n');
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
  });
});

describe.skipIf(!isRoot)('--fix run by root', () => {
  it("keeps the owner and group of another user's file, and clears setuid and setgid", () => {
    const { file } = withReply();
    chownSync(file, NOBODY, NOBODY);
    chmodSync(file, 0o6754);
    expect(cli(['--fix', file]).stderr).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    const after = statSync(file);
    expect([after.uid, after.gid]).toEqual([NOBODY, NOBODY]);
    expect(after.mode & 0o7777).toBe(0o754);
  });
});

describe.skipIf(!isRoot || !hasSetpriv)('--fix run by an unprivileged user', () => {
  it('leaves a read-only file as it was, says why, and reports its violations', () => {
    const { dir, file } = withReply();
    chmodSync(file, 0o444);
    const r = unprivileged(['-f', 'json', '--fix', 'reply.txt'], dir);
    expect(r.stderr).toBe('replylint: reply.txt: is read-only; not fixed: make it writable (chmod u+w) and run again\n');
    expect(readFileSync(file, 'utf8')).toBe(CLUTTERED);
    expect(rulesBySource(r.stdout)['reply.txt']).toContain('no-ticket-clutter');
  });

  it('says that only the group could not be kept when the file is yours in a group you are not in', () => {
    const { dir, file } = withReply();
    chownSync(file, 0, NOBODY); // the unprivileged runner's own uid; a group it is not in
    chmodSync(file, 0o664);
    const r = unprivileged(['-f', 'json', '--fix', 'reply.txt'], dir);
    expect(r.stderr).toBe(
      `replylint: reply.txt: belongs to group ${NOBODY}, which you are not in, and a fixed copy would be in your group; not fixed: run as a member of group ${NOBODY}\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe(CLUTTERED);
    expect(statSync(file).gid).toBe(NOBODY);
  });

  it("says that the owner could not be kept when the file is another user's", () => {
    const { dir, file } = withReply();
    chownSync(file, NOBODY, NOBODY);
    chmodSync(file, 0o666); // writable by all: only the owner stands in the way
    const r = unprivileged(['-f', 'json', '--fix', 'reply.txt'], dir);
    expect(r.stderr).toBe(`replylint: reply.txt: belongs to another user (uid ${NOBODY}), and a fixed copy would be yours; not fixed: run as its owner\n`);
    expect(readFileSync(file, 'utf8')).toBe(CLUTTERED);
  });

  it('says per file that a read-only folder cannot be written, and fixes the other files', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'locked'));
    mkdirSync(join(dir, 'open'));
    for (const name of ['locked/a.txt', 'locked/b.txt', 'open/c.txt']) writeFileSync(join(dir, name), CLUTTERED);
    chmodSync(join(dir, 'locked'), 0o555);
    const r = unprivileged(['-f', 'json', '--fix', 'locked/a.txt', 'locked/b.txt', 'open/c.txt'], dir);
    const locked = join(dir, 'locked');
    expect(r.stderr).toBe(
      `replylint: locked/a.txt: is in a folder you cannot write to (${locked}); not fixed: make the folder writable and run again\n` +
        `replylint: locked/b.txt: is in a folder you cannot write to (${locked}); not fixed: make the folder writable and run again\n`,
    );
    expect(readFileSync(join(dir, 'locked/a.txt'), 'utf8')).toBe(CLUTTERED);
    expect(readFileSync(join(dir, 'open/c.txt'), 'utf8')).toBe(FIXED);
    expect(rulesBySource(r.stdout)['locked/b.txt']).toContain('no-ticket-clutter');
  });
});
