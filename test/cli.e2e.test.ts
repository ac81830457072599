// The built binary, spawned as a user runs it: files, stdin text, stdin JSON, JSONL,
// exit codes, the JSON contract, and the errors a user sees.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from './helpers.js';

const json = (stdout: string) =>
  JSON.parse(stdout) as {
    version: number;
    results: {
      source: string;
      conversationId?: string;
      messageIndex?: number;
      language: string;
      channel: string;
      score: number;
      violations: { rule: string; severity: string; line: number; column: number; endLine: number; endColumn: number; message: string }[];
    }[];
    summary: Record<string, number>;
  };

describe('replylint on files', () => {
  it('lints the bundled samples and exits 1 on an error', () => {
    const r = cli(['fixtures']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('sk-wrong-name.txt');
    // Messages in each reply's own language (--locale auto, the default).
    expect(r.stdout).toMatch(/error\s+Pozdrav oslovuje „Nagyová“, ale zákazník je Lucia Tóthová\./);
  });

  it('exits 0 on a clean reply', () => {
    const r = cli(['fixtures/replies/en-late-parcel.txt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 problems');
  });

  it('writes the JSON contract with lines pointing into the file', () => {
    const r = cli(['--format', 'json', 'fixtures/replies/cs-vocative.txt']);
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    expect(report.version).toBe(1);
    const [result] = report.results;
    expect(result).toMatchObject({ source: 'fixtures/replies/cs-vocative.txt', language: 'cs', channel: 'email', score: 90 });
    expect(result).not.toHaveProperty('conversationId');
    expect(result.violations[0]).toMatchObject({ rule: 'name-use', severity: 'warning', line: 6, column: 17, endLine: 6, endColumn: 22 });
    expect(report.summary).toEqual({ replies: 1, errors: 0, warnings: 1, suggestions: 0, meanScore: 90, skipped: 0 });
  });

  it('fails on warnings over --max-warnings and scores under --min-score', () => {
    expect(cli(['--max-warnings', '0', 'fixtures/replies/cs-vocative.txt']).code).toBe(1);
    expect(cli(['--max-warnings', '1', 'fixtures/replies/cs-vocative.txt']).code).toBe(0);
    expect(cli(['--min-score', '95', 'fixtures/replies/cs-vocative.txt']).code).toBe(1);
    expect(cli(['--min-score', '90', 'fixtures/replies/cs-vocative.txt']).code).toBe(0);
  });

  it("--locale picks the language of messages; auto, the default, takes each reply's own", () => {
    expect(cli(['--locale', 'cs', 'fixtures/replies/cs-vocative.txt']).stdout).toContain('V češtině se oslovuje 5. pádem: „Nováku“, ne „Novák“.');
    expect(cli(['--locale', 'auto', 'fixtures/replies/sk-wrong-name.txt']).stdout).toContain('Pozdrav oslovuje „Nagyová“, ale zákazník je Lucia Tóthová.');
    expect(cli(['fixtures/replies/sk-wrong-name.txt']).stdout).toContain('Pozdrav oslovuje „Nagyová“, ale zákazník je Lucia Tóthová.');
    expect(cli(['--locale', 'en', 'fixtures/replies/sk-wrong-name.txt']).stdout).toContain('The greeting addresses "Nagyová"');
  });

  it('--quiet shows errors only', () => {
    const r = cli(['--quiet', 'fixtures/replies']);
    expect(r.stdout).not.toContain('warning ');
    expect(r.stdout).toContain('error ');
  });

  it('--quiet and --min-level filter every format, not only stylish, and keep the score (issue 14)', () => {
    const levels = (args: string[]) =>
      json(cli(['--format', 'json', ...args, 'fixtures/replies']).stdout).results.flatMap((r) => r.violations.map((v: { severity: string }) => v.severity));
    const all = levels([]);
    expect(new Set(all)).toEqual(new Set(['error', 'warning', 'suggestion']));
    expect(new Set(levels(['--quiet']))).toEqual(new Set(['error']));
    expect(new Set(levels(['--min-level', 'warning']))).toEqual(new Set(['error', 'warning']));
    expect(levels(['--min-level', 'suggestion'])).toEqual(all);
    const scores = (args: string[]) => json(cli(['--format', 'json', ...args, 'fixtures/replies']).stdout).results.map((r) => r.score);
    expect(scores(['--quiet'])).toEqual(scores([]));
    const quiet = (format: string) => cli(['--format', format, '--quiet', 'fixtures/replies']).stdout;
    const sarif = JSON.parse(quiet('sarif'));
    expect(new Set(sarif.runs[0].results.map((r: { level: string }) => r.level))).toEqual(new Set(['error']));
    expect(quiet('github')).not.toMatch(/^::(?:warning|notice)/m);
    expect(quiet('csv')).not.toMatch(/,(?:warning|suggestion),/);
    expect(quiet('junit').match(/<failure/g)).toHaveLength(1);
    expect(cli(['--format', 'junit', 'fixtures/replies']).stdout.match(/<failure/g)?.length).toBeGreaterThan(1);
    expect(cli(['--min-level', 'info', 'fixtures/replies']).code).toBe(2);
  });

  it('expands globs', () => {
    const r = cli(['--format', 'json', 'fixtures/replies/sk-*.txt']);
    expect(json(r.stdout).results.map((x) => x.source)).toEqual(['fixtures/replies/sk-good.txt', 'fixtures/replies/sk-wrong-name.txt']);
  });
});

describe('replylint on stdin', () => {
  it('lints plain text with context from flags', () => {
    const r = cli(['--format', 'json', '--customer-name', 'Anna Smith', '--customer-message', 'My parcel is broken.'], {
      input: 'Hello,\n\nPlease send us a photo.',
    });
    expect(r.code).toBe(0);
    const [result] = json(r.stdout).results;
    expect(result.source).toBe('<stdin>');
    expect(result.violations.map((v) => v.rule).sort()).toEqual(['apology', 'further-help', 'name-use', 'sign-off']);
  });

  it('lints a conversation given as JSON, agent messages only', () => {
    const conversation = {
      id: 'c-9',
      language: 'cs',
      customer: { name: 'Petr Novák' },
      messages: [
        { role: 'customer', text: 'Dobrý den, mixér je rozbitý.' },
        { role: 'agent', text: 'Dobrý den, pane Novák,\n\nmrzí nás to. Nový mixér vám pošleme zítra.' },
        { role: 'note', text: 'interní poznámka: L2' },
      ],
    };
    const r = cli(['--format', 'json'], { input: JSON.stringify(conversation) });
    const report = json(r.stdout);
    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({ conversationId: 'c-9', messageIndex: 1, language: 'cs' });
    expect(report.results[0].violations.map((v) => v.rule).sort()).toEqual(['further-help', 'name-use', 'sign-off']);
  });

  it('reads "-" as stdin', () => {
    const r = cli(['-', '--format', 'json'], { input: 'Hi there,\n\nYes, choose Ireland at checkout.' });
    expect(json(r.stdout).results).toHaveLength(1);
  });
});

describe('replylint on transcripts', () => {
  it('reports a broken JSONL line and still lints the rest', () => {
    const dir = tempDir();
    const file = join(dir, 'export.jsonl');
    const good = JSON.stringify({ id: 'a', messages: [{ role: 'agent', text: 'Hi Anna,\n\nThe refund went out today.' }] });
    writeFileSync(file, `${good}\n{"id": "b", "messages": [\n\n"just a string"\n{"id":"c"}\n${good.replace('"a"', '"d"')}\n`);
    const r = cli(['--format', 'json', file]);
    const report = json(r.stdout);
    expect(report.results.map((x) => x.conversationId)).toEqual(['a', 'd']);
    expect(report.summary.skipped).toBe(3);
    expect(r.stderr).toContain(`${file}:2: invalid JSON on this line`);
    expect(r.stderr).toContain(`${file}:4: not a conversation`);
    expect(r.stderr).toContain(`${file}:5: not a conversation nor an export replylint knows (keys: id): a conversation needs "messages"`);
  });

  it('lints the sample transcript with the conversation as context', () => {
    const r = cli(['--format', 'json', 'fixtures/transcripts/sample.jsonl']);
    const report = json(r.stdout);
    expect(report.results.map((x) => `${x.conversationId}#${x.messageIndex}`)).toEqual(['t-1#1', 't-2#1', 't-2#3', 't-3#2']);
    const followUp = report.results.find((x) => x.conversationId === 't-2' && x.messageIndex === 3)!;
    // A chat follow-up needs no greeting and no name, but still an apology and a real next step.
    expect(followUp.violations.map((v) => v.rule).sort()).toEqual(['apology', 'next-steps']);
  });
});

describe('errors a user sees', () => {
  it('a missing file: exit 2 with the name', () => {
    const r = cli(['no/such/reply.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no files match "no/such/reply.txt"');
  });

  it('a binary file is skipped with a message', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'logo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    const r = cli([join(dir, 'logo.txt')]);
    expect(r.code).toBe(2); // and nothing else was linted
    expect(r.stdout).toContain('binary file');
  });

  it('a bad config names file, line and column: exit 2', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.replylintrc.yaml'), 'rules:\n  greeting: warnign\n');
    const r = cli([join(ROOT, 'fixtures/replies/sk-good.txt')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.replylintrc\.yaml:2:\d+: "rules\.greeting" must be one of "error", "warning", "suggestion", "off", "warn", not "warnign"/);
    expect(r.stderr).toContain('did you mean "warning"?');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    writeFileSync(join(dir, '.replylintrc.yaml'), 'rules:\n  greeting: 1.5\n');
    expect(cli([join(ROOT, 'fixtures/replies/sk-good.txt')], { cwd: dir }).stderr).toMatch(/:2:\d+: "rules\.greeting" must be a whole number, not 1\.5/);
  });

  it("rule levels in ESLint's words are understood: warn, 0, 1, 2, in every form of a setting", () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, '.replylintrc.yaml'),
      'rules:\n  greeting: 0\n  sign-off: warn\n  further-help: [2]\n  name-use: { level: 1 }\n  next-steps: [off, {}]\n',
    );
    const r = cli(['--print-config', 'x.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    const { rules } = JSON.parse(r.stdout);
    expect([rules.greeting.level, rules['sign-off'].level, rules['further-help'].level, rules['name-use'].level, rules['next-steps'].level]).toEqual([
      'off',
      'warning',
      'error',
      'warning',
      'off',
    ]);
  });

  it('an unknown rule id is named, with a suggestion', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.replylintrc.yaml'), 'rules:\n  greetings: off\n');
    const r = cli([join(ROOT, 'fixtures/replies/sk-good.txt')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.replylintrc.yaml:2:3: unknown rule id "greetings"');
    expect(r.stderr).toContain('did you mean "greeting"?');
  });

  it("--rule sets a rule over the config, as ESLint's does, and --no-config leaves the config out (issue 14)", () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.replylintrc.yaml'), 'rules:\n  further-help: off\n');
    writeFileSync(join(dir, 'a.txt'), 'Hi Anna,\n\nyour parcel left today.\n\nBest wishes,\nMark');
    const rules = (args: string[]) =>
      json(cli(['--format', 'json', ...args, 'a.txt'], { cwd: dir }).stdout).results[0].violations.map(
        (v: { rule: string; severity: string }) => `${v.rule}:${v.severity}`,
      );
    expect(rules([])).toEqual([]);
    expect(rules(['--no-config'])).toEqual(['further-help:suggestion']);
    expect(rules(['--rule', 'further-help: error'])).toEqual(['further-help:error']);
    expect(rules(['--no-config', '--rule', 'further-help: [warn]', '--rule', 'greeting: 0'])).toEqual(['further-help:warning']);
    const printed = JSON.parse(cli(['--print-config', 'a.txt', '--rule', 'further-help: 2'], { cwd: dir }).stdout);
    expect(printed.rules['further-help'].level).toBe('error');
    const typo = cli(['--rule', 'furthr-help: off', 'a.txt'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('--rule:1:1: unknown rule id "furthr-help"');
    const bad = cli(['--rule', 'further-help: loud', 'a.txt'], { cwd: dir });
    expect(bad.stderr).toContain('"rules.further-help" must be one of');
    expect(cli(['--rule', 'off', 'a.txt'], { cwd: dir }).stderr).toContain('--rule takes "rule-id: setting", not "off"');
  });

  /** Lint a sample with one team rule file beside the built-in ones. */
  const withTeamRule = (name: string, yaml: string) => {
    const dir = tempDir();
    mkdirSync(join(dir, 'team-rules'));
    writeFileSync(join(dir, 'team-rules', name), yaml);
    writeFileSync(join(dir, '.replylintrc.yaml'), 'rulePaths: [team-rules]\n');
    return cli([join(ROOT, 'fixtures/replies/sk-good.txt')], { cwd: dir });
  };

  it('a bad rule file names its line', () => {
    const r = withTeamRule(
      'no-hype.yaml',
      'description: No hype.\nkind: forbid\nlevel: warning\nphrases:\n  en: ["(amazing|awesome"]\nmessages:\n  found: Hype.\n',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-hype\.yaml:5:\d+: bad phrase "\(amazing\|awesome": missing "\)"/);
  });

  it('a rule file with an unknown key says which keys are allowed', () => {
    const r = withTeamRule('no-hype.yaml', 'description: No hype.\nkind: forbid\nlevel: warning\nphrase:\n  en: [amazing]\nmessages:\n  found: Hype.\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-hype.yaml:4:1: unknown key "phrase"');
    expect(r.stderr).toContain('did you mean "phrases"?');
  });

  it('a raw regex runs in linear time: a pattern that backtracks catastrophically in JavaScript cannot hang a run', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'team-rules'));
    writeFileSync(
      join(dir, 'team-rules', 'slow.yaml'),
      "description: x\nkind: forbid\nlevel: warning\nphrases:\n  en:\n    - regex: '^(a|a)*$'\n    - regex: '(x+x+)+y'\nmessages:\n  found: x\n",
    );
    writeFileSync(join(dir, '.replylintrc.yaml'), 'rulePaths: [team-rules]\n');
    // In V8 each of these takes longer than the universe has existed; on RE2, microseconds.
    const hostile = cli(['--format', 'json'], { cwd: dir, input: `${'a'.repeat(5000)}b ${'x'.repeat(5000)}` });
    expect(hostile.code).toBe(0);
    expect(json(hostile.stdout).results[0].violations.filter((v: { rule: string }) => v.rule === 'slow')).toEqual([]);
    const matching = cli(['--format', 'json'], { cwd: dir, input: 'Hello, xxxy here.' });
    expect(json(matching.stdout).results[0].violations.filter((v: { rule: string }) => v.rule === 'slow')).toHaveLength(1);
  });

  it("options on a built-in rule leave its own patterns alone; phrases the options give run as a team's", () => {
    const dir = tempDir();
    // no-ticket-clutter's markup regexes use lookahead (V8, checked at build): an option on
    // the rule must not send them to RE2, which has none.
    writeFileSync(
      join(dir, '.replylintrc.yaml'),
      'rules:\n  no-ticket-clutter: [warning, {zone: reply}]\n  no-jargon: [warning, {phrases: {en: ["(tier|level) (1|2) ... queue"]}}]\n',
    );
    const r = cli(['--format', 'json', '--stdin-filename', 'reply.html'], {
      cwd: dir,
      input: '<p>Hi Anna,</p><p>It is in the tier 2 support queue. <font color="red">Ticket #48213</font></p>',
    });
    expect(r.stderr).toBe('');
    const rules = json(r.stdout).results[0].violations.map((v) => v.rule);
    expect(rules.filter((id) => id === 'no-ticket-clutter').length).toBeGreaterThanOrEqual(1);
    expect(rules).toContain('no-jargon');
  });

  it('a raw regex with lookahead or a backreference is refused when the rule loads, with its place and why', () => {
    const ahead = withTeamRule(
      'ahead.yaml',
      "description: x\nkind: forbid\nlevel: warning\nphrases:\n  en:\n    - regex: 'foo(?=bar)'\nmessages:\n  found: x\n",
    );
    expect(ahead.code).toBe(2);
    expect(ahead.stderr).toMatch(/ahead\.yaml:6:\d+: .*lookahead .*linear-time engine/);
    const backref = withTeamRule(
      'backref.yaml',
      "description: x\nkind: forbid\nlevel: warning\nphrases:\n  en:\n    - regex: '(a)\\1'\nmessages:\n  found: x\n",
    );
    expect(backref.code).toBe(2);
    expect(backref.stderr).toMatch(/backref\.yaml:6:\d+: .*backreferences/);
  });

  it('a config glob sets the channel of the files it matches', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'chat'));
    const reply = 'Hi Anna, your refund went out today - it shows on your card by Friday.';
    writeFileSync(join(dir, 'chat', 'refund.txt'), reply);
    writeFileSync(join(dir, 'refund.txt'), reply);
    writeFileSync(join(dir, '.replylintrc.yaml'), 'channels:\n  chat: ["chat/**"]\n');
    const report = json(cli(['--format', 'json', 'chat/refund.txt', 'refund.txt'], { cwd: dir }).stdout);
    expect(report.results.map((r) => [r.source, r.channel, r.violations.some((v) => v.rule === 'sign-off')])).toEqual([
      ['chat/refund.txt', 'chat', false],
      ['refund.txt', 'email', true],
    ]);
  });

  it('--config takes a config file by path', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'strict.yaml'), 'rules:\n  no-ticket-clutter: error\n');
    expect(cli(['--config', join(dir, 'strict.yaml'), 'fixtures/replies/en-needs-work.txt']).code).toBe(1);
    expect(cli(['fixtures/replies/en-needs-work.txt']).code).toBe(0);
  });

  it('an unknown option is a usage error', () => {
    expect(cli(['--formt', 'json']).code).toBe(2);
  });
});

describe('spelling (opt-in)', () => {
  it('without dictionaries, says where to get them: exit 2', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.replylintrc.yaml'), 'vocabulary:\n  dictionaries: { en: ./none, cs: ./none, sk: ./none }\nrules:\n  spelling: warning\n');
    const r = cli([], { cwd: dir, input: 'Hi Anna, your refnud went out.' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no Hunspell dictionary was found');
    expect(r.stderr).toContain('apt-get install hunspell-en-us hunspell-cs hunspell-sk');
  });

  it('with dictionaries, reports unknown words with suggestions', () => {
    const dir = tempDir();
    const dicts = join(ROOT, 'test', 'fixtures', 'hunspell');
    writeFileSync(
      join(dir, '.replylintrc.yaml'),
      `vocabulary:\n  dictionaries: { en: ${dicts}/en_TEST, cs: ${dicts}/cs_TEST, sk: ${dicts}/sk_TEST }\nrules:\n  spelling: warning\n`,
    );
    const r = cli(['--format', 'json'], { cwd: dir, input: 'Hi Anna, your refnud went out today.' });
    const spelling = json(r.stdout).results[0].violations.filter((v) => v.rule === 'spelling');
    expect(spelling.map((v) => v.message)).toEqual(['"refnud" is not in the dictionary.']);
    // A Czech reply typed without diacritics is spelt right.
    const cs = cli(['--format', 'json', '--lang', 'cs'], { cwd: dir, input: 'Dobry den, zasilka dorazi zitra.' });
    expect(json(cs.stdout).results[0].violations.filter((v) => v.rule === 'spelling')).toEqual([]);
  });
});

describe('--fix', () => {
  it('removes clutter, keeps CRLF and BOM, and a second run changes nothing', () => {
    const dir = tempDir();
    const file = join(dir, 'reply.txt');
    const original =
      '\uFEFFHi Tom,\r\n\r\nYour boots ship today.\r\n\r\nKind regards,\r\nSophie\r\n\r\nTicket #48213 | Please do not write below this line\r\n';
    writeFileSync(file, original);
    const first = cli(['--fix', file]);
    expect(first.code).toBe(0);
    const fixed = readFileSync(file, 'utf8');
    expect(fixed).toBe('\uFEFFHi Tom,\r\n\r\nYour boots ship today.\r\n\r\nKind regards,\r\nSophie\r\n');
    cli(['--fix', file]);
    expect(readFileSync(file, 'utf8')).toBe(fixed);
  });

  it('writes atomically (a new file renamed over the old, no temporary left) and leaves non-UTF-8 files untouched', () => {
    const dir = tempDir();
    const file = join(dir, 'reply.txt');
    writeFileSync(file, 'Hi Tom,\n\nYour boots ship today.\n\nTicket #48213\n');
    const before = statSync(file).ino;
    cli(['--fix', file]);
    expect(statSync(file).ino).not.toBe(before);
    expect(readdirSync(dir)).toEqual(['reply.txt']);
    const latin1 = join(dir, 'latin1.txt');
    const bytes = Buffer.from('Dobr\xfd den,\n\nTicket #48213\n', 'latin1');
    writeFileSync(latin1, bytes);
    const r = cli(['--fix', latin1]);
    expect(r.stdout).toContain('is not valid UTF-8');
    expect(readFileSync(latin1).equals(bytes)).toBe(true);
  });

  it('fixes the Czech vocative in place', () => {
    const dir = tempDir();
    const file = join(dir, 'odpoved.txt');
    copyFileSync(join(ROOT, 'fixtures/replies/cs-vocative.txt'), file);
    cli(['--fix', file]);
    expect(readFileSync(file, 'utf8')).toContain('Dobrý den, pane Nováku,');
  });

  it('--fix-dry-run writes nothing and shows the fixed text in JSON', () => {
    const dir = tempDir();
    const file = join(dir, 'reply.txt');
    writeFileSync(file, 'Hi Tom,\n\nYour boots ship today.\n\n[#48877]\n');
    const r = cli(['--fix-dry-run', '--format', 'json', file]);
    expect(readFileSync(file, 'utf8')).toContain('[#48877]');
    expect(JSON.parse(r.stdout).results[0].output).toBe('Hi Tom,\n\nYour boots ship today.\n');
  });
});

describe('commands', () => {
  it('rules lists every rule', () => {
    const r = cli(['rules']);
    for (const id of ['greeting', 'apology', 'name-use', 'no-jargon', 'no-ticket-clutter', 'next-steps']) expect(r.stdout).toContain(id);
  });

  it('init writes a config that loads', () => {
    const dir = tempDir();
    expect(cli(['init'], { cwd: dir }).code).toBe(0);
    const r = cli(['--format', 'json', join(ROOT, 'fixtures/replies/sk-good.txt')], { cwd: dir });
    expect(r.code).toBe(0);
    expect(cli(['init'], { cwd: dir }).code).toBe(2);
  });

  it('--print-config shows the resolved rules', () => {
    const r = cli(['--print-config', 'fixtures/replies/sk-good.txt']);
    expect(JSON.parse(r.stdout).rules.greeting.level).toBe('warning');
  });
});

describe('the launcher and its code cache', () => {
  /** A copy of the launcher and bundle, with the rest linked, so its cache is the test's own. */
  function installCopy(): string {
    const dir = tempDir();
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'dist', 'cli'), { recursive: true });
    copyFileSync(join(ROOT, 'bin', 'replylint.cjs'), join(dir, 'bin', 'replylint.cjs'));
    copyFileSync(join(ROOT, 'dist', 'cli', 'main.cjs'), join(dir, 'dist', 'cli', 'main.cjs'));
    copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    symlinkSync(join(ROOT, 'dist', 'builtin-rules.json'), join(dir, 'dist', 'builtin-rules.json'));
    for (const name of ['rules', 'node_modules']) symlinkSync(join(ROOT, name), join(dir, name));
    return dir;
  }
  const run = (dir: string) =>
    spawnSync(process.execPath, [join(dir, 'bin', 'replylint.cjs'), '--format', 'json', '--lang', 'cs'], {
      input: 'Dobrý den, pane Nováku,\n\nbalík jsme odeslali včera.\n\nS pozdravem\nJana',
      encoding: 'utf8',
      cwd: dir,
    });

  it('writes a missing cache, and runs the same from it', () => {
    const dir = installCopy();
    const cache = join(dir, 'dist', 'cli', 'main.cjs.cache');
    const first = run(dir);
    expect(existsSync(cache)).toBe(true);
    const second = run(dir);
    expect(second.stderr).toBe('');
    expect(second.status).toBe(first.status);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
  });

  it('a corrupt cache is replaced, and the run is unaffected', () => {
    const dir = installCopy();
    const cache = join(dir, 'dist', 'cli', 'main.cjs.cache');
    const expected = JSON.parse(run(dir).stdout);
    writeFileSync(cache, 'not a code cache');
    const r = run(dir);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(expected);
    expect(readFileSync(cache).length).toBeGreaterThan(1000);
  });

  it('a run under other V8 flags leaves the cache alone (it would be rejected by every plain run)', () => {
    const dir = installCopy();
    const cache = join(dir, 'dist', 'cli', 'main.cjs.cache');
    const expected = JSON.parse(run(dir).stdout);
    const trained = readFileSync(cache);
    const flagged = spawnSync(process.execPath, [join(dir, 'bin', 'replylint.cjs'), '--format', 'json', '--lang', 'cs'], {
      input: 'Dobrý den, pane Nováku,\n\nbalík jsme odeslali včera.\n\nS pozdravem\nJana',
      encoding: 'utf8',
      cwd: dir,
      env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=200' },
    });
    expect(JSON.parse(flagged.stdout)).toEqual(expected);
    expect(readFileSync(cache).equals(trained)).toBe(true);
  });

  it('bin/replylint.js, the former name, still runs the CLI', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'replylint.js'), '--format', 'json'], {
      input: 'Hi Anna, your parcel ships today.',
      encoding: 'utf8',
      cwd: ROOT,
    });
    expect(JSON.parse(r.stdout).results).toHaveLength(1);
  });
});

describe('standard output', () => {
  it('a reader that stops early ends an audit quietly (| head)', async () => {
    const { spawn } = await import('node:child_process');
    const lines = Array.from({ length: 2000 }, (_, i) =>
      JSON.stringify({
        id: `c${i}`,
        messages: [
          { role: 'customer', text: 'Where is it?' },
          { role: 'agent', text: `Hi Sam,\n\nparcel ${i} left today.\n\nBest,\nAnna` },
        ],
      }),
    );
    const dir = tempDir();
    const file = join(dir, 'many.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'replylint.cjs'), 'audit', '--format', 'json', '--workers', '1', file], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // Read the first chunk, then go away, as `| head -c 10` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('a report larger than a pipe holds reaches a slow reader whole', async () => {
    const { spawn } = await import('node:child_process');
    const lines = Array.from({ length: 400 }, (_, i) =>
      JSON.stringify({
        id: `c${i}`,
        messages: [
          { role: 'customer', text: 'My parcel has not arrived.' },
          { role: 'agent', text: `Hi Sam,\n\nthe parcel ${i} left today.\n\nBest,\nAnna` },
        ],
      }),
    );
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'replylint.cjs'), '--format', 'json'], { cwd: ROOT });
    child.stdin.end(lines.join('\n'));
    // Read nothing for a while, so the pipe fills and the writer has to wait.
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stdout.resume();
    const code = await new Promise((resolve) => child.on('close', resolve));
    const out = Buffer.concat(chunks);
    expect(out.length).toBeGreaterThan(1 << 16);
    expect(JSON.parse(out.toString('utf8')).results).toHaveLength(400);
    expect(code).toBe(0);
  });
});
