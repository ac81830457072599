// One vocabulary across the commands (issue 14): -o/--output-file on every command that
// writes a report (audit's --output kept), rules --format json, --lang and --debug on audit.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

const conversation = (id: string, text: string) =>
  JSON.stringify({
    id,
    messages: [
      { role: 'customer', text: 'Kde je balík?' },
      { role: 'agent', text },
    ],
  });

describe('the same flags on every command', () => {
  it('audit writes its report with -o, --output-file, and --output as before', () => {
    const dir = tempDir();
    const file = join(dir, 'export.jsonl');
    writeFileSync(file, `${conversation('a', 'Dobrý den, balík odešel dnes.')}\n`);
    for (const flag of ['-o', '--output-file', '--output']) {
      const out = join(dir, `report${flag}.json`);
      const r = cli(['audit', '--format', 'json', flag, out, file]);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(readFileSync(out, 'utf8')).results).toHaveLength(1);
    }
  });

  it('rules takes --format json (as --json did) and -o', () => {
    const dir = tempDir();
    const asJson = JSON.parse(cli(['rules', '--format', 'json']).stdout);
    expect(asJson.map((r: { id: string }) => r.id)).toContain('greeting');
    expect(JSON.parse(cli(['rules', '--json']).stdout)).toEqual(asJson);
    const out = join(dir, 'rules.json');
    expect(cli(['rules', '--format', 'json', '-o', out]).stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(asJson);
    expect(cli(['rules', '--format', 'xml']).code).toBe(2);
  });

  it('audit takes --lang for conversations that do not say theirs, and --debug', () => {
    const dir = tempDir();
    const file = join(dir, 'export.jsonl');
    // Too short to tell Czech from Slovak: the flag decides.
    writeFileSync(
      file,
      `${conversation('a', 'Ahoj, hotovo.')}\n${JSON.stringify({ id: 'b', language: 'en', messages: [{ role: 'agent', text: 'Ahoj, hotovo.' }] })}\n`,
    );
    const languages = (args: string[]) =>
      JSON.parse(cli(['audit', '--format', 'json', ...args, file]).stdout).results.map((r: { language: string }) => r.language);
    expect(languages(['--lang', 'sk'])).toEqual(['sk', 'en']);
    expect(languages(['--lang', 'cs'])).toEqual(['cs', 'en']);
    const r = cli(['audit', '--debug', file]);
    expect(r.stderr).not.toContain('unknown option');
    expect(r.code).not.toBe(2);
  });
});

describe('--ext', () => {
  const sources = (args: string[]) => [
    ...new Set(JSON.parse(cli(['--format', 'json', ...args, 'fixtures/canned']).stdout).results.map((r: { source: string }) => r.source)),
  ];

  it('scans a folder for the file types named, with or without the dot, comma-separated or repeated (issue 14)', () => {
    expect(sources(['--ext', '.md'])).toEqual(['fixtures/canned/refund-received.md', 'fixtures/canned/zpozdeni.md']);
    expect(sources(['--ext', 'md,yaml'])).toEqual(['fixtures/canned/macros.yaml', 'fixtures/canned/refund-received.md', 'fixtures/canned/zpozdeni.md']);
    expect(sources(['--ext', 'md', '--ext', '.json'])).toContain('fixtures/canned/zendesk-macros.json');
    expect(sources([])).toHaveLength(4);
  });

  it('leaves files named on the command line as they are', () => {
    const r = cli(['--format', 'json', '--ext', 'md', 'fixtures/canned/macros.yaml']);
    expect(JSON.parse(r.stdout).results.length).toBeGreaterThan(0);
  });
});

describe('links that lead somewhere (issue 14)', () => {
  it('neither the SARIF report nor the starter config points at a page that does not exist', () => {
    const sarif = cli(['-f', 'sarif', 'fixtures/replies/sk-good.txt']).stdout;
    expect(sarif).not.toContain('npmjs.com');
    const dir = tempDir();
    expect(cli(['init'], { cwd: dir }).code).toBe(0);
    const starter = readFileSync(join(dir, '.replylintrc.yaml'), 'utf8');
    expect(starter).not.toMatch(/https?:\/\/github\.com\/(?:\s|\(|$)/m);
    expect(starter).toContain('README');
  });
});
