// Text from strangers that used to hang a run (issue 10, items 1, 3 and 4, and the
// regexes of our own code that the build's check found). Each goes through the CLI as a
// user would send it; a run still going after the guard is killed, and the test fails
// on its exit code. Every one of these now ends in well under a second; before, each
// took from tens of seconds to longer than anyone would wait.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from './helpers.js';

const json = (stdout: string) => JSON.parse(stdout) as { results: { violations: { rule: string }[] }[] };

// Generous: a guard against hangs, not a timing.
const GUARD = { killAfterMs: 30_000 };

const conversation = (fields: Record<string, unknown>) => JSON.stringify({ id: 'c1', ...fields });

/** Lint stdin as JSON and return the report, failing clearly if the run was killed. */
function lintJson(input: string, args: string[] = []) {
  const run = cli(['--format', 'json', ...args], { input, ...GUARD });
  expect(run.code, `killed after ${GUARD.killAfterMs} ms, or failed: ${run.stderr.slice(0, 300)}`).not.toBeNull();
  expect([0, 1]).toContain(run.code);
  return json(run.stdout);
}

describe('hostile text never hangs a run', () => {
  it('a phrase gap before a run of commas ("We regret" + commas, with a customer message)', () => {
    const report = lintJson(
      conversation({
        language: 'en',
        messages: [
          { role: 'customer', text: 'My parcel is late.' },
          { role: 'agent', text: `We regret${','.repeat(20_000)}` },
        ],
      }),
    );
    expect(report.results).toHaveLength(1);
  });

  it('a customer message of "Still" and a run of commas', () => {
    lintJson(
      conversation({
        language: 'en',
        messages: [
          { role: 'customer', text: `Still${','.repeat(20_000)}` },
          { role: 'agent', text: 'Hi Anna, we will send it tomorrow.' },
        ],
      }),
    );
  });

  it('a long English reply without a full stop (the grammar step reads sentences, not the whole text)', () => {
    const prose = 'we will send the parcel tomorrow and call you when it leaves the depot '.repeat(6_000);
    const report = lintJson(prose, ['--lang', 'en', '--customer-message', 'Where is my parcel?']);
    // Still read as a reply with a step in it.
    expect(report.results[0].violations.map((v) => v.rule)).not.toContain('next-steps');
  });

  it('a Czech customer name of 100 KB', () => {
    const report = lintJson(
      conversation({ language: 'cs', customer: 'x'.repeat(100_000), messages: [{ role: 'agent', text: 'Dobrý den, pane Nováku,\n\nzítra vám zavoláme.' }] }),
    );
    // A name that long is no name: name-use is silent about it.
    expect(report.results[0].violations.map((v) => v.rule)).not.toContain('name-use');
  });

  it.each([
    ['lead-ins that split many ways ("ano" glued, before a "done")', `${'ano'.repeat(60)}q hotovo.`, ['--lang', 'cs']],
    ['a social @handle of underscores before the greeting', `@${'_@_'.repeat(40)}! Hi Anna,\n\nIt is on its way.`, ['--lang', 'en', '--channel', 'social']],
    ['blank lines above a quoted-history marker', `Hi Anna,\n\nthanks.${'\n'.repeat(400_000)}On Monday Anna wrote:x`, ['--lang', 'en']],
    ['blank lines above an Outlook header', `Hi Anna,\n\nthanks.${'\n'.repeat(400_000)}From: x`, ['--lang', 'en']],
    ['a placeholder of spaces', `Hi {{${' \t'.repeat(20_000)}x\n{{}}`, ['--lang', 'en']],
    ['a run of exclamation marks', `Hi Anna${'!'.repeat(200_000)}x`, ['--lang', 'en']],
    ['unclosed comments', `Hi Anna, ${'<!--replylint-enable x'.repeat(150_000)}`, ['--lang', 'en']],
    ['unclosed directives in Markdown', `Hi Anna, ${'<!-- replylint-enable x'.repeat(150_000)}`, ['--lang', 'en', '--stdin-filename', 'reply.md']],
    [
      'closed directives on every line of a Markdown reply',
      `Hi Anna,\n\n${'<!-- replylint-disable-next-line no-jargon, greeting -->\nThe ETA is Monday.\n'.repeat(60_000)}`,
      ['--lang', 'en', '--stdin-filename', 'reply.md'],
    ],
    ['helpdesk clutter repeated on one long line (each removal fix read the whole line)', `Hi Anna,\n\n${'Ticket #48213 '.repeat(150_000)}`, ['--lang', 'en']],
    [
      'order numbers repeated, on social (each checked against every other)',
      `Hi Anna, ${'order 123456 '.repeat(300_000)}`,
      ['--lang', 'en', '--channel', 'social'],
    ],
    ['literals repeated (each match checked against every link)', `Hi Anna, ${'see https://x.co/a ETA '.repeat(200_000)}`, ['--lang', 'en']],
    ['template tags opened on one line and closed at its end', `Hi Anna, ${'{%'.repeat(500_000)}%}`, ['--lang', 'en']],
    ['courtesies that are instructions too, in one sentence without a full stop', `Hi Anna, ${'please note that '.repeat(250_000)}`, ['--lang', 'en']],
    ['a file name of dashes', `Hi Anna, ${'a-'.repeat(100_000)}.x`, ['--lang', 'en']],
    ['an e-mail address without its domain, on social', `Hi Anna, ${'a'.repeat(500_000)}@`, ['--lang', 'en', '--channel', 'social']],
    ['an order number after a run of tabs, on social', `Hi Anna, order${'\t'.repeat(500_000)}x`, ['--lang', 'en', '--channel', 'social']],
    ['a long Slovak-looking word, language detected', `Dobrý deň, ${'ťa'.repeat(100_000)}`, []],
    ['a long word ending like Slovak, language detected', `Dobrý deň, ${'i'.repeat(200_000)}x`, []],
    [
      'unclosed <font color=…> tags in an HTML reply',
      `<p>Hi Anna,</p>${'<font color=red '.repeat(20_000)}`,
      ['--lang', 'en', '--stdin-filename', 'reply.html'],
    ],
    ['a condition clause repeated before a command', `Hi Anna, ${' if '.repeat(200_000)}, please reply.`, ['--lang', 'en']],
  ])('%s', (_name, text, args) => {
    lintJson(text, args);
  });

  it("a team's vocabulary term with a gap, on a run of commas, and where it matches", () => {
    // Team phrases run on RE2: linear whatever the pattern and the text.
    const dir = tempDir();
    writeFileSync(join(dir, '.replylintrc.yaml'), 'vocabulary:\n  jargon: ["regret ... (inconvenience|delay)", "still ... (no|nothing)"]\n');
    const run = (text: string) => cli(['--format', 'json', '--lang', 'en'], { input: text, cwd: dir, ...GUARD });
    const hostile = run(`We regret${','.repeat(50_000)} and still${', '.repeat(50_000)}`);
    expect(hostile.code).not.toBeNull();
    expect(json(hostile.stdout).results[0].violations.filter((v: { rule: string }) => v.rule === 'no-jargon')).toEqual([]);
    const found = json(run('Hi Anna,\n\nwe regret, truly, the delay.').stdout).results[0].violations.filter((v: { rule: string }) => v.rule === 'no-jargon');
    expect(found).toHaveLength(1);
  });
});
