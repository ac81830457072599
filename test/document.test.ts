import { describe, expect, it } from 'vitest';
import { buildDocument } from '../src/document/document.js';
import { detectLanguage } from '../src/document/language.js';
import { fold } from '../src/text/fold.js';

const slice = (text: string, z?: { start: number; end: number }) => (z ? text.slice(z.start, z.end) : undefined);

describe('document zones', () => {
  it('finds opening, closing and signature', () => {
    const text = 'Hi Anna,\n\nYour refund went out.\n\nKind regards,\nMark Taylor\nSupport';
    const doc = buildDocument(text);
    expect(slice(text, doc.opening)).toBe('Hi Anna,');
    expect(slice(text, doc.closing)).toBe('Kind regards,');
    expect(slice(text, doc.signature)).toBe('Mark Taylor\nSupport');
  });
  it('finds the signature of a social reply', () => {
    for (const [text, sig] of [
      ['@anna Sorry about that! Please DM us. ^Amy', '^Amy'],
      ['@anna How long has this been happening? -AA', '-AA'],
    ]) {
      const doc = buildDocument(text);
      expect(slice(text, doc.signature)).toBe(sig);
    }
  });

  it('strips quoted history', () => {
    for (const marker of [
      'On Mon, 3 Mar 2025 at 10:00, Anna <a@b.cz> wrote:',
      'Dne 3. 3. 2025 v 10:00 Jana Nováková napsal(a):',
      'Dňa 3. 3. 2025 Zuzana napísala:',
      'From: Anna\nSent: Monday',
    ]) {
      const text = `Hi Anna,\n\nDone.\n\n${marker}\n> Ticket #123 please do not write below this line`;
      const doc = buildDocument(text);
      expect(text.slice(0, doc.end)).not.toContain(marker.split('\n')[0]);
    }
  });
  it('does not end a sentence at Czech and Slovak abbreviations', () => {
    const text = 'Pošlete nám např. fotku. Objednávka č. 123 dorazí tj. zítra.';
    const doc = buildDocument(text);
    expect(doc.sentences.map((s) => text.slice(s.start, s.end))).toEqual(['Pošlete nám např. fotku.', 'Objednávka č. 123 dorazí tj. zítra.']);
  });
  it('finds placeholders of every helpdesk syntax', () => {
    const text = 'Hi {{first_name}}, {{x | fallback: "y"}} {%customer.firstName,fallback=there%} %customer.firstName% {!Contact.FirstName} [Customer Name] XXX';
    expect(buildDocument(text).placeholders.map((p) => p.text)).toEqual([
      '{{first_name}}',
      '{{x | fallback: "y"}}',
      '{%customer.firstName,fallback=there%}',
      '%customer.firstName%',
      '{!Contact.FirstName}',
      '[Customer Name]',
      'XXX',
    ]);
  });
  it('finds mail-merge fields, bracketed instructions and blanks, not references, links or dividers', () => {
    const text = 'Dear <name>, [[name]] <<Jméno>> [CUSTOMER NAME] [vložte datum] [doplnit] £___ ok';
    expect(buildDocument(text).placeholders.map((p) => p.text)).toEqual([
      '<name>',
      '[[name]]',
      '<<Jméno>>',
      '[CUSTOMER NAME]',
      '[vložte datum]',
      '[doplnit]',
      '___',
    ]);
    const none = 'Hi, [Ticket#2024031110000123] and [Your account](https://x.example) <br> <b>x</b> __email__\n________________\nFrom: a';
    expect(buildDocument(none).placeholders).toEqual([]);
  });
});

describe('language detection', () => {
  const detect = (t: string) => detectLanguage(t, fold(t));
  it.each([
    ['en', 'Thanks!'],
    ['en', 'Hi Anna, your order is on its way.'],
    ['cs', 'Dobrý den, objednávka dorazí zítra.'],
    ['cs', 'Dobry den, omlouvame se, zasilka dorazi zitra.'],
    ['cs', 'Děkujeme, ozveme se.'],
    ['sk', 'Dobrý deň, objednávka príde zajtra.'],
    ['sk', 'Dobry den, ano, velkost 46 mame skladom.'],
    ['sk', 'Ďakujeme, ozveme sa.'],
    ['cs', 'Ano, tmave modra je skladem.'],
    ['sk', 'Ospravedlňujeme sa za meškanie.'],
  ])('%s: %s', (lang, text) => {
    expect(detect(text)).toBe(lang);
  });
});
