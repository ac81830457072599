import { describe, expect, it } from 'vitest';
import { compilePhrase, compileRawRegex, findAll, PhraseError } from '../src/phrases/phrase.js';
import { fold } from '../src/text/fold.js';

const matches = (phrase: string, text: string) => findAll(compilePhrase(phrase), fold(text)).map((s) => text.slice(s.start, s.end));

describe('phrase language', () => {
  it('ignores case and diacritics', () => {
    expect(matches('je nám líto', 'Je nam lito, ze…')).toEqual(['Je nam lito']);
  });
  it('expands inflection wildcards', () => {
    expect(matches('omlouv* se', 'Omlouváme se. Omlouvám se.')).toEqual(['Omlouváme se', 'Omlouvám se']);
  });
  it('keeps Unicode word boundaries (\\b is ASCII-only)', () => {
    expect(matches('líto', 'políto')).toEqual([]);
    expect(matches('den', 'dnes je den.')).toEqual(['den']);
    expect(matches('čas', 'časopis')).toEqual([]);
  });
  it('supports alternatives, optional words and gaps', () => {
    expect(matches('je nám [to] [moc|velmi] líto', 'je nám to moc líto; je nám líto')).toEqual(['je nám to moc líto', 'je nám líto']);
    expect(matches('(sorry|apologi*) ... inconvenience', 'Apologies for any inconvenience')).toEqual(['Apologies for any inconvenience']);
  });
  it('matches reference numbers', () => {
    expect(matches('ticket {num}', 'Ticket #48213 and ticket 2024-0877')).toEqual(['Ticket #48213', 'ticket 2024-0877']);
  });
  it('rejects malformed phrases with the reason', () => {
    expect(() => compilePhrase('(sorry|apology')).toThrow(PhraseError);
    expect(() => compilePhrase('sorry]')).toThrow(/unmatched/);
  });
  it('runs raw regexes on RE2: linear in the text, JavaScript syntax, no lookahead or backreferences', () => {
    const raw = (source: string, text: string) => findAll(compileRawRegex(source), text).map((s) => text.slice(s.start, s.end));
    expect(raw('(a+)+$', `${'a'.repeat(30000)}!`)).toEqual([]);
    expect(raw('<font[^>]*>', 'x <font color=red> y')).toEqual(['<font color=red>']);
    expect(raw('(?<![a-z])ab\\d', 'xab1 ab2 \u00e9ab3')).toEqual(['ab2', 'ab3']);
    // \s means JavaScript's white space, no-break space included
    expect(raw('a\\sb', 'a\u00a0b')).toEqual(['a\u00a0b']);
    expect(() => compileRawRegex('a(?=b)')).toThrow(/lookahead/);
    expect(() => compileRawRegex('(a)\\1')).toThrow(/backreferences/);
    expect(() => compileRawRegex('(?<n>a)\\k<n>')).toThrow(/backreferences/);
  });
});

describe('a group whose alternatives end in a sign and in a word', () => {
  // A class ending in an emoji line made the whole phrase end in a sign: no word boundary
  // was added, and "děs" matched inside "deset" (issue 11).
  for (const trusted of [true, false]) {
    it(`ends each word alternative at a word end, and a sign anywhere (${trusted ? 'V8' : 'RE2'})`, () => {
      const phrase = compilePhrase('(děs|hrůza|😡)', { trusted });
      const spans = (text: string) => findAll(phrase, fold(text)).map((s) => fold(text).slice(s.start, s.end));
      expect(spans('je to deset let')).toEqual([]);
      expect(spans('to je děs!')).toEqual(['des']);
      expect(spans('hrůzaaa')).toEqual([]);
      expect(spans('zase 😡😡')).toEqual(['😡', '😡']);
    });
  }
});
