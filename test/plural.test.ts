// Every summary counts in the right number: "1 reply", "1 error", "2 replies" (issue 14).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { formatAuditStylish } from '../src/report/audit-stylish.js';
import { githubSummary } from '../src/report/github.js';
import { plural } from '../src/report/plural.js';
import { cli, tempDir } from './helpers.js';

const one = {
  id: 'a',
  messages: [
    { role: 'customer', text: 'Where is it?' },
    { role: 'agent', text: 'Hi Anna, it left today.' },
  ],
};

describe('counts in summaries', () => {
  it('plural() says one thing in the singular and anything else in the plural', () => {
    expect([0, 1, 2].map((n) => plural(n, 'error'))).toEqual(['0 errors', '1 error', '2 errors']);
    expect(plural(1, 'reply', 'replies')).toBe('1 reply');
  });

  it('the audit of one reply says "1 reply", and its severities in their number', () => {
    const file = join(tempDir(), 'one.jsonl');
    writeFileSync(file, `${JSON.stringify(one)}\n`);
    const r = cli(['audit', '--no-color', file]);
    expect(r.stdout).toMatch(/^Audit: 1 reply, mean score/);
    expect(r.stdout).not.toContain('1 replies');
    expect(r.stdout).toMatch(/\n {2}0 errors, \d+ warnings?, \d+ suggestions?\n/);
    const json = JSON.parse(cli(['audit', '--format', 'json', file]).stdout);
    const figures = json.audit;
    const text = formatAuditStylish({ ...figures, bySeverity: { error: 1, warning: 1, suggestion: 2 } }, new Chalk({ level: 0 }));
    expect(text).toContain('  1 error, 1 warning, 2 suggestions');
  });

  it('the GitHub summary of one reply and one problem says so', () => {
    const summary = githubSummary([
      {
        source: 'a.txt',
        language: 'en',
        channel: 'email',
        score: 90,
        violations: [{ rule: 'greeting', severity: 'warning', message: 'No greeting.', line: 1, column: 1, endLine: 1, endColumn: 2 }],
      },
    ] as never);
    expect(summary).toContain('1 reply, mean score 90.0, 1 problem.');
  });
});
