// Files not to lint (issue 14): .replylintignore, the config's "ignores", --ignore-pattern
// and --no-ignore, as ESLint users know them; manifests, lock files and replylint's own
// files are never linted.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

const REPLY = 'Hi Anna,\n\nyour parcel left today.\n\nBest wishes,\nMark';

/** A folder of canned responses with a drafts folder and the files a repository holds beside them. */
function repo(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'canned', 'drafts'), { recursive: true });
  writeFileSync(join(dir, 'canned', 'refund.txt'), REPLY);
  writeFileSync(join(dir, 'canned', 'drafts', 'new.txt'), REPLY);
  writeFileSync(join(dir, 'package.json'), '{"name": "support-macros"}');
  writeFileSync(join(dir, 'package-lock.json'), '{"lockfileVersion": 3}');
  writeFileSync(join(dir, 'canned', 'pnpm-lock.yaml'), 'lockfileVersion: 9\n');
  return dir;
}
const linted = (dir: string, args: string[]) => {
  const r = cli(['--format', 'json', ...args], { cwd: dir });
  return { ...r, sources: r.stdout ? (JSON.parse(r.stdout).results as { source: string }[]).map((x) => x.source).sort() : [] };
};

describe('ignores', () => {
  it('a folder scan skips manifests and lock files without a word', () => {
    const r = linted(repo(), ['.']);
    expect(r.sources).toEqual(['canned/drafts/new.txt', 'canned/refund.txt']);
    expect(r.stderr).toBe('');
  });

  it('.replylintignore, the config\'s "ignores" and --ignore-pattern leave files out; --no-ignore brings them back', () => {
    const dir = repo();
    writeFileSync(join(dir, '.replylintignore'), '# work in progress\ndrafts/\n');
    expect(linted(dir, ['canned']).sources).toEqual(['canned/refund.txt']);
    expect(linted(dir, ['--no-ignore', 'canned']).sources).toEqual(['canned/drafts/new.txt', 'canned/refund.txt']);
    expect(linted(dir, ['--ignore-pattern', 'refund.txt', 'canned']).sources).toEqual([]);
    const other = repo();
    writeFileSync(join(other, '.replylintrc.yaml'), 'ignores: ["canned/drafts/**"]\n');
    expect(linted(other, ['canned']).sources).toEqual(['canned/refund.txt']);
    // Relative to the config's folder, not the working one.
    expect(linted(join(other, 'canned'), ['.']).sources).toEqual(['refund.txt']);
  });

  it('a file named but ignored is said, not linted, and is no failure', () => {
    const dir = repo();
    writeFileSync(join(dir, '.replylintignore'), 'drafts/\n');
    const r = cli(['canned/drafts/new.txt', 'package.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('canned/drafts/new.txt: ignored: it matches .replylintignore; --no-ignore lints it');
    expect(r.stderr).toContain('package.json: ignored: it holds no reply');
  });
});
