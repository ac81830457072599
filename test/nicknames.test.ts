// Nicknames and diminutives (rules/names/nicknames.yaml, src/language/nicknames.ts; issue
// 17): broad per language, one entry's names are one person's but no chain of entries
// joins two names, the list is read only when a greeting's name is not the customer's as
// written, and a team adds its own in its config (vocabulary.nicknames), checked there.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { Nicknames, NICKNAMES_FILE } from '../src/language/nicknames.js';
import { cli, tempDir } from './helpers.js';

describe('the built-in nicknames', () => {
  it('cover the common names of every language broadly, not a few examples', () => {
    const file = parse(readFileSync(NICKNAMES_FILE, 'utf8')) as Record<string, Record<string, string[]>>;
    for (const language of ['en', 'cs', 'sk']) expect(Object.keys(file[language]).length, language).toBeGreaterThanOrEqual(60);
  });

  it("name one person both ways, each entry's forms only", () => {
    const names = new Nicknames();
    expect(names.formsOf('William')).toContain('Bill');
    expect(names.formsOf('bill')).toContain('William');
    expect(names.formsOf('Jan')).toEqual(expect.arrayContaining(['Honza', 'Jenda']));
    expect(names.formsOf('Zuzana')).toContain('Zuzka');
    // Typed without diacritics, found with them (and given with them, for the vocative).
    expect(names.formsOf('Jan')).toContain('Honzík');
    expect(names.formsOf('Misa')).toEqual(expect.arrayContaining(['Michal', 'Michaela']));
    // Míša is Michal's and Michaela's, which does not make Michaela Michal's.
    expect(names.formsOf('Michal')).not.toContain('Michaela');
    expect(names.formsOf('Robert')).not.toContain('Bill');
    expect(names.formsOf('Quentin')).toEqual([]);
  });

  it("are read only when a greeting's name is not the customer's as written", async () => {
    // A fresh set of modules: nothing here has read the list yet.
    vi.resetModules();
    const { lint } = await import('../src/index.js');
    const fresh = await import('../src/language/nicknames.js');
    lint('Hi Anna,\n\nyour parcel left today.', { customerName: 'Anna Smith' });
    lint('Dobrý den, pane Nováku,\n\nzásilka dorazí zítra.', { customerName: 'Petr Novák', language: 'cs' });
    lint('Dobrý deň, pani Kováčová,\n\nzásielka príde zajtra.', { customerName: 'Zuzana Kováčová', language: 'sk' });
    lint('Hello,\n\nyour parcel left today.', {});
    expect(fresh.builtinReads).toBe(0);
    expect(lint('Hi Bill,\n\nyour parcel left today.', { customerName: 'William Brown' }).violations.map((v) => v.rule)).not.toContain('name-use');
    expect(lint('Hi Liz,\n\nyour parcel left today.', { customerName: 'Elizabeth Brown' }).violations.map((v) => v.rule)).not.toContain('name-use');
    expect(fresh.builtinReads).toBe(1);
  });
});

describe("a team's nicknames (vocabulary.nicknames)", () => {
  const reply = 'Hi Woody,\n\nyour parcel left today.\n\nBest wishes,\nMark';
  const nameUse = (dir: string) =>
    (
      JSON.parse(cli(['--format', 'json', '--customer-name', 'Woodrow Wilson'], { cwd: dir, input: reply }).stdout) as {
        results: { violations: { rule: string; severity: string }[] }[];
      }
    ).results[0].violations.filter((v) => v.rule === 'name-use');

  it('make a form the customer’s name, beside the built-in ones', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), '{}');
    expect(nameUse(dir).map((v) => v.severity)).toEqual(['error']);
    writeFileSync(join(dir, '.replylintrc.yaml'), 'vocabulary:\n  nicknames:\n    Woodrow: [Woody]\n');
    expect(nameUse(dir)).toEqual([]);
  });

  it('are checked where the config writes them', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), '{}');
    writeFileSync(join(dir, '.replylintrc.yaml'), 'vocabulary:\n  nicknames:\n    Woodrow: Woody\n');
    const run = cli(['--customer-name', 'Woodrow Wilson'], { cwd: dir, input: reply });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(dir, '.replylintrc.yaml')}:3:5: "vocabulary.nicknames.Woodrow" must be a list, not a string`);
  });
});
