// Issue 10, item 17: names that come from input (file names, rule ids, author types, CSV
// columns) key tables; "__proto__", "constructor" and "toString" must be names like any
// other, never a way to Object.prototype.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

const JARGON = 'Hi Anna,\n\nThe ETA is Monday.\n\nBest,\nMark\n';
const rulesOf = (stdout: string) =>
  (JSON.parse(stdout) as { results: { source: string; violations: { rule: string }[] }[] }).results.map((r) => [r.source, r.violations.map((v) => v.rule)]);

describe('input names are never prototype keys', () => {
  it('a reply file named __proto__ is recorded by --suppress-all like any other, and counts nothing twice', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '__proto__'), JARGON);
    writeFileSync(join(dir, 'a.txt'), JARGON);
    const recorded = cli(['-f', 'json', '--suppress-all', '__proto__', 'a.txt'], { cwd: dir });
    expect(recorded.stderr).toBe('replylint: recorded 6 violations in replylint-suppressions.json\n');
    const baseline = JSON.parse(readFileSync(join(dir, 'replylint-suppressions.json'), 'utf8')) as Record<string, Record<string, { count: number }>>;
    expect(Object.keys(baseline)).toEqual(['__proto__', 'a.txt']);
    expect(baseline['a.txt']['no-jargon']).toEqual({ count: 1 });
    // Both replies as recorded: nothing new. One more "ETA" in a.txt: exactly that one.
    expect(rulesOf(cli(['-f', 'json', '__proto__', 'a.txt'], { cwd: dir }).stdout)).toEqual([
      ['__proto__', []],
      ['a.txt', []],
    ]);
    writeFileSync(join(dir, 'a.txt'), JARGON.replace('Monday.', 'Monday, ETA included.'));
    expect(rulesOf(cli(['-f', 'json', '__proto__', 'a.txt'], { cwd: dir }).stdout)).toEqual([
      ['__proto__', []],
      ['a.txt', ['no-jargon']],
    ]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('"%s" under "rules" in a config is refused: exit 2', (id) => {
    const dir = tempDir();
    writeFileSync(join(dir, '.replylintrc.yaml'), `rules:\n  no-jargon: error\n  ${id}:\n    level: "off"\n`);
    writeFileSync(join(dir, 'a.txt'), JARGON);
    const r = cli(['a.txt'], { cwd: dir });
    expect(r.stderr).toBe(
      `replylint: ${join(dir, '.replylintrc.yaml')}:3:3: "${id}" is not a rule id\n  hint: rule ids are lower-case words joined by hyphens, such as "no-jargon"; \`replylint rules\` lists them\n`,
    );
    expect(r.code).toBe(2);
  });

  it("a team rule's message names {constructor} or {toString}: printed as written, never a function's source", () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'team'));
    writeFileSync(
      join(dir, 'team', 'no-hype.yaml'),
      'description: x\nkind: forbid\nlevel: warning\nphrases:\n  en: [amazing]\nmessages:\n  found: "{match} {constructor} {toString}"\nhints:\n  found: "Say {constructor}."\n',
    );
    writeFileSync(join(dir, '.replylintrc.yaml'), 'rulePaths: [team]\n');
    const report = JSON.parse(cli(['-f', 'json', '--lang', 'en'], { cwd: dir, input: 'Hi Anna, amazing news.' }).stdout) as {
      results: { violations: { rule: string; message: string; hint?: string }[] }[];
    };
    const found = report.results[0].violations.find((v) => v.rule === 'no-hype')!;
    expect(found.message).toBe('amazing {constructor} {toString}');
    // A hint that names a value the finding lacks is left out.
    expect(found.hint).toBeUndefined();
  });

  it('a rule file named constructor.yaml is refused: exit 2', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'team'));
    writeFileSync(join(dir, 'team', 'constructor.yaml'), 'description: x\nkind: forbid\nlevel: warning\nmessages: { forbidden: x }\n');
    writeFileSync(join(dir, '.replylintrc.yaml'), 'rulePaths: [team]\n');
    writeFileSync(join(dir, 'a.txt'), JARGON);
    const r = cli(['a.txt'], { cwd: dir });
    expect(r.stderr).toBe(
      `replylint: ${join(dir, 'team', 'constructor.yaml')}: "constructor" cannot be a rule id\n  hint: rename the rule file: rule ids are lower-case words joined by hyphens, such as "no-jargon"\n`,
    );
    expect(r.code).toBe(2);
  });

  it('an Intercom author of type "toString" is an unknown author (a bot), not a role of Object.prototype', () => {
    const dir = tempDir();
    const part = (type: string, body: string) => ({ part_type: 'comment', author: { type, name: type }, body: `<p>${body}</p>` });
    writeFileSync(
      join(dir, 'intercom.json'),
      JSON.stringify({
        type: 'conversation',
        id: 'i1',
        conversation_parts: { conversation_parts: [part('user', 'Where is my order?'), part('toString', 'beep'), part('admin', 'Hi Jana, it ships today.')] },
      }),
    );
    const r = cli(['audit', '-f', 'json', '--workers', '0', 'intercom.json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).summary).toMatchObject({ replies: 1, skipped: 0 });
  });

  it('a CSV column mapped to "toString" is missing from a header without it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'export.csv'), 'ticket,sender,body\n1,customer,Hi\n1,agent,Hello there\n');
    const r = cli(['audit', '-f', 'json', '--workers', '0', '--csv-columns', 'conversation=ticket,role=sender,text=toString', 'export.csv'], { cwd: dir });
    expect(r.stderr).toBe(
      'replylint: export.csv: cannot read the CSV: column "toString" not in the header (ticket, sender, body)\nreplylint: nothing was audited: the input was skipped (see why above)\n',
    );
    expect(r.code).toBe(2);
  });
});
