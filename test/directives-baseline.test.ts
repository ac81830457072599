// Inline directives in Markdown/HTML, and the suppressions baseline for plain text.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

const rules = (stdout: string) =>
  (JSON.parse(stdout).results as { violations: { rule: string; line: number }[] }[]).flatMap((r) => r.violations.map((v) => `${v.rule}@${v.line}`));

describe('directives', () => {
  it('in Markdown: disable-next-line, disable and enable, by rule or all', () => {
    const dir = tempDir();
    const file = join(dir, 'macro.md');
    writeFileSync(
      file,
      'Hi Anna,\n\n<!-- replylint-disable-next-line no-jargon -->\nYour RMA is ready.\nThe ETA is Monday.\n<!-- replylint-disable -->\nOur SLA is two days.\n<!-- replylint-enable -->\nThe hotfix ships today.\n\nBest,\nMark\n',
    );
    const fired = rules(cli(['-f', 'json', file]).stdout).filter((r) => r.startsWith('no-jargon'));
    expect(fired).toEqual(['no-jargon@5', 'no-jargon@9']);
  });

  it('in plain text: none (drafts go to customers as they are)', () => {
    const dir = tempDir();
    const file = join(dir, 'draft.txt');
    writeFileSync(file, 'Hi Anna,\n\n<!-- replylint-disable-next-line no-jargon -->\nYour RMA is ready today.\n');
    expect(rules(cli(['-f', 'json', file]).stdout)).toContain('no-jargon@4');
  });

  it('in HTML: the rules a directive names are off from its source line on; markup is read from the source', () => {
    const dir = tempDir();
    const file = join(dir, 'macro.html');
    writeFileSync(file, '<!-- replylint-disable no-jargon -->\n<p>Hi Anna,</p><p>Your <font color="red">RMA</font> ships tomorrow.</p>\n');
    const fired = rules(cli(['-f', 'json', file]).stdout);
    expect(fired.some((r) => r.startsWith('no-jargon'))).toBe(false);
    expect(fired).toContain('no-ticket-clutter@2'); // the <font> is on the source's second line
  });

  it('naming a rule that does not exist is said at its line, with the rule meant (issue 14)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'macro.md'), '---\nlang: en\n---\nHi Anna,\n\n<!-- replylint-disable-next-line no-jargn, sign-off -->\nYour RMA is ready.\n');
    const r = cli(['-f', 'json', 'macro.md'], { cwd: dir });
    expect(r.stderr).toBe('replylint: macro.md:6: a replylint directive names the rule "no-jargn", which does not exist; did you mean "no-jargon"?\n');
    // It turns nothing off, and the run is no failure of the input's.
    expect(rules(r.stdout)).toContain('no-jargon@7');
    // A plain-text draft has no directives: nothing there is read as one.
    writeFileSync(join(dir, 'draft.txt'), 'Hi Anna,\n<!-- replylint-disable no-jargn -->\nDone.\n');
    expect(cli(['-f', 'json', 'draft.txt'], { cwd: dir }).stderr).toBe('');
  });

  it("--report-unused-disable-directives says directives that turned off nothing, at each's line, and fails the run, as ESLint's (issue 14)", () => {
    const dir = tempDir();
    // Front matter moves every line by 3: the lines said are the file's.
    writeFileSync(
      join(dir, 'macro.md'),
      [
        '---',
        'lang: en',
        '---',
        'Hi Anna,',
        '',
        '<!-- replylint-disable-next-line no-jargon, greeting -->', // 6: no-jargon used (RMA), greeting not
        'Your RMA is ready.',
        '<!-- replylint-disable sign-off -->', // 8: nothing for sign-off below
        'It ships today.',
        '<!-- replylint-enable -->',
        '<!-- replylint-disable-next-line -->', // 11: all rules, next line clean
        'Thank you for your patience.',
        '<!-- replylint-disable-next-line no-jargn -->', // 13: an unknown rule: said as such, not as unused
        'Best wishes,',
        'Mark',
        '',
      ].join('\n'),
    );
    const plain = cli(['-f', 'json', 'macro.md'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.stderr).not.toContain('turned off nothing');
    const r = cli(['-f', 'json', '--report-unused-disable-directives', 'macro.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.includes('turned off nothing'))).toEqual([
      'replylint: macro.md:6: a replylint-disable directive for "greeting" turned off nothing: "greeting" found nothing where it applies; remove "greeting" from it',
      'replylint: macro.md:8: a replylint-disable directive for "sign-off" turned off nothing: "sign-off" found nothing where it applies; remove "sign-off" from it',
      'replylint: macro.md:11: a replylint-disable directive for all rules turned off nothing: no rule found anything where it applies; remove it',
    ]);
    expect(r.stderr).toContain('"no-jargn", which does not exist');
    // The violations are those of a run without the flag; the JSON result lists the directives.
    expect(rules(r.stdout)).toEqual(rules(plain.stdout));
    expect(JSON.parse(r.stdout).results[0].unusedDirectives).toEqual([{ line: 6, rule: 'greeting' }, { line: 8, rule: 'sign-off' }, { line: 11 }]);
    // Counted as warnings at that severity (so --max-warnings sees them), or not at all.
    const warn = cli(['-f', 'json', '--report-unused-disable-directives-severity', 'warn', '--max-warnings', '2', 'macro.md'], { cwd: dir });
    expect(warn.code).toBe(1);
    expect(warn.stderr).toContain('--max-warnings 2: 3 warnings');
    expect(cli(['-f', 'json', '--report-unused-disable-directives-severity', 'warn', 'macro.md'], { cwd: dir }).code).toBe(0);
    const off = cli(['-f', 'json', '--report-unused-disable-directives-severity', 'off', 'macro.md'], { cwd: dir });
    expect([off.code, off.stderr.includes('turned off nothing')]).toEqual([0, false]);
    // A directive that does turn something off is never said.
    writeFileSync(join(dir, 'used.md'), 'Hi Anna,\n\n<!-- replylint-disable-next-line no-jargon -->\nYour RMA is ready.\n\nBest wishes,\nMark\n');
    const used = cli(['-f', 'json', '--report-unused-disable-directives', 'used.md'], { cwd: dir });
    expect(used.stderr).not.toContain('turned off nothing');
  });
});

describe('suppressions baseline', () => {
  it('--suppress-all records, later runs report only new violations, --prune-suppressions drops fixed ones', () => {
    const dir = tempDir();
    const file = join(dir, 'reply.txt');
    writeFileSync(file, 'Hi Anna,\n\nThe ETA is Monday.\n\nBest,\nMark\n');
    const first = cli(['-f', 'json', '--suppress-all', 'reply.txt'], { cwd: dir });
    expect(rules(first.stdout)).toEqual([]);
    const baseline = JSON.parse(readFileSync(join(dir, 'replylint-suppressions.json'), 'utf8'));
    expect(baseline['reply.txt']['no-jargon']).toEqual({ count: 1 });
    // A new violation of the same rule is reported, the known one is not.
    writeFileSync(file, 'Hi Anna,\n\nThe ETA is Monday. Our SLA is two days.\n\nBest,\nMark\n');
    expect(rules(cli(['-f', 'json', 'reply.txt'], { cwd: dir }).stdout).filter((r) => r.startsWith('no-jargon'))).toEqual(['no-jargon@3']);
    // Fixed: pruning removes the count.
    writeFileSync(file, 'Hi Anna,\n\nIt arrives on Monday.\n\nBest,\nMark\n');
    cli(['-f', 'json', '--prune-suppressions', 'reply.txt'], { cwd: dir });
    const pruned = JSON.parse(readFileSync(join(dir, 'replylint-suppressions.json'), 'utf8'));
    expect(pruned['reply.txt']?.['no-jargon']).toBeUndefined();
    expect(existsSync(join(dir, 'replylint-suppressions.json'))).toBe(true);
  });
});

describe('--cache', () => {
  it('hits on unchanged content and config, misses when either changes', () => {
    const dir = tempDir();
    const file = join(dir, 'reply.txt');
    writeFileSync(file, 'Hi Anna,\n\nThe ETA is Monday.\n\nBest,\nMark\n');
    const run = () => rules(cli(['-f', 'json', '--cache', 'reply.txt'], { cwd: dir }).stdout);
    expect(run()).toContain('no-jargon@3');
    const cacheFile = join(dir, '.replylintcache');
    // Tamper with the stored result: a hit reports what is stored.
    const stored = readFileSync(cacheFile, 'utf8');
    writeFileSync(cacheFile, stored.replace(/"rule":"no-jargon"/g, '"rule":"from-cache"'));
    expect(run()).toContain('from-cache@3');
    // Content changes: a miss, linted again.
    writeFileSync(file, 'Hi Anna,\n\nThe SLA is two days.\n\nBest,\nMark\n');
    expect(run()).toContain('no-jargon@3');
    writeFileSync(cacheFile, readFileSync(cacheFile, 'utf8').replace(/"rule":"no-jargon"/g, '"rule":"from-cache"'));
    // Config changes: a miss too.
    writeFileSync(join(dir, '.replylintrc.yaml'), 'rules:\n  concise: off\n');
    expect(run()).toContain('no-jargon@3');
  });
});

describe('--stdin-filename and TIMING', () => {
  it('config globs apply to stdin as to the named file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.replylintrc.yaml'), 'templates: ["canned/**"]\nchannels:\n  chat: ["chat/**"]\n');
    const input = 'Hi {{first_name}},\n\nYour refund went out today.\n';
    const asTemplate = JSON.parse(cli(['-f', 'json', '--stdin-filename', 'canned/refund.txt'], { cwd: dir, input }).stdout).results[0];
    expect(asTemplate.source).toBe('canned/refund.txt');
    expect(asTemplate.violations.map((v: { rule: string }) => v.rule)).not.toContain('placeholders');
    const asDraft = JSON.parse(cli(['-f', 'json'], { cwd: dir, input }).stdout).results[0];
    expect(asDraft.violations.map((v: { rule: string }) => v.rule)).toContain('placeholders');
    expect(JSON.parse(cli(['-f', 'json', '--stdin-filename', 'chat/x.txt'], { cwd: dir, input }).stdout).results[0].channel).toBe('chat');
  });

  it('TIMING=1 prints the time per rule on stderr', () => {
    const r = cli(['-f', 'json', 'fixtures/replies'], { env: { TIMING: '1' } });
    expect(r.stderr).toMatch(/^Rule\s+\| Time \(ms\) \| Relative\n/);
    expect(r.stderr).toMatch(/next-steps\s+\|\s+\d+\.\d{3} \|/);
    JSON.parse(r.stdout); // the report stays clean
  });
});

describe('macro files', () => {
  it('lints each macro comment of a Zendesk export (JSON) or a YAML macros file, as templates', () => {
    const report = JSON.parse(cli(['-f', 'json', 'fixtures/canned/zendesk-macros.json', 'fixtures/canned/macros.yaml']).stdout);
    const got = report.results.map((r: { source: string; conversationId: string; violations: { rule: string }[] }) => [
      r.conversationId,
      [...new Set(r.violations.map((v) => v.rule))].sort(),
    ]);
    expect(got).toEqual([
      ['360001', []],
      ['360002', ['further-help', 'next-steps', 'no-jargon', 'placeholders', 'sign-off']],
      ['Dopravce', ['further-help', 'no-deflection']],
    ]);
  });
});
