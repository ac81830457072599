// Report formats for CI: SARIF against the official 2.1.0 schema, JUnit that parses,
// GitHub workflow commands in GitHub's syntax with its cap, CSV, --output-file.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { formatJunit } from '../src/report/junit.js';
import type { LintResult } from '../src/types.js';
import { cli, tempDir } from './helpers.js';

const require = createRequire(import.meta.url);
const SAMPLES = ['fixtures/replies/sk-wrong-name.txt', 'fixtures/replies/en-needs-work.txt', 'fixtures/transcripts/sample.jsonl'];

describe('sarif', () => {
  it('is valid against the official SARIF 2.1.0 schema', () => {
    const { default: Ajv } = require('ajv-draft-04');
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The official schema has a pattern that is invalid with the u flag; formats are not asserted.
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false, logger: false }).compile(schema);
    const r = cli(['-f', 'sarif', ...SAMPLES]);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = sarif.runs[0].results;
    expect(results.find((x: { ruleId: string }) => x.ruleId === 'name-use')).toMatchObject({
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'fixtures/replies/sk-wrong-name.txt' }, region: { startLine: 5, startColumn: 17 } } }],
    });
    expect(results.some((x: { locations: { logicalLocations?: unknown[] }[] }) => x.locations[0].logicalLocations)).toBe(true);
  });
});

describe('junit', () => {
  it('parses, with one test case per reply and failures for errors and warnings', () => {
    const r = cli(['-f', 'junit', ...SAMPLES]);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(r.stdout);
    expect(doc.testsuites['@_tests']).toBe('6');
    const suites = [doc.testsuites.testsuite].flat();
    expect(suites.map((s: Record<string, string>) => s['@_name'])).toEqual(SAMPLES);
    const cases = [suites[2].testcase].flat();
    expect(cases.map((c: Record<string, string>) => c['@_name'])).toEqual([
      'conversation t-1, message 1',
      'conversation t-2, message 1',
      'conversation t-2, message 3',
      'conversation t-3, message 2',
    ]);
  });

  it('groups 100,000 replies of one export in one pass', () => {
    // The test's timeout is a generous guard: copying the list per reply (quadratic) took a minute here, one pass well under a second.
    const reply = (source: string, i: number): LintResult => ({
      source,
      conversationId: `c-${i}`,
      messageIndex: 1,
      language: 'en',
      channel: 'email',
      score: 100,
      violations: [],
    });
    const results = [...Array.from({ length: 100_000 }, (_, i) => reply('export.jsonl', i)), reply('other.txt', 0), reply('export.jsonl', 100_000)];
    const xml = formatJunit(results);
    const suites = [...xml.matchAll(/<testsuite name="([^"]*)" tests="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
    expect(suites).toEqual([
      ['export.jsonl', 100_001],
      ['other.txt', 1],
    ]);
    expect(xml.indexOf('conversation c-99999,')).toBeLessThan(xml.indexOf('conversation c-100000,'));
  });
});

describe('github', () => {
  it("writes workflow commands in GitHub's syntax, escaped", () => {
    const dir = tempDir();
    const file = join(dir, 'reply.txt');
    writeFileSync(file, 'Hello,\n\nWe do not offer 100% refunds: it is not our responsibility.\n');
    const lines = cli(['-f', 'github', file]).stdout.trim().split('\n');
    for (const line of lines)
      expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+(,line=\d+,col=\d+,endLine=\d+,endColumn=\d+)?,title=replylint [a-z-]+::\S.*$/);
    expect(lines.find((l) => l.includes('no-deflection'))).toContain('::warning file=');
    expect(cli(['-f', 'github', file]).stdout).not.toContain('100% refunds'); // % is escaped to %25
    expect(cli(['-f', 'github', file]).stdout).toContain('%25');
  });

  it('annotates at most 10 per type, says how many more, and writes the job summary', () => {
    const dir = tempDir();
    const files = Array.from({ length: 12 }, (_, i) => {
      const f = join(dir, `r${i}.txt`);
      writeFileSync(f, 'Hi Anna, your order ships today.\n\nTicket #12345\n');
      return f;
    });
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    const out = cli(['-f', 'github', ...files], { env: { GITHUB_STEP_SUMMARY: summary } }).stdout;
    expect(out.split('\n').filter((l) => l.startsWith('::warning')).length).toBe(10);
    expect(out).toContain('::notice title=replylint::2 more warnings not annotated');
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('## replylint');
    expect(md.split('\n').filter((l) => l.includes('`no-ticket-clutter`')).length).toBe(12);
  });
});

describe('csv and --output-file', () => {
  it('one row per violation, written to the file, exit code unchanged', () => {
    const dir = tempDir();
    const out = join(dir, 'report.csv');
    const r = cli(['-f', 'csv', '--output-file', out, ...SAMPLES]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const { parse } = require('csv-parse/sync');
    const rows = parse(readFileSync(out, 'utf8'), { columns: true });
    expect(rows.find((x: Record<string, string>) => x.rule === 'name-use')).toMatchObject({
      source: 'fixtures/replies/sk-wrong-name.txt',
      severity: 'error',
      line: '5',
      column: '17',
    });
  });
});
