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
      .map((c) =>
        JSON.stringify({
          id: c.id,
          channel: 'email',
          language: 'en',
          customer: { name: c.customer ?? 'James Wilson' },
          agent: { name: c.agent },
          messages: [
            { role: 'customer', text: 'Where is my refund?' },
            { role: 'agent', text: c.text ?? 'Hello,\n\nIt is on its way.\n', time: c.time },
          ],
        }),
      )
      .join('\n') + '\n',
  );
  return file;
}

/** Our own colours are SGR sequences (ESC [ … m); any other ESC, or a BEL, came from the input. */
function foreignControls(text: string): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes start with ESC
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
    expect(perReply.map((row) => [row[1], row[3], row[4]])).toEqual([
      ["'=1+1", `'${FORMULA}`, "'-1+2"],
      ['c2', 'Anna;=2+2', ''],
      ["'\tTab", "'@A1", '2025-03-01T10:00:00Z'],
    ]);
  });

  it('a number we computed is written as a number even when negative; the same text from a stranger is not', () => {
    expect(csvRows([[-3, '-3', 4.5, '+4']])).toBe("-3,'-3,4.5,'+4\n");
  });
});

describe('notices on stderr are one inert line: no workflow command from a stranger (items 13, 14)', () => {
  it('a skipped file named with a newline and `::error::` prints one notice line on stderr, not a command', () => {
    const dir = folder({ 'x\n::error::pwned.json': 'not json', '##[error]pwned.json': 'not json', 'ok.txt': REPLY });
    for (const format of ['github', 'sarif', 'json', 'stylish']) {
      const r = cli(['-f', format, 'x\n::error::pwned.json', '##[error]pwned.json', 'ok.txt'], { cwd: dir });
      expect(workflowCommands(r.stderr), format).toEqual([]);
      if (format === 'stylish') expect(workflowCommands(r.stdout)).toEqual([]);
    }
    const r = cli(['-f', 'github', 'x\n::error::pwned.json', '##[error]pwned.json'], { cwd: dir });
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^replylint: x\\n::error::pwned\.json: invalid JSON/),
      expect.stringMatching(/^replylint: #\\#\[error\]pwned\.json: invalid JSON/),
      'replylint: nothing was linted: all 2 inputs were skipped (see why above)',
    ]);
  });

  it('audit notices on stderr are one line each, whatever the file and conversation are called', () => {
    const dir = tempDir();
    const file = join(dir, 'a\n::error::pwned.jsonl');
    writeFileSync(file, `not json\n${JSON.stringify({ id: '\n::error::id ##[error]x', messages: [{ role: 'agent' }] })}\n`);
    const r = cli(['audit', '--format', 'json', '--workers', '1', file]);
    // Two notices, and the line saying nothing was audited.
    expect(r.stderr.split('\n').filter(Boolean).length).toBe(3);
    expect(workflowCommands(r.stderr)).toEqual([]);
  });
});

describe('GitHub: the job summary and the action (item 13)', () => {
  it('the job summary keeps each violation in its row: CR, pipes, HTML, backticks and links in names and messages are text', () => {
    const name = 'a|b`c<img src=x>\r| injected | row |.txt';
    const dir = folder({ [name]: REPLY });
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    cli(['-f', 'github', '--customer-name', 'Eve\r| x | y |\n<script>alert(1)</script> [link](https://x.test) ``', name], {
      cwd: dir,
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    const md = readFileSync(summary, 'utf8');
    expect(md).not.toContain('\r');
    const rows = md.split('\n').filter((line) => line.startsWith('| '));
    const violations = rows.slice(2);
    expect(violations.length).toBeGreaterThan(1);
    for (const row of violations) {
      // Five pipes that are not escaped: four cells.
      expect(row.replace(/\\./g, '').match(/\|/g)?.length, row).toBe(5);
      expect(row.replace(/\\./g, ''), row).not.toMatch(/[<>[\]]/);
    }
    const nameUse = violations.find((row) => row.includes('`name-use`'))!;
    expect(nameUse).toContain('Eve \\| x \\| y \\| \\<script\\>alert\\(1\\)\\<\\/script\\> \\[link\\]\\(https\\:\\/\\/x\\.test\\) \\`\\`');
  });

  it('annotations: a message quoting a name with control characters is inert in the log', () => {
    const dir = folder({ 'ok.txt': REPLY });
    const out = cli(['-f', 'github', '--customer-name', `Eve${ESC_TITLE}\u202e`, 'ok.txt'], { cwd: dir }).stdout;
    expect(out).toContain('customer (Eve\\x1b]0;pwn\\x07\\u202e) by name');
    expect(foreignControls(out)).toEqual([]);
  });

  it('markdown helpers: a code span cannot be closed from inside', () => {
    expect(markdownCode('no-rule')).toBe('`no-rule`');
    expect(markdownCode('a`b``c|d')).toBe('```a`b``c\\|d```');
    expect(markdownCode('`x')).toBe('`` `x ``');
    expect(markdownText('*a* _b_ ~c~ &amp; $x$')).toBe('\\*a\\* \\_b\\_ \\~c\\~ \\&amp\\; \\$x\\$');
  });

  it('action.yml passes inputs through env, never into a script', () => {
    const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { steps: { run?: string; env?: Record<string, string> }[] } };
    const steps = action.runs.steps.filter((s) => s.run);
    for (const step of steps) expect(step.run).not.toMatch(/\$\{\{\s*inputs\./);
    const lint = steps.filter((s) => s.run!.includes('action-lint.sh'));
    expect(lint.length).toBe(2);
    for (const step of lint) expect(step.env).toEqual({ REPLYLINT_ARGS: '${{ inputs.args }}', REPLYLINT_FILES: '${{ inputs.files }}' });
  });

  describe("the action's lint script splits inputs as a shell would, and runs nothing in them", () => {
    const script = join(ROOT, 'scripts', 'action-lint.sh');
    const run = (dir: string, args: string, files: string) =>
      spawnSync('bash', [script, '--format', 'json'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', REPLYLINT_ARGS: args, REPLYLINT_FILES: files },
      });
    const sources = (stdout: string) => (JSON.parse(stdout) as { results: { source: string }[] }).results.map((x) => x.source).sort();

    it('quotes group words (a file with spaces, a name), globs go to replylint', () => {
      const dir = folder({ 'my reply.txt': REPLY, 'other.txt': REPLY, 'third.md': REPLY });
      const r = run(dir, '--customer-name "Anna Nováková" --lang en', '"my reply.txt"\nother.txt');
      expect(r.stderr).toBe('');
      expect(sources(r.stdout)).toEqual(['my reply.txt', 'other.txt']);
      expect(r.stdout).toContain('Anna Nováková');
      expect(sources(run(dir, '', "'*.txt'").stdout)).toEqual(['my reply.txt', 'other.txt']);
      expect(sources(run(dir, '', '*.md').stdout)).toEqual(['third.md']);
    });

    it('command substitution, variables and `;` are words, not commands', () => {
      const dir = folder({ 'ok.txt': REPLY });
      const r = run(dir, '', 'ok.txt $(touch pwned1) `touch pwned2` ;touch pwned3 $HOME');
      expect(r.status).toBe(2);
      for (const word of ['$(touch', 'pwned1)', '`touch', 'pwned2`', ';touch', 'pwned3', '$HOME']) expect(r.stderr).toContain(`"${word}"`);
      for (const f of ['pwned1', 'pwned2', 'pwned3']) expect(existsSync(join(dir, f))).toBe(false);
    });

    it('an unmatched quote stops the step before replylint runs', () => {
      const r = run(folder({ 'ok.txt': REPLY }), '--customer-name "Anna', 'ok.txt');
      expect(r.status).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/quote/);
    });
  });
});

describe('terminal output shows control characters instead of obeying them (item 14)', () => {
  const hostile = `${ESC_TITLE}\u009b2J\u007f\u202eevil.txt`;

  it("stylish lint: file names, messages quoting the customer's name, hints and notices; our colours stay", () => {
    const dir = folder({ [hostile]: REPLY, [`${ESC_TITLE}.json`]: 'not json' });
    for (const env of [{}, { FORCE_COLOR: '1' }] as Record<string, string>[]) {
      const r = cli(['--customer-name', `Anna${ESC_TITLE}\u202e`, hostile, `${ESC_TITLE}.json`], { cwd: dir, env });
      expect(foreignControls(r.stdout + r.stderr)).toEqual([]);
      expect(r.stdout).toContain('\\x1b]0;pwn\\x07\\x9b2J\\x7f\\u202eevil.txt');
      expect(r.stdout).toContain('The reply never addresses the customer (Anna\\x1b]0;pwn\\x07\\u202e) by name.');
      expect(r.stdout).toContain('"Hi Anna\\x1b]0;pwn\\x07\\u202e,"');
      expect(r.stdout).toContain('\\x1b]0;pwn\\x07.json');
      // biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes start with ESC
      if ('FORCE_COLOR' in env) expect(r.stdout).toMatch(/\u001b\[\d+m/);
    }
    // Notices on stderr when the report goes elsewhere.
    const r = cli(['-f', 'json', `${ESC_TITLE}.json`], { cwd: dir });
    expect(foreignControls(r.stderr)).toEqual([]);
    expect(r.stderr).toContain('replylint: \\x1b]0;pwn\\x07.json: invalid JSON');
  });

  it('stylish audit: agents, conversation ids and sources', () => {
    const dir = tempDir();
    const file = transcript(dir, `${ESC_TITLE}.jsonl`, [{ id: `id${ESC_TITLE}`, agent: `${ESC_TITLE}\u202eAgent`, text: 'whatever' }]);
    for (const env of [{}, { FORCE_COLOR: '1' }] as Record<string, string>[]) {
      const r = cli(['audit', '--workers', '1', file], { env });
      expect(foreignControls(r.stdout + r.stderr)).toEqual([]);
      expect(r.stdout).toContain('\\x1b]0;pwn\\x07\\u202eAgent');
      expect(r.stdout).toContain('id\\x1b]0;pwn\\x07');
    }
  });

  it('json, sarif and audit json: DEL, C1 and bidi controls as \\u escapes; the data is unchanged', () => {
    const name = 'a\u007f\u009b2J\u202e\u2028.txt';
    const dir = folder({ [name]: REPLY });
    const json = cli(['-f', 'json', name], { cwd: dir }).stdout;
    expect(json).toContain('a\\u007f\\u009b2J\\u202e\\u2028.txt');
    expect(JSON.parse(json).results[0].source).toBe(name);
    const sarif = cli(['-f', 'sarif', '--customer-name', name, name], { cwd: dir }).stdout;
    expect(sarif).toContain('customer (a\\u007f\\u009b2J\\u202e\\u2028.txt)');
    for (const out of [json, sarif]) expect(out).not.toMatch(/[\u007f-\u009f\u202e\u2028]/);
    const file = transcript(dir, 'export.jsonl', [{ id: '1', agent: `Ann\u202ea\u009b`, text: 'whatever' }]);
    const r = cli(['audit', '--format', 'json', '--workers', '1', file]);
    expect(r.stdout).not.toMatch(/[\u007f-\u009f\u202e]/);
    const report = JSON.parse(r.stdout);
    expect([report.results[0].agent, report.audit.agents[0].agent]).toEqual(['Ann\u202ea\u009b', 'Ann\u202ea\u009b']);
  });

  it('a file name that opens a line with `::` is no workflow command in a CI log', () => {
    const dir = folder({ '::error::pwned.txt': REPLY });
    expect(workflowCommands(cli(['::error::pwned.txt'], { cwd: dir }).stdout)).toEqual([]);
  });

  it('configuration errors, usage errors and "no files match" show the keys, names and arguments they quote inert', () => {
    const injected = `\n::error::pwned${ESC_TITLE}\u001b[31m`;
    const dir = folder({ 'reply.txt': REPLY, 'keys.yaml': `rules:\n  ${JSON.stringify(`x${injected}`)}: error\n` });
    const runs = {
      config: cli(['-c', 'keys.yaml', 'reply.txt'], { cwd: dir }),
      missing: cli([`nope${injected}.txt`, 'reply.txt'], { cwd: dir }),
      usage: cli([`--bogus${injected}`], { cwd: dir }),
    };
    for (const [name, r] of Object.entries(runs)) {
      expect(r.code, name).toBe(2);
      expect(foreignControls(r.stderr), name).toEqual([]);
      expect(workflowCommands(r.stderr), name).toEqual([]);
    }
    expect(runs.config.stderr).toBe(
      `replylint: ${join(dir, 'keys.yaml')}:2:3: unknown rule id "x\\n::error::pwned\\x1b]0;pwn\\x07\\x1b[31m"\n  hint: ${runs.config.stderr.split('\n  hint: ')[1]}`,
    );
    expect(runs.missing.stderr).toBe('replylint: no files match "nope\\n::error::pwned\\x1b]0;pwn\\x07\\x1b[31m.txt"; check the path or quote the glob\n');
  });

  it('--print-config writes C1 and bidi controls of a config as \\u escapes; the data is unchanged', () => {
    const word = 'Anna\u202e\u009b2J';
    const dir = folder({ 'reply.txt': REPLY, 'words.yaml': `vocabulary:\n  allow: [${JSON.stringify(word)}]\n` });
    const r = cli(['-c', 'words.yaml', '--print-config', 'reply.txt'], { cwd: dir });
    expect(foreignControls(r.stdout)).toEqual([]);
    expect(JSON.parse(r.stdout).vocabulary.allow).toContain(word);
  });

  it('terminalText: each kind of control, visibly', () => {
    expect(terminalText('a\tb\nc\rd\u0000\u001b[31m\u0007\u007f\u0085\u009b\u061c\u200e\u202a\u202e\u2066\u2069')).toBe(
      'a\\tb\\nc\\rd\\x00\\x1b[31m\\x07\\x7f\\x85\\x9b\\u061c\\u200e\\u202a\\u202e\\u2066\\u2069',
    );
    expect(terminalText('  ::warning::x ##[error]y ##vso[task.setvariable]z')).toBe('  :\\:warning::x #\\#[error]y #\\#vso[task.setvariable]z');
    expect(terminalText('Dobrý den, pane Nováku: ::1 # [x]')).toBe('Dobrý den, pane Nováku: ::1 # [x]');
  });
});

describe('JUnit and SARIF (item 15)', () => {
  const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

  it('JUnit is well-formed XML 1.0 whatever the names: U+FFFE, U+FFFF, lone surrogates and controls are replaced', () => {
    const dir = tempDir();
    const file = transcript(dir, 'x\uFFFE.jsonl', [{ id: 'id\uFFFF\ud800\u0001\r\n"<&>', agent: 'A', customer: 'Eve\uFFFF\udfff\u0008' }]);
    const r = cli(['-f', 'junit', file]);
    expect(r.stdout).toMatch(XML_CHARS);
    const { XMLParser, XMLValidator } = require('fast-xml-parser');
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, htmlEntities: true }).parse(r.stdout);
    expect(doc.testsuites.testsuite['@_name']).toBe(`${file.slice(0, -7)}\uFFFD.jsonl`);
    expect(r.stdout).toContain('name="conversation id\uFFFD\uFFFD\uFFFD&#13;&#10;&quot;&lt;&amp;&gt;, message 1"');
    expect(r.stdout).toContain('Eve\uFFFD\uFFFD\uFFFD');
  });

  it('SARIF artifact URIs are URIs: relative to %SRCROOT% and percent-encoded, or file: URLs outside it', () => {
    const names = ['a b#1?.txt', '100%.txt', 'back\\slash.txt', 'c:colon.txt', '[x]&y=z.txt'];
    const dir = folder(Object.fromEntries(names.map((n) => [n, REPLY])));
    const outside = join(tempDir(), 'out side#.txt');
    writeFileSync(outside, REPLY);
    const sarif = JSON.parse(cli(['-f', 'sarif', ...names, outside], { cwd: dir }).stdout);
    const run = sarif.runs[0];
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(dir).href}/` } });
    const located = new Map<string, string>();
    for (const result of run.results) {
      const { uri, uriBaseId } = result.locations[0].physicalLocation.artifactLocation;
      const base = uriBaseId ? run.originalUriBaseIds[uriBaseId].uri : undefined;
      expect(uri).not.toMatch(/[\s#?\\]/);
      located.set(uri, fileURLToPath(new URL(uri, base)));
    }
    expect(new Set(located.values())).toEqual(new Set([...names.map((n) => join(dir, n)), outside]));
    expect(located.get('a%20b%231%3F.txt')).toBe(join(dir, 'a b#1?.txt'));
    expect(located.get(pathToFileURL(outside).href)).toBe(outside);
  });
});

describe('--redact covers conversation ids and agent names (item 16)', () => {
  const secrets = ['ella.t@gmail.com', 'adam.k@gmail.com', '777 123 456', '+420 777 123 456'];

  it('in every audit format, and in notices, while agents stay apart', () => {
    const dir = tempDir();
    const file = transcript(dir, 'export.jsonl', [
      { id: '+420 777 123 456', agent: 'ella.t@gmail.com', text: 'whatever' },
      { id: 'ticket for ella.t@gmail.com', agent: 'adam.k@gmail.com', text: 'whatever' },
    ]);
    writeFileSync(file, `${readFileSync(file, 'utf8')}${JSON.stringify({ id: 'adam.k@gmail.com', messages: [{ role: 'agent' }] })}\n`);
    for (const args of [
      ['--format', 'stylish'],
      ['--format', 'json'],
      ['--format', 'csv'],
      ['--format', 'csv', '--per', 'agent'],
      ['--format', 'html'],
    ]) {
      const r = cli(['audit', '--redact', '--workers', '1', ...args, file]);
      expect(r.stdout.length, args.join(' ')).toBeGreaterThan(0);
      for (const secret of secrets) {
        expect(r.stdout, `${args.join(' ')}: ${secret}`).not.toContain(secret);
        expect(r.stderr, `${args.join(' ')}: ${secret}`).not.toContain(secret);
      }
    }
    const report = JSON.parse(cli(['audit', '--redact', '--format', 'json', '--workers', '1', file]).stdout);
    expect(report.results.map((x: { conversationId: string; agent: string }) => [x.conversationId, x.agent])).toEqual([
      ['+••• ••• ••• •56', 'e•••••@gmail.com'],
      ['ticket for e•••••@gmail.com', 'a•••••@gmail.com'],
    ]);
    expect(report.audit.agents.length).toBe(2);
  });

  it("in the notices the library's audit returns, as in those the CLI prints", async () => {
    const { audit } = await import('../src/index.js');
    const file = transcript(tempDir(), 'export.jsonl', [{ id: '1', agent: 'Ella', text: 'whatever' }]);
    writeFileSync(file, `${readFileSync(file, 'utf8')}${JSON.stringify({ id: 'adam.k@gmail.com', messages: [{ role: 'agent' }] })}\n`);
    const { notices } = await audit(file, { redact: true, workers: 1 });
    expect(notices).toHaveLength(1);
    expect(notices[0].message).toContain('a•••••@gmail.com');
    expect(JSON.stringify(notices)).not.toContain('adam.k@gmail.com');
  });

  it('two agents whose addresses mask alike keep their own rows', () => {
    const dir = tempDir();
    const file = transcript(dir, 'export.jsonl', [
      { id: '1', agent: 'anna@shop.test', text: 'whatever' },
      { id: '2', agent: 'adam@shop.test', text: 'Hi James,\n\nYour refund went out today; you will see it within 3 days.\n\nBest,\nAdam' },
    ]);
    const agents = JSON.parse(cli(['audit', '--redact', '--format', 'json', '--workers', '2', file]).stdout).audit.agents;
    expect(agents.map((a: { agent: string; replies: number }) => [a.agent, a.replies])).toEqual([
      ['a•••@shop.test', 1],
      ['a•••@shop.test', 1],
    ]);
  });
});

describe('the HTML audit report escapes every user string (checked, already so)', () => {
  it('names, ids, file names and messages stay text in elements, attributes and inline SVG; no script', () => {
    const dir = tempDir();
    const evil = '</script><script>alert(1)</script>"><img src=x onerror=alert(2)>\u2028\'';
    const file = transcript(dir, `${'<svg onload=alert(3)>'}.jsonl`, [
      { id: evil, agent: evil, customer: evil, text: 'whatever', time: '2025-03-01T10:00:00Z' },
      { id: '2', agent: 'Ben', text: 'whatever', time: '2025-03-02T10:00:00Z' },
    ]);
    const html = cli(['audit', '--format', 'html', '--workers', '1', file]).stdout;
    expect(html).not.toMatch(/<script|<img|<svg onload/i);
    // Every `<` opens one of our tags (or the doctype), whose attributes are ours with quoted values.
    const TAGS = new Set([
      'html',
      'head',
      'meta',
      'title',
      'style',
      'body',
      'h1',
      'h2',
      'div',
      'b',
      'section',
      'svg',
      'text',
      'rect',
      'polyline',
      'circle',
      'article',
      'header',
      'span',
      'pre',
      'mark',
      'ul',
      'li',
    ]);
    const ATTRIBUTES = new Set([
      'lang',
      'charset',
      'class',
      'id',
      'viewBox',
      'width',
      'height',
      'role',
      'aria-label',
      'x',
      'y',
      'text-anchor',
      'data-value',
      'data-rule',
      'title',
      'points',
      'cx',
      'cy',
      'r',
    ]);
    const tags = [...html.matchAll(/<\/?([a-z0-9]+)((?:\s+[a-zA-Z-]+="[^"<>]*")*)\s*\/?>/g)];
    expect(html.match(/</g)!.length).toBe(tags.length + 1);
    for (const [, name, attributes] of tags) {
      expect(TAGS.has(name), name).toBe(true);
      for (const [, attribute] of attributes.matchAll(/([a-zA-Z-]+)="/g)) expect(ATTRIBUTES.has(attribute), attribute).toBe(true);
    }
    expect(html).toContain('&#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62;&#34;&#62;&#60;img src=x onerror=alert(2)&#62;');
  });
});
