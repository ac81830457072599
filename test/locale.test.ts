// Messages and reports in the reply's own language by default (issue 14): --locale auto
// is the default; a hint's example is in the reply's language whatever the language of
// the message; the summary line and the audit's headings follow the replies' language.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { reportLanguage, wordsOf } from '../src/report/words.js';
import { cli, tempDir } from './helpers.js';

const CS = 'balík jsme odeslali, dorazí zítra.\n\nS pozdravem\nJana\n';
const SK = 'balík sme odoslali, príde zajtra.\n\nS pozdravom\nJana\n';
const EN = 'your parcel left today.\n\nBest wishes,\nMark\n';
const hints = (stdout: string) => (JSON.parse(stdout).results[0].violations as { rule: string; hint?: string }[]).map((v) => `${v.rule}: ${v.hint}`);

describe('the language of messages', () => {
  it("is the reply's own by default, in the CLI and the library: a Czech reply gets Czech messages and examples", () => {
    const r = cli(['-f', 'json', '--customer-name', 'Tomáš Novák'], { input: CS });
    expect(hints(r.stdout)).toContain('name-use: Oslovte zákazníka v pozdravu, např. „Dobrý den, Tomáši,“.');
    expect(JSON.parse(r.stdout).results[0].violations.find((v: { rule: string }) => v.rule === 'greeting').message).toBe('Odpověď nezačíná pozdravem.');
    expect(lint(SK, { customerName: 'Tomáš Novák' }).violations.find((v) => v.rule === 'name-use')?.hint).toBe(
      'Oslovte zákazníka v pozdrave, napr. „Dobrý deň, Tomáš,“.',
    );
    expect(lint(EN, { customerName: 'Anna Smith' }).violations.find((v) => v.rule === 'name-use')?.hint).toBe(
      'Use their name in the greeting, e.g. "Hi Anna,".',
    );
  });

  it('under another locale, the words are that locale\'s and the example stays in the reply\'s language: never "Hi Tomáši,"', () => {
    const all = hints(cli(['-f', 'json', '--locale', 'en', '--customer-name', 'Tomáš Novák'], { input: CS }).stdout);
    expect(all).toContain('name-use: Use their name in the greeting, e.g. "Dobrý den, Tomáši,".');
    expect(all).toContain('greeting: Start with a greeting on the first line, e.g. "Dobrý den, paní Nováková,".');
    expect(all).toContain('further-help: End with an open door, e.g. "Kdybyste potřebovali cokoli dalšího, stačí odpovědět."');
    expect(all.join('\n')).not.toMatch(/"Hi |"Kind regards/);
    // An English reply read by a Czech team: Czech words, English examples.
    expect(hints(cli(['-f', 'json', '--locale', 'cs', '--customer-name', 'Anna Smith'], { input: EN }).stdout)).toContain(
      'name-use: Oslovte zákazníka v pozdravu, např. „Hi Anna,“.',
    );
  });
});

describe('the language of the report', () => {
  it("stylish: each reply's block in its language, the summary in the language most replies are in", () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), CS);
    writeFileSync(join(dir, 'b.txt'), CS);
    writeFileSync(join(dir, 'c.txt'), EN);
    const out = cli(['--no-color', 'a.txt', 'b.txt', 'c.txt'], { cwd: dir }).stdout;
    expect(out).toContain('a.txt  cs · email · skóre');
    expect(out).toContain('c.txt  en · email · score');
    expect(out).toMatch(/✖ problémy: \d+ \(chyby: \d+, varování: \d+, návrhy: \d+\), odpovědi: 3, průměrné skóre [\d.]+\n/);
    expect(cli(['--no-color', '--locale', 'en', 'a.txt', 'b.txt', 'c.txt'], { cwd: dir }).stdout).toMatch(/✖ \d+ problems \(.*\) in 3 replies, mean score/);
    const sk = cli(['--no-color'], { input: SK }).stdout;
    expect(sk).toMatch(/✖ problémy: \d+ \(chyby: 0, upozornenia: \d+, návrhy: \d+\), odpovede: 1, priemerné skóre/);
  });

  it('audit: headings in the language most replies are in, or the one asked for', () => {
    const dir = tempDir();
    const conversation = (id: string, text: string) =>
      JSON.stringify({
        id,
        customer: { name: 'Tomáš Novák' },
        messages: [
          { role: 'customer', text: 'Kde je můj balík?' },
          { role: 'agent', text, author: 'Jana' },
        ],
      });
    writeFileSync(join(dir, 'export.jsonl'), [conversation('1', CS), conversation('2', CS), conversation('3', EN)].join('\n') + '\n');
    const stylish = cli(['audit', '--no-color', 'export.jsonl'], { cwd: dir }).stdout;
    expect(stylish).toMatch(/^Audit: odpovědi: 3, průměrné skóre [\d.]+, 10\. percentil \d+/);
    expect(stylish).toContain('Podle agenta');
    expect(stylish).toContain('Nejhorší odpovědi');
    const english = cli(['audit', '--no-color', '--locale', 'en', 'export.jsonl'], { cwd: dir }).stdout;
    expect(english).toMatch(/^Audit: 3 replies, mean score/);
    expect(english).toContain('Per agent');
    const html = cli(['audit', '--format', 'html', 'export.jsonl'], { cwd: dir }).stdout;
    expect(html).toContain('<html lang="cs">');
    expect(html).toContain('<h2>Rozložení skóre</h2>');
    // The figures say how many replies each language had (what "most replies" is read from).
    expect(JSON.parse(cli(['audit', '--format', 'json', 'export.jsonl'], { cwd: dir }).stdout).audit.byLanguage).toEqual({ cs: 2, en: 1 });
  });

  it('words: Czech and Slovak counts as "label: n" for any n, English singular and plural', () => {
    expect([0, 1, 2, 5].map((n) => wordsOf('cs').count(n, 'errors'))).toEqual(['chyby: 0', 'chyby: 1', 'chyby: 2', 'chyby: 5']);
    expect([0, 1, 2].map((n) => wordsOf('en').count(n, 'replies'))).toEqual(['0 replies', '1 reply', '2 replies']);
    expect(reportLanguage(undefined, { cs: 2, en: 1 })).toBe('cs');
    expect(reportLanguage('auto', { cs: 1, en: 1 })).toBe('en');
    expect(reportLanguage('auto', { sk: 3, cs: 2 })).toBe('sk');
    expect(reportLanguage('sk', { cs: 9 })).toBe('sk');
  });
});
