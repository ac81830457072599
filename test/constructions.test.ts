// Word classes ({third-party}) and sentence-scoped constructions (all / none / ordered)
// in phrase lists: what a rule author writes once instead of listing sentences.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config/errors.js';
import { buildDocument } from '../src/document/document.js';
import { findEntryMatches, textMatches } from '../src/engine/kinds/shared.js';
import { compilePhraseLists, entriesFor } from '../src/engine/phrase-list.js';
import { expandClasses, type WordClass } from '../src/engine/word-classes.js';
import { fold } from '../src/text/fold.js';
import type { Language } from '../src/types.js';
import { cli, tempDir } from './helpers.js';

const classes = new Map<string, WordClass>([
  ['third-party', { lists: { en: ['carrier', 'courier', '(bank|card issuer)', 'royal mail'], cs: ['dopravc*', 'kurýr*', 'bank*'] }, team: false }],
  ['carrier-word', { lists: { en: ['{third-party}'] }, team: false }],
  ['loop', { lists: { en: ['{loop}'] }, team: false }],
]);
const locate = () => ({ file: 'test.yaml', line: 1, column: 1 });

function matches(raw: Record<string, unknown[]>, text: string, language: Language = 'en', trusted = false) {
  const lists = compilePhraseLists(raw as never, ['phrases'], { locate, trusted, classes });
  const doc = buildDocument(text, { language });
  return findEntryMatches(doc, entriesFor(lists, language), { start: 0, end: doc.end }).map((m) => text.slice(m.start, m.end));
}

describe('word classes', () => {
  it("expand to the class entries of the phrase's language, nested classes too", () => {
    expect(expandClasses('{third-party} is responsible', 'en', classes).text).toBe('(carrier|courier|(bank|card issuer)|royal mail) is responsible');
    expect(expandClasses('obraťte se na {third-party}', 'cs', classes).text).toBe('obraťte se na (dopravc*|kurýr*|bank*)');
    expect(expandClasses('the {carrier-word}', 'en', classes).text).toBe('the ((carrier|courier|(bank|card issuer)|royal mail))');
    expect(expandClasses('ticket {num}', 'en', classes).text).toBe('ticket {num}');
  });

  it('match inflected, accented or not, on V8 and on RE2 alike', () => {
    for (const trusted of [true, false]) {
      expect(matches({ cs: ['obraťte se na {third-party}'] }, 'Prosím, obratte se na dopravce.', 'cs', trusted)).toEqual(['obratte se na dopravce']);
      expect(matches({ en: ['contact the {third-party}'] }, 'Please contact the card issuer today.', 'en', trusted)).toEqual(['contact the card issuer']);
    }
  });

  it('are refused with the reason: unknown, glued to a word, missing a language, circular', () => {
    expect(() => expandClasses('{thrid-party}', 'en', classes)).toThrow(/unknown word class \{thrid-party\}; classes: third-party/);
    expect(() => expandClasses('the{third-party}', 'en', classes)).toThrow(/a word of its own/);
    expect(() => expandClasses('{carrier-word}', 'sk', classes)).toThrow(/no entries for sk/);
    expect(() => expandClasses('{loop}', 'en', classes)).toThrow(/circle/);
    expect(() => compilePhraseLists({ en: ['{nope} x'] } as never, ['phrases'], { locate, trusted: false, classes })).toThrow(ConfigError);
  });
});

describe('constructions in one sentence', () => {
  const entry = { all: ['{third-party}', '(responsible|responsibility|fault)'], none: ['(we|our) (are|were|take)'] };

  it('hold when every part stands in the same sentence, in any order', () => {
    expect(matches({ en: [entry] }, 'Hi Anna,\n\nThe courier is responsible for lost parcels.')).toEqual(['courier is responsible']);
    expect(matches({ en: [entry] }, 'Hi Anna,\n\nResponsibility for that lies with the carrier.')).toEqual(['Responsibility for that lies with the carrier']);
  });

  it('not across sentences, nor where a part of `none` stands', () => {
    expect(matches({ en: [entry] }, 'Hi Anna,\n\nWe called the courier. It was our responsibility to check.')).toEqual([]);
    expect(matches({ en: [entry] }, 'Hi Anna,\n\nWe take responsibility, not the courier.')).toEqual([]);
  });

  it('in order when `ordered`', () => {
    const ordered = { all: ['(contact|call)', '{third-party}'], ordered: true };
    expect(matches({ en: [ordered] }, 'Please contact the courier directly.')).toEqual(['contact the courier']);
    expect(matches({ en: [ordered] }, 'The courier said to contact us.')).toEqual([]);
  });

  it('in a customer message too, sentence by sentence', () => {
    const lists = compilePhraseLists({ en: [{ all: ['(parcel|order)', "(hasn't|has not|never) (arrived|come)"] }] } as never, ['when'], {
      locate,
      trusted: false,
      classes,
    });
    const entries = entriesFor(lists, 'en');
    const text = "My order was placed on Monday. It still hasn't arrived.";
    expect(textMatches(text, fold(text), entries)).toBe(false);
    const same = "My parcel still hasn't arrived.";
    expect(textMatches(same, fold(same), entries)).toBe(true);
  });
});

describe('a team extends a class in its config', () => {
  it('and a team rule names it', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'team'));
    writeFileSync(
      join(dir, 'team', 'blame.yaml'),
      'description: x\nkind: forbid\nlevel: warning\nphrases:\n  en:\n    - { all: ["{third-party}", "(fault|problem)"] }\nmessages:\n  found: "{match}"\n',
    );
    writeFileSync(join(dir, '.replylintrc.yaml'), 'rulePaths: [team]\nvocabulary:\n  classes:\n    third-party:\n      en: [acme logistics]\n');
    const report = JSON.parse(
      cli(['--format', 'json', '--lang', 'en'], { cwd: dir, input: 'Hi Anna,\n\nThat is an Acme Logistics problem, sorry.' }).stdout,
    ) as { results: { violations: { rule: string; message: string }[] }[] };
    expect(report.results[0].violations.filter((v) => v.rule === 'blame').map((v) => v.message)).toEqual(['Acme Logistics problem']);
  });
});
