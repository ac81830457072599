// Config that follows the files (issue 14): each file gets the nearest config up the tree,
// merged over those above it up to the project root or a `root: true`, as ESLint's
// eslintrc cascade and Vale's nearest .vale.ini; --print-config FILE prints exactly what
// lint uses for that file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore from 'ignore';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { globIn, ignoreLineIn } from '../src/config/rebase-globs.js';
import { loadConfig, lintFiles } from '../src/index.js';
import { cli, tempDir } from './helpers.js';

const EN = 'Hi Anna,\n\nyour parcel left today.\n\nBest wishes,\nMark\n';
const HYPE = 'Hi Anna,\n\namazing news: your parcel left today.\n\nBest wishes,\nMark\n';

/** A repository of canned responses: a config at the top, another in canned/cs. */
function repo(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'canned', 'cs'), { recursive: true });
  mkdirSync(join(dir, 'canned', 'en'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"name": "macros"}');
  writeFileSync(join(dir, '.replylintrc.yaml'), 'rules:\n  further-help: off\n  sign-off: error\n');
  writeFileSync(join(dir, 'canned', 'cs', '.replylintrc.yaml'), 'rules:\n  further-help: error\n');
  writeFileSync(join(dir, 'canned', 'en', 'a.txt'), EN);
  writeFileSync(join(dir, 'canned', 'cs', 'a.txt'), EN);
  return dir;
}

type Result = { source: string; channel: string; language: string; violations: { rule: string; severity: string }[] };
const lintJson = (dir: string, args: string[]) => {
  const r = cli(['--format', 'json', ...args], { cwd: dir });
  const results = r.stdout ? (JSON.parse(r.stdout).results as Result[]) : [];
  return { ...r, bySource: Object.fromEntries(results.map((x) => [x.source, x])) };
};
const rulesOf = (r: Result | undefined) => r?.violations.map((v) => `${v.rule}:${v.severity}`).sort();
const printConfig = (dir: string, file: string, args: string[] = []) => JSON.parse(cli(['--print-config', file, ...args], { cwd: dir }).stdout);

describe('config per file', () => {
  it("a folder scan gives each file its folder's config, merged over the one above (the issue's canned/cs case)", () => {
    const dir = repo();
    const { bySource, code } = lintJson(dir, ['canned']);
    expect(code).toBe(1);
    expect(rulesOf(bySource['canned/en/a.txt'])).toEqual([]);
    expect(rulesOf(bySource['canned/cs/a.txt'])).toEqual(['further-help:error']);
    // The same from inside the folder, and for the file named alone.
    expect(rulesOf(lintJson(join(dir, 'canned', 'cs'), ['a.txt']).bySource['a.txt'])).toEqual(['further-help:error']);
    expect(rulesOf(lintJson(dir, ['canned/en/a.txt']).bySource['canned/en/a.txt'])).toEqual([]);
  });

  it('--print-config FILE prints what lint uses for that file: its cascade, every rule, and the levels lint reports', () => {
    const dir = repo();
    const cs = printConfig(dir, 'canned/cs/a.txt');
    expect(cs.files).toEqual([join(dir, '.replylintrc.yaml'), join(dir, 'canned', 'cs', '.replylintrc.yaml')]);
    expect(cs.file).toBe(join(dir, 'canned', 'cs', '.replylintrc.yaml'));
    expect(cs.rules['further-help'].level).toBe('error');
    expect(cs.rules['sign-off'].level).toBe('error'); // from the config above, kept
    expect(printConfig(dir, 'canned/en/a.txt').rules['further-help'].level).toBe('off');
    // Every level lint reports for the file is the one printed for it.
    writeFileSync(join(dir, 'canned', 'cs', 'b.txt'), 'Hello,\n\nyour parcel left today.\n');
    const b = lintJson(dir, ['canned/cs/b.txt']).bySource['canned/cs/b.txt'];
    const printed = printConfig(dir, 'canned/cs/b.txt');
    expect(b.violations.length).toBeGreaterThan(1);
    for (const v of b.violations) expect(`${v.rule}:${printed.rules[v.rule].level}`).toBe(`${v.rule}:${v.severity}`);
  });

  it('`root: true` leaves the configs above out', () => {
    const dir = repo();
    writeFileSync(join(dir, 'canned', 'cs', '.replylintrc.yaml'), 'root: true\nrules:\n  greeting: error\n');
    const printed = printConfig(dir, 'canned/cs/a.txt');
    expect(printed.files).toBeUndefined();
    expect(printed.file).toBe(join(dir, 'canned', 'cs', '.replylintrc.yaml'));
    expect(printed.rules['sign-off'].level).toBe('suggestion'); // the preset's, not the top config's error
    expect(printed.rules['further-help'].level).toBe('suggestion');
    expect(rulesOf(lintJson(dir, ['canned']).bySource['canned/cs/a.txt'])).toEqual(['further-help:suggestion']);
  });

  it("a lower config's templates, channels and ignores are relative to its own folder", () => {
    const dir = repo();
    writeFileSync(
      join(dir, 'canned', 'cs', '.replylintrc.yaml'),
      'language: cs\ntemplates: ["macro-*.txt"]\nchannels:\n  chat: ["chat/**"]\nignores: ["old.txt", "/wip/"]\n',
    );
    writeFileSync(join(dir, '.replylintrc.yaml'), 'templates: ["canned/en/*.md"]\n');
    mkdirSync(join(dir, 'canned', 'cs', 'chat'));
    mkdirSync(join(dir, 'canned', 'cs', 'wip'));
    mkdirSync(join(dir, 'canned', 'cs', 'deep', 'wip'), { recursive: true });
    for (const f of ['macro-1.txt', 'chat/x.txt', 'old.txt', 'wip/y.txt', 'deep/old.txt', 'deep/wip/z.txt']) writeFileSync(join(dir, 'canned', 'cs', f), EN);
    for (const f of ['old.txt', 'macro-1.txt', 'b.md']) writeFileSync(join(dir, 'canned', 'en', f), EN);
    const { bySource } = lintJson(dir, ['canned']);
    expect(Object.keys(bySource).sort()).toEqual([
      'canned/cs/a.txt',
      'canned/cs/chat/x.txt',
      'canned/cs/deep/wip/z.txt', // "/wip/" is anchored to canned/cs
      'canned/cs/macro-1.txt',
      'canned/en/a.txt',
      'canned/en/b.md',
      'canned/en/macro-1.txt',
      'canned/en/old.txt', // canned/cs's ignores stay in canned/cs
    ]);
    expect(bySource['canned/cs/chat/x.txt'].channel).toBe('chat');
    expect(bySource['canned/cs/a.txt'].language).toBe('cs');
    expect(bySource['canned/en/a.txt'].language).toBe('en');
    const asTemplate = (file: string) => printConfig(dir, file).lintedAs.template;
    expect([asTemplate('canned/cs/macro-1.txt'), asTemplate('canned/en/macro-1.txt'), asTemplate('canned/en/b.md')]).toEqual([true, false, true]);
    expect(printConfig(dir, 'canned/cs/old.txt').lintedAs.ignored).toBe('matches the config\'s "ignores"');
  });

  it("a lower config's rulePaths bring its team's rules to its folder alone, and --print-config lists them", () => {
    const dir = repo();
    mkdirSync(join(dir, 'canned', 'cs', 'team-rules'));
    writeFileSync(
      join(dir, 'canned', 'cs', 'team-rules', 'no-hype.yaml'),
      [
        'description: Keep the tone calm.',
        'kind: forbid',
        'level: warning',
        'phrases:',
        '  en: [amazing]',
        'messages:',
        '  found: \'"{match}" sounds like marketing.\'',
        'examples:',
        '  - { lang: en, expect: fail, text: "Hi Anna, amazing news!" }',
        '  - { lang: en, expect: pass, text: "Hi Anna, good news." }',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'canned', 'cs', '.replylintrc.yaml'), 'rulePaths: [./team-rules]\n');
    writeFileSync(join(dir, 'canned', 'cs', 'a.txt'), HYPE);
    writeFileSync(join(dir, 'canned', 'en', 'a.txt'), HYPE);
    const { bySource } = lintJson(dir, ['canned']);
    expect(rulesOf(bySource['canned/cs/a.txt'])).toEqual(['no-hype:warning']);
    expect(rulesOf(bySource['canned/en/a.txt'])).toEqual([]);
    expect(printConfig(dir, 'canned/cs/a.txt').rules['no-hype']).toEqual({ level: 'warning', file: join(dir, 'canned', 'cs', 'team-rules', 'no-hype.yaml') });
    expect(printConfig(dir, 'canned/en/a.txt').rules['no-hype']).toBeUndefined();
  });

  it("stdin gets the working folder's config, or --stdin-filename's folder's; -c and --no-config apply to every file", () => {
    const dir = repo();
    const stdin = (args: string[], cwd = dir) => rulesOf(JSON.parse(cli(['--format', 'json', ...args], { cwd, input: EN }).stdout).results[0]);
    expect(stdin([])).toEqual([]);
    expect(stdin(['--stdin-filename', 'canned/cs/new.txt'])).toEqual(['further-help:error']);
    expect(stdin([], join(dir, 'canned', 'cs'))).toEqual(['further-help:error']);
    expect(rulesOf(lintJson(dir, ['-c', '.replylintrc.yaml', 'canned']).bySource['canned/cs/a.txt'])).toEqual([]);
    expect(rulesOf(lintJson(dir, ['--no-config', 'canned']).bySource['canned/cs/a.txt'])).toEqual(['further-help:suggestion']);
    // --rule goes over every folder's config.
    expect(rulesOf(lintJson(dir, ['--rule', 'further-help: warn', 'canned']).bySource['canned/cs/a.txt'])).toEqual(['further-help:warning']);
  });

  it('a mistake in a lower config is named by its file and line', () => {
    const dir = repo();
    writeFileSync(join(dir, 'canned', 'cs', '.replylintrc.yaml'), 'rules:\n  furthr-help: off\n');
    const r = cli(['canned'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join('canned', 'cs', '.replylintrc.yaml')}:2:3: unknown rule id "furthr-help"`);
  });

  it('the cache keeps results per config: a lower config edited is linted anew', () => {
    const dir = repo();
    const run = () => rulesOf(lintJson(dir, ['--cache', 'canned']).bySource['canned/cs/a.txt']);
    expect(run()).toEqual(['further-help:error']);
    expect(run()).toEqual(['further-help:error']);
    writeFileSync(join(dir, 'canned', 'cs', '.replylintrc.yaml'), 'rules:\n  further-help: warning\n');
    expect(run()).toEqual(['further-help:warning']);
  });

  it("the library's lintFiles and loadConfig cascade as the CLI does", async () => {
    const dir = repo();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const { results } = await lintFiles('canned');
      expect(Object.fromEntries(results.map((r) => [r.source, rulesOf(r as Result)]))).toEqual({
        'canned/cs/a.txt': ['further-help:error'],
        'canned/en/a.txt': [],
      });
    } finally {
      process.chdir(cwd);
    }
    const config = await loadConfig({ cwd: join(dir, 'canned', 'cs') });
    expect(config.rules['further-help'].level).toBe('error');
    expect(config.rules['sign-off'].level).toBe('error');
  });
});

describe("globs of a lower config, moved to the top config's folder", () => {
  const glob = (folder: string, pattern: string, path: string) => picomatch(globIn(folder, pattern), { dot: true })(path);
  it('picomatch globs keep what they match below their folder, and nothing outside it', () => {
    expect(glob('canned/cs', '*.md', 'canned/cs/a.md')).toBe(true);
    expect(glob('canned/cs', '*.md', 'canned/cs/deep/a.md')).toBe(false);
    expect(glob('canned/cs', '**/*.md', 'canned/cs/deep/a.md')).toBe(true);
    expect(glob('canned/cs', './x/*.md', 'canned/cs/x/a.md')).toBe(true);
    expect(glob('canned/cs', '*.md', 'canned/en/a.md')).toBe(false);
    expect(glob('canned/cs', '*.md', 'a.md')).toBe(false);
    // A folder named with a glob's signs is taken literally.
    expect(glob('[draft] (old)', '*.md', '[draft] (old)/a.md')).toBe(true);
    expect(glob('[draft] (old)', '*.md', 'd (old)/a.md')).toBe(false);
    expect(globIn('canned/cs', '!keep.md')).toBe('!canned/cs/keep.md');
  });

  it('.gitignore lines: unanchored ones match at any depth below their folder, anchored ones at its top', () => {
    const ignored = (lines: string[], path: string) =>
      ignore()
        .add(lines.map((l) => ignoreLineIn('canned/cs', l)))
        .ignores(path);
    expect(ignored(['old.txt'], 'canned/cs/old.txt')).toBe(true);
    expect(ignored(['old.txt'], 'canned/cs/a/b/old.txt')).toBe(true);
    expect(ignored(['old.txt'], 'canned/en/old.txt')).toBe(false);
    expect(ignored(['old.txt'], 'old.txt')).toBe(false);
    expect(ignored(['/wip/'], 'canned/cs/wip/x.txt')).toBe(true);
    expect(ignored(['/wip/'], 'canned/cs/deep/wip/x.txt')).toBe(false);
    expect(ignored(['drafts/'], 'canned/cs/a/drafts/x.txt')).toBe(true);
    expect(ignored(['a/b.txt'], 'canned/cs/a/b.txt')).toBe(true);
    expect(ignored(['a/b.txt'], 'canned/cs/x/a/b.txt')).toBe(false);
    expect(ignored(['*.txt', '!keep.txt'], 'canned/cs/keep.txt')).toBe(false);
    expect(ignored(['*.txt', '!keep.txt'], 'canned/cs/drop.txt')).toBe(true);
    expect(ignoreLineIn('canned/cs', '# a comment')).toBe('# a comment');
  });
});
