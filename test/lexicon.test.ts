// The jargon lexicon: its compiler (rules/lexicons/*.yaml → the compiled index), unknown
// acronyms, and the company's own brand (config `brand`), which is never jargon and never
// personal data.
import { describe, expect, it } from 'vitest';
import { createLinter, lint } from '../src/index.js';
import { defaultConfig } from '../src/config/load-config.js';
import { parseYaml } from '../src/config/yaml-source.js';
import { compileLexicon, INFLECTED, STEM, WHOLE } from '../src/engine/lexicon/compile.js';
import { compileLexiconFolder } from '../src/engine/lexicon/load.js';
import { violationsOf } from './helpers.js';

const inflection = parseYaml('endings:\n  en: [s, ed]\n  cs: [u, em, y, nout, nul, ovat]\n  sk: [u, om]\nprefixes: [za]\n', 'inflection.yaml');
const acronyms = parseYaml('known: [PDF]\nhint: { en: the words, cs: slova, sk: slová }\n', 'acronyms.yaml');
const compile = (terms: string, derived = {}) => compileLexicon({ inflection, acronyms, terms: [parseYaml(terms, 'terms.yaml')] }, derived);

describe('lexicon compiler', () => {
  it('compiles words, stems and inflected words, and keys each form by its rarest word', () => {
    const { lexicon } = compile('domain: it\nterms:\n  - { en: [root cause], cs: [eskal*, merge+], plain: { en: cause, cs: příčina } }\n', {
      englishWords: ['the', 'root', 'cause'],
    });
    expect(lexicon.forms.map((f) => f.w)).toEqual([
      [
        ['root', WHOLE],
        ['cause', WHOLE],
      ],
      [['eskal', STEM]],
      [['merge', INFLECTED]],
    ]);
    // Both words of "root cause" are common English: the form is keyed by the pair, so that
    // a reply with "root" alone loads nothing.
    expect(Object.keys(lexicon.index).sort()).toEqual(['eskal*', 'merg*', 'root cause']);
    expect(lexicon.concepts[0].p).toEqual(['cause', 'příčina', '']);
  });

  it('keys a form of common words by its pairs of whole tokens, one per ending, and each key by its languages', () => {
    const { lexicon, keys } = compile('domain: x\nterms:\n  - { en: [build number+], cs: [update], plain: { en: version, cs: aktualizace } }\n', {
      englishWords: ['build', 'number', 'update'],
    });
    expect(Object.keys(lexicon.index).sort()).toEqual(['build number', 'build numbered', 'build numbers', 'update']);
    const flags = new Map(keys);
    // An English reply probes English keys only: "update" does not load the lexicon for it.
    expect(flags.get('update')! & 16).toBe(0);
    expect(flags.get('update')! & 32).toBe(32);
    expect(flags.get('build numbers')! & 16).toBe(16);
  });

  it('keeps an inflected English stem off Czech words', () => {
    const { lexicon, dropped } = compile('domain: x\nterms:\n  - { cs: [case+], plain: { cs: požadavek } }\n', { czechWords: ['case', 'casem'] });
    expect(dropped.sort()).toEqual(['case', 'casem']);
    expect(lexicon.forms[0].e?.sort()).toEqual(['case', 'casem']);
  });

  it.each([
    ['a term without a plain alternative for its language', 'domain: x\nterms:\n  - { cs: [tiket+], plain: { en: ticket } }\n', /no plain cs alternative/],
    ['a term without a form', 'domain: x\nterms:\n  - { plain: { en: x } }\n', /needs a form/],
    ['a stem of two letters', 'domain: x\nterms:\n  - { en: [ID+], plain: { en: x } }\n', /three letters or more/],
    ['punctuation in a word', 'domain: x\nterms:\n  - { en: ["A/B"], plain: { en: x } }\n', /is not a word/],
    ['a stem in an exact term', 'domain: x\nterms:\n  - { any: [SLA*], exact: true, plain: { en: x, cs: x, sk: x } }\n', /exact term/],
    ['a language the file does not have', 'domain: x\nlanguages: [cs]\nterms:\n  - { en: [x], cs: [y], plain: { en: x, cs: y } }\n', /for cs only/],
  ])('refuses %s', (_, yaml, message) => {
    expect(() => compile(yaml)).toThrow(message);
  });

  it('compiles the built-in lexicon: at least 55 terms in each domain, each with en, cs and sk forms', () => {
    const { lexicon } = compileLexiconFolder();
    const perDomain = new Map<string, Set<number>[]>();
    for (const form of lexicon.forms) {
      const domain = lexicon.domains[lexicon.concepts[form.c].d];
      if (!perDomain.has(domain)) perDomain.set(domain, [new Set(), new Set(), new Set()]);
      [1, 2, 4].forEach((bit, i) => {
        if (form.l & bit) perDomain.get(domain)![i].add(form.c);
      });
    }
    for (const domain of ['helpdesk', 'it', 'telecom', 'utilities']) {
      const [en, cs, sk] = perDomain.get(domain)!;
      expect(Math.min(en.size, cs.size, sk.size), domain).toBeGreaterThanOrEqual(55);
    }
    for (const concept of lexicon.concepts) expect(concept.p.some(Boolean)).toBe(true);
  });
});

describe('no-jargon lexicon matching', () => {
  it.each([
    ['cs', 'Dobrý den,\n\nten bug jsme už fixnuli.', 'fixnuli'],
    ['cs', 'Dobry den,\n\nopravu zadeployujeme zitra.', 'zadeployujeme'],
    ['cs', 'Dobrý den,\n\nbugy v backendu řešíme.', 'backendu'],
    ['sk', 'Dobrý deň,\n\ntiket sme zaeskalovali.', 'zaeskalovali'],
    ['en', 'Hi Jo,\n\nThe hotfixes are on staging.', 'hotfixes'],
    ['en', 'Hi Jo,\n\nIt went to our 2nd line support.', '2nd line support'],
  ])('finds inflected and multi-word forms (%s: %s)', (language, text, word) => {
    const found = violationsOf('no-jargon', text, { language: language as 'en' }).map((v) => v.message);
    expect(found.some((m) => m.includes(word))).toBe(true);
  });

  it.each([
    ['cs', 'Dobrý den,\n\nv tomto čase už máme zavřeno, tašku vám pošleme.'],
    ['cs', 'Dobry den,\n\nv tomto case uz mame zavreno, vyuctovani posleme e-mailem.'],
    ['cs', 'Dobrý den,\n\nkód OKU a ČVOP najdete na vyúčtování, odběrné místo zůstává.'],
    ['sk', 'Dobrý deň,\n\nvyúčtovanie za odberné miesto vám pošleme e-mailom.'],
    ['en', 'Hi Jo,\n\nWe ran out of stock, barring any delays it ships Monday. Your refund is pending.'],
    ['en', 'Hi Jo,\n\nThe airbag deployed as designed; you can roll back the app to the previous version.'],
  ])('leaves customer words and near misses alone (%s)', (language, text) => {
    expect(violationsOf('no-jargon', text, { language: language as 'en' })).toEqual([]);
  });

  it("reports the plain alternative in the reply's language", () => {
    const [v] = violationsOf('no-jargon', 'Dobrý den,\n\nspotřeba byla dopočtena dle TDD.', { language: 'cs' });
    expect(v.hint).toContain('na trhu');
  });
});

describe('unknown acronyms', () => {
  it('flags an all-capital word no list knows', () => {
    expect(violationsOf('no-jargon', 'Hi Jo,\n\nThe ZRQ team will call you.').map((v) => v.start)).toHaveLength(1);
  });

  it.each([
    ['a known acronym', 'Hi Jo,\n\nThe PDF with your IBAN is attached.'],
    ["an agent's initials after a sign-off mark", 'Please DM us your booking number. *AFC'],
    ['initials after a caret', 'Thanks for waiting! ^KMB'],
    ['a shouted word', 'Hi Jo,\n\nPLEASE READ THIS: your parcel ships today.'],
    ['a roman numeral', 'Hi Jo,\n\nPart III of the guide explains it.'],
    ['a code joined to digits', 'Hi Jo,\n\nYour reference is KXJ-4492.'],
  ])('does not flag %s', (_, text) => {
    expect(violationsOf('no-jargon', text)).toEqual([]);
  });
});

describe('brand', () => {
  const config = { ...defaultConfig(), brand: { names: ['ZRQ', 'Zendesk'], domains: ['zrq.example'], phones: ['+420 800 123 456'] } };
  const linter = createLinter(config);
  const of = (rule: string, text: string, context = {}) => lint(text, context, { linter }).violations.filter((v) => v.rule === rule);

  it('the own names are never jargon, acronyms and lexicon terms included', () => {
    expect(of('no-jargon', 'Hi Jo,\n\nThe ZRQ team will call you; we answer in Zendesk.')).toEqual([]);
    expect(violationsOf('no-jargon', 'Hi Jo,\n\nWe answer in Zendesk.')).toHaveLength(1);
  });

  it('the own hotline and domains are no personal data in public', () => {
    const text = 'Hi Jo, call us on 800 123 456 or write to help@support.zrq.example.';
    expect(of('privacy', text, { channel: 'social' })).toEqual([]);
    expect(violationsOf('privacy', text, { channel: 'social' }).map((v) => v.message).length).toBeGreaterThan(0);
    expect(of('privacy', 'Hi Jo, call 777 888 999 or write to jo@mail.example.', { channel: 'social' })).toHaveLength(2);
  });
});
