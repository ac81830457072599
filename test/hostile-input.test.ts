// Issue 10, "hostile text, hostile files", items 7 to 9: input that is unreadable, endless,
// huge or circular is a notice (or, in a config, a configuration error) that says what,
// where and how to fix it; never "internal error", never a hang, never memory without end.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, fstatSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeJson } from '../src/report/escape.js';
import { cli, hasPrlimit, hasSetpriv, isRoot, ROOT, tempDir, unprivileged } from './helpers.js';

const GOOD = 'Hi Anna,\n\nThe ETA is Monday.\n\nBest,\nMark\n';
const SAMPLE = join(ROOT, 'fixtures', 'replies', 'sk-good.txt');
const conversation = (id: string, text = GOOD, customer = 'Where is my order?') =>
  JSON.stringify({
    id,
    messages: [
      { role: 'customer', text: customer },
      { role: 'agent', text },
    ],
  });

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
const report = (stdout: string) =>
  JSON.parse(stdout) as { results: { source: string; conversationId?: string }[]; summary: { replies: number; skipped: number } };
/** The last 2 KB of a file (a report too large to read whole here). */
function tail(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(2048, fstatSync(fd).size));
    readSync(fd, buffer, 0, buffer.length, fstatSync(fd).size - buffer.length);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}
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

  it('a config list of 1.5 million entries is refused with its name and limit: exit 2', () => {
    const dir = folder();
    writeFileSync(join(dir, 'replylint.config.mjs'), 'export default { vocabulary: { allow: Array.from({ length: 1_500_000 }, (_, i) => `word${i}`) } };\n');
    const r = cli(['good.txt'], { cwd: dir });
    expect(r.stderr).toBe(
      `replylint: ${join(dir, 'replylint.config.mjs')}: "vocabulary.allow" has 1,500,000 entries; it may have 10,000 at most\n  hint: a word list that long belongs in a Hunspell dictionary: point "vocabulary.dictionaries" at it\n`,
    );
    expect(r.code).toBe(2);
    writeFileSync(join(dir, 'replylint.config.mjs'), 'export default { templates: Array.from({ length: 1_500_000 }, (_, i) => `canned/${i}.txt`) };\n');
    expect(cli(['good.txt'], { cwd: dir }).stderr).toMatch(/"templates" has 1,500,000 entries; it may have 10,000 at most\n {2}hint: use fewer, broader globs/);
  });

  it('an "extends" cycle is reported as the cycle: exit 2', () => {
    const dir = folder({ 'a.yaml': 'extends: ./b.yaml\n', 'b.yaml': 'extends: [recommended, ./a.yaml]\n', 'self.yaml': 'extends: ./self.yaml\n' });
    const r = cli(['-c', 'a.yaml', 'good.txt'], { cwd: dir });
    expect(r.stderr).toBe(
      `replylint: ${join(dir, 'b.yaml')}:1:24: "extends" makes a cycle: a.yaml → b.yaml → a.yaml\n  hint: remove the "extends" that leads back to a config already extended\n`,
    );
    expect(r.code).toBe(2);
    expect(cli(['-c', 'self.yaml', 'good.txt'], { cwd: dir }).stderr).toContain('"extends" makes a cycle: self.yaml → self.yaml');
  });

  it.each([
    [
      'a link to itself',
      (rules: string) => symlinkSync('loop.yaml', join(rules, 'loop.yaml')),
      'loop.yaml',
      'cannot read this rule file: it is a loop of symbolic links; point the link at a file',
    ],
    [
      'a link to nothing',
      (rules: string) => symlinkSync('gone.yaml', join(rules, 'dangling.yaml')),
      'dangling.yaml',
      'cannot read this rule file: it is a symbolic link to "gone.yaml", which does not exist; fix or remove the link',
    ],
    ['a folder', (rules: string) => mkdirSync(join(rules, 'x.yaml')), 'x.yaml', 'cannot read this rule file: it is a directory'],
    [
      'a FIFO',
      (rules: string) => mkfifo(join(rules, 'pipe.yaml')),
      'pipe.yaml',
      'cannot read this rule file: it is a named pipe (FIFO), not a regular file; only files are read',
    ],
  ])('a rule folder holding %s named like a rule: the file named, exit 2', (_what, plant, name, message) => {
    const dir = folder({ '.replylintrc.yaml': 'rulePaths: [team]\n' });
    mkdirSync(join(dir, 'team'));
    plant(join(dir, 'team'));
    const r = cli(['good.txt'], { cwd: dir });
    expect(r.stderr).toBe(
      `replylint: ${join(dir, 'team', name)}: ${message}\n  hint: a rule is a YAML file in the rule folder; fix or remove what stands at this name\n`,
    );
    expect(r.code).toBe(2);
  });

  it('one bad front matter is a notice for its file; the other files are linted', () => {
    const dir = folder({ 'bad.txt': '---\nlanguage: [en\n---\nHi Tom,\n\nThanks!\n' });
    const r = cli(['-f', 'json', 'bad.txt', 'good.txt'], { cwd: dir });
    expect(r.stderr).toBe(
      'replylint: bad.txt:2: invalid front matter: Flow sequence in block collection must be sufficiently indented and end with a ] (column 14); front matter is YAML between two "---" lines: fix it or remove it; skipped\n',
    );
    expect(report(r.stdout).results.map((x) => x.source)).toEqual(['good.txt']);
    expect(r.code).toBe(0);
  });

  it('front matter with a language or channel replylint does not know is said, and the reply linted all the same', () => {
    const dir = folder({ 'odd.txt': '---\nlanguage: de\nchannel: fax\n---\nHi Tom,\n\nThanks!\n' });
    const r = cli(['-f', 'json', 'odd.txt'], { cwd: dir });
    expect(r.stderr).toBe(
      'replylint: odd.txt:1: front matter: language "de" is not en, cs or sk; the reply\'s own is detected\n' +
        'replylint: odd.txt:1: front matter: channel "fax" is not email, chat or social; the default applies\n',
    );
    const [result] = report(r.stdout).results;
    expect(result.source).toBe('odd.txt');
    expect(result.channel).toBe('email');
    expect(r.code).toBe(0);
  });

  it("a front-matter key a letter or two from one replylint reads is pointed out; other tools' keys are left alone (issue 14)", () => {
    const dir = folder({ 'slip.txt': '---\nchanel: chat\ncustomer-nmae: Tom Hanks\ntitle: Refunds\ntags: [refund]\n---\nHi Tom,\n\nThanks!\n' });
    const r = cli(['-f', 'json', 'slip.txt'], { cwd: dir });
    expect(r.stderr).toBe(
      'replylint: slip.txt:1: front matter: unknown key "chanel" is not read; did you mean "channel"?\n' +
        'replylint: slip.txt:1: front matter: unknown key "customer-nmae" is not read; did you mean "customer-name"?\n',
    );
    expect(report(r.stdout).results[0].channel).toBe('email');
    expect(r.code).toBe(0);
  });

  it.each([0, 2])('a broken rule file stops an audit (--workers %i) as a configuration error, wherever the rules compile', (workers) => {
    const dir = folder({ 'c.jsonl': `${conversation('c1')}\n`, 'team/note.yaml': 'kind: forbid\nlevel: [\n' });
    writeFileSync(join(dir, '.replylintrc.yaml'), 'rulePaths: [team]\n');
    const r = cli(['audit', '--workers', String(workers), 'c.jsonl'], { cwd: dir });
    expect(r.stderr).toMatch(new RegExp(`^replylint: ${join(dir, 'team', 'note.yaml')}:3:1: invalid YAML: `));
    expect(r.code).toBe(2);
  });

  it.each([0, 2])('spelling without its dictionaries stops an audit (--workers %i) as a configuration error', (workers) => {
    const dir = folder({
      'c.jsonl': `${conversation('c1')}\n`,
      '.replylintrc.yaml': 'rules:\n  spelling: warning\nvocabulary:\n  dictionaries: { en: ./none, cs: ./none, sk: ./none }\n',
    });
    const r = cli(['audit', '--workers', String(workers), 'c.jsonl'], { cwd: dir });
    expect(r.stderr).toMatch(/^replylint: spelling is on, but no Hunspell dictionary was found \(en: .*\n {2}hint: install them/);
    expect(r.code).toBe(2);
  });
});

describe("replylint's own files: a cache or a baseline that is not one is left out, said once (item 7)", () => {
  const lint = (dir: string, ...flags: string[]) => cli(['-f', 'json', ...flags, 'good.txt'], { cwd: dir });

  it.each([
    ['null', 'null', 'it holds null, not a cache'],
    ['a number', '42', 'it holds a number, not a cache'],
    ['a string', '"cache"', 'it holds a string, not a cache'],
    ['not JSON', '{"a":', 'it is not JSON'],
  ])('a cache holding %s', (_what, content, why) => {
    const dir = folder({ '.replylintcache': content });
    const expected = lint(dir).stdout;
    const r = lint(dir, '--cache');
    expect(r.stderr).toMatch(
      new RegExp(
        `^replylint: \\.replylintcache: is not a usable cache: ${why.replace(/[()]/g, '\\$&')}.*; it is left out, and every file is linted and cached afresh\\n$`,
      ),
    );
    expect(r.stdout).toBe(expected);
    expect(r.code).toBe(0);
    // Written afresh: the next run uses it and has nothing to say.
    expect(lint(dir, '--cache')).toMatchObject({ stderr: '', stdout: expected });
  });

  it('a cache whose results are of the wrong type', () => {
    const dir = folder();
    const expected = lint(dir, '--cache').stdout;
    const cache = JSON.parse(readFileSync(join(dir, '.replylintcache'), 'utf8')) as Record<string, { results: unknown }>;
    for (const entry of Object.values(cache)) entry.results = [{ source: 'good.txt', violations: 'none' }];
    writeFileSync(join(dir, '.replylintcache'), JSON.stringify(cache));
    const r = lint(dir, '--cache');
    expect(r.stderr).toBe(
      `replylint: .replylintcache: is not a usable cache: its entry for "${join(dir, 'good.txt')}" is not results of replylint; it is left out, and every file is linted and cached afresh\n`,
    );
    expect(r.stdout).toBe(expected);
  });

  it('--cache-location naming a folder puts the cache file in it, as ESLint does', () => {
    const dir = folder();
    mkdirSync(join(dir, 'caches'));
    const first = lint(dir, '--cache', '--cache-location', 'caches');
    expect(first.stderr).toBe('');
    const [name] = readdirSync(join(dir, 'caches'));
    expect(name).toMatch(/^\.replylintcache_[0-9a-f]{16}$/);
    // The second run reads its results from there.
    const file = join(dir, 'caches', name);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"rule":"no-jargon"/g, '"rule":"from-cache"'));
    expect(lint(dir, '--cache', '--cache-location', 'caches/').stdout).toContain('"rule": "from-cache"');
  });

  it.each([
    ['null', 'null', 'it holds null, not a mapping of replies to rules'],
    ['a number', '7', 'it holds a number, not a mapping of replies to rules'],
    ['a string', '"x"', 'it holds a string, not a mapping of replies to rules'],
    ['counts of the wrong type', '{"good.txt": {"no-jargon": {"count": "all"}}}', '"good.txt" → "no-jargon" has no whole "count"'],
  ])('a suppressions file holding %s: every violation is reported, the file is kept', (_what, content, why) => {
    const dir = folder({ 'replylint-suppressions.json': content });
    const expected = lint(dir).stdout;
    for (const flags of [[], ['--prune-suppressions']]) {
      const r = lint(dir, ...flags);
      expect(r.stderr).toBe(
        `replylint: replylint-suppressions.json: is not a suppressions baseline: ${why}; it is left out (every violation is reported) and left as it is; fix it, or delete it and run with --suppress-all\n`,
      );
      expect(r.stdout).toBe(expected);
      expect(readFileSync(join(dir, 'replylint-suppressions.json'), 'utf8')).toBe(content);
    }
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

  it('a FIFO or a device as a config, an extended config or a dictionary is a configuration error', () => {
    const dir = folder({ 'zero.yaml': 'extends: /dev/zero\n', 'dict.yaml': 'vocabulary:\n  dictionaries:\n    en: ./words\n' });
    mkfifo(join(dir, 'pipe.yaml'));
    mkfifo(join(dir, 'words.dic'));
    writeFileSync(join(dir, 'fifo-extends.yaml'), 'extends: ./pipe.yaml\n');
    const run = (...args: string[]) => cli([...args, 'good.txt'], { cwd: dir, memoryLimit: GIGABYTE });
    expect(run('-c', 'zero.yaml')).toMatchObject({
      code: 2,
      stderr: `replylint: ${join(dir, 'zero.yaml')}:1:1: "extends" names "/dev/zero", which is a device, not a regular file; only files are read\n  hint: give the path of a config file relative to ${dir}, or a preset: recommended, strict\n`,
    });
    expect(run('-c', 'fifo-extends.yaml').stderr).toContain('"extends" names "./pipe.yaml", which is a named pipe (FIFO), not a regular file');
    expect(run('-c', 'pipe.yaml')).toMatchObject({
      code: 2,
      stderr: `replylint: ${join(dir, 'pipe.yaml')}: cannot use this config file: it is a named pipe (FIFO), not a regular file; only files are read\n  hint: name a config file of your own (YAML, JSON or JS) under 1 MB\n`,
    });
    expect(run('-c', 'dict.yaml')).toMatchObject({
      code: 2,
      stderr: `replylint: ${join(dir, 'dict.yaml')}:3:5: the dictionary "${join(dir, 'words.dic')}" is a named pipe (FIFO), not a regular file; only files are read\n  hint: point "vocabulary.dictionaries" at the base name of a Hunspell .aff/.dic pair of files\n`,
    });
    // Found by the search as well as named.
    const searched = folder();
    mkfifo(join(searched, '.replylintrc.yaml'));
    expect(cli(['good.txt'], { cwd: searched })).toMatchObject({
      code: 2,
      stderr: `replylint: ${join(searched, '.replylintrc.yaml')}: cannot use this config file: it is a named pipe (FIFO), not a regular file; only files are read\n  hint: remove it, or put the config in a regular file\n`,
    });
  });

  it('config and rule files over 1 MB are refused', () => {
    const big = `vocabulary:\n  allow:\n${'    - word\n'.repeat(200_000)}`;
    const dir = folder({
      'big.yaml': big,
      'rules/team/long-rule.yaml': `description: x\n# ${'x'.repeat(2_200_000)}\n`,
      'rules/.replylintrc.yaml': 'rulePaths: [team]\n',
    });
    expect(cli(['-c', 'big.yaml', 'good.txt'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: `replylint: ${join(dir, 'big.yaml')}: cannot use this config file: it is 2.1 MB, more than a config or rule file may be (1 MB)\n  hint: name a config file of your own (YAML, JSON or JS) under 1 MB\n`,
    });
    expect(cli([SAMPLE], { cwd: join(dir, 'rules') }).stderr).toContain(
      `${join(dir, 'rules', 'team', 'long-rule.yaml')}: cannot read this rule file: it is 2.1 MB, more than a config or rule file may be (1 MB)`,
    );
  });

  it('stdin from /dev/zero is refused after the 5 MB a reply may be, without reading on', () => {
    const zero = openSync('/dev/zero', 'r');
    try {
      const r = cli(['-f', 'json'], { stdin: zero, memoryLimit: GIGABYTE });
      expect(r.stderr).toBe(
        'replylint: <stdin>: is over 5 MB, too large for a reply; give conversations as JSONL (one a line) or name the file; skipped\nreplylint: nothing was linted: the input was skipped (see why above)\n',
      );
      expect(r.code).toBe(2);
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

  it('the json and sarif reports, written as results come, are the documents serialised whole', () => {
    const dir = folder({ 'c.jsonl': `${conversation('c1')}\n${conversation('c2', 'Hi,\n\nASAP!!!\n')}\n`, 'empty.txt': '' });
    for (const format of ['json', 'sarif']) {
      for (const files of [['c.jsonl', 'good.txt', 'empty.txt'], ['empty.txt']]) {
        const { stdout } = cli(['-f', format, ...files], { cwd: dir });
        expect(stdout).toBe(`${safeJson(JSON.parse(stdout), 2)}\n`);
      }
    }
  });

  it.skipIf(!hasPrlimit)(
    'json and sarif stream a 12 MB export under a memory ceiling that holding its results would break',
    () => {
      // Memory as RLIMIT_DATA counts it: holding the 24,782 results (as lint did before it
      // streamed) took over 320 MB for json and over 400 MB for sarif; streaming under 96 MB.
      const dir = tempDir();
      const input = join(dir, 'export.jsonl');
      const generated = spawnSync(process.execPath, [join(ROOT, 'bench', 'generate.mjs'), '1.2e7', input, '--file-bytes'], { encoding: 'utf8' });
      expect(generated.status, generated.stderr).toBe(0);
      const conversations = Number(/wrote (\d+) conversations/.exec(generated.stdout)![1]);
      for (const format of ['json', 'sarif']) {
        const output = join(dir, `report.${format}`);
        const r = cli(['-f', format, '-o', output, input], { memoryLimit: 192 * 1024 ** 2 });
        expect(r.stderr, format).toBe('');
        expect(r.code, format).toBe(0);
        // The report is whole: it ends with what follows the last result.
        if (format === 'json') expect(tail(output)).toMatch(new RegExp(`"summary": \\{\\n    "replies": ${conversations},[^]*"skipped": 0\\n  \\}\\n\\}\\n$`));
        else expect(tail(output)).toMatch(new RegExp(`"name": "b-${conversations - 1}#1",[^]*\\n  \\]\\n\\}\\n$`));
      }
    },
    120_000,
  );
});

describe('--workers (item 9)', () => {
  const dir = folder({ 'c.jsonl': `${conversation('c1')}\n` });

  it('more workers than cores run as many as there are cores, and say so', () => {
    const cores = availableParallelism();
    const r = cli(['audit', '-f', 'json', '--workers', String(cores + 3), 'c.jsonl'], { cwd: dir });
    expect(r.stderr).toBe(`replylint: --workers ${cores + 3} is more than this machine's ${cores} core${cores === 1 ? '' : 's'}; using ${cores}\n`);
    expect(report(r.stdout).summary.replies).toBe(1);
    expect(r.code).toBe(0);
  });

  it('a negative count is a usage error: exit 2', () => {
    const r = cli(['audit', '--workers', '-2', 'c.jsonl'], { cwd: dir });
    expect(r.stderr).toMatch(/--workers takes 0 or more, not -2/);
    expect(r.code).toBe(2);
  });
});
