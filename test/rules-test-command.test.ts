// `replylint rules --test` (issue 14): every rule's YAML examples, built-in and team rules,
// as ESLint's RuleTester; an example may state its message key, matched text and fixed reply.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

const teamRule = (examples: string) => `kind: forbid
level: warning
description: No ticket numbers in the reply.
fix: replace
phrases:
  en:
    - { match: "ticket {num}", replace: "your request" }
messages:
  found: '"{match}" is clutter.'
examples:
${examples}`;

function team(examples: string): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'team'));
  writeFileSync(join(dir, 'team', 'no-ticket.yaml'), teamRule(examples));
  writeFileSync(join(dir, '.replylintrc.yaml'), 'rulePaths: [team]\n');
  return dir;
}

describe('rules --test', () => {
  it('runs every built-in rule that is on and passes', () => {
    const r = cli(['rules', '--test']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✔ (\d+) of \1 examples of \d+ rules pass/m);
  });

  it("checks a team rule's examples: verdict, message key, matched text and fixed reply", () => {
    const good = team(`  - { lang: en, expect: pass, text: "Your refund went out today." }
  - { lang: en, expect: fail, message: found, match: "ticket 12345", text: "Hi Anna, about ticket 12345: done.", output: "Hi Anna, about your request: done." }`);
    const r = cli(['rules', '--test', 'team/no-ticket.yaml'], { cwd: good });
    expect(r.stdout).toContain('✔ 2 of 2 examples of 1 rule pass');
    expect(r.code).toBe(0);
  });

  it('says which example fails and why, and exits 1', () => {
    const bad = team(`  - { lang: en, expect: pass, text: "Hi Anna, see ticket 12345." }
  - { lang: en, expect: fail, text: "Your refund went out today." }
  - { lang: en, expect: fail, message: missing, text: "Hi Anna, about ticket 12345: done." }
  - { lang: en, expect: fail, match: "ticket 1", text: "Hi Anna, about ticket 12345: done." }
  - { lang: en, expect: fail, output: "Hi Anna, about it: done.", text: "Hi Anna, about ticket 12345: done." }`);
    const r = cli(['rules', '--test', 'team/no-ticket.yaml'], { cwd: bad });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no-ticket example 1 (en, pass): expected no no-ticket, got: "ticket 12345" is clutter.');
    expect(r.stdout).toContain('no-ticket example 2 (en, fail): expected no-ticket to fire; it stayed silent');
    expect(r.stdout).toContain('example 3 (en, fail): expected the message "missing", got "found"');
    expect(r.stdout).toContain('example 4 (en, fail): expected a match on "ticket 1", got "ticket 12345"');
    expect(r.stdout).toContain('example 5 (en, fail): expected the fixed reply "Hi Anna, about it: done.", got "Hi Anna, about your request: done."');
    expect(r.stdout).toContain('✖ 0 of 5 examples of 1 rule pass');
  });
});
