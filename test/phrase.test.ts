import { describe, expect, it } from 'vitest';
import { compilePhrase, compileRawRegex, findAll, PhraseError } from '../src/engine/phrase.js';
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
  it('refuses raw regexes that could backtrack catastrophically', () => {
    expect(() => compileRawRegex('(a+)+$')).toThrow(/backtrack/);
    expect(compileRawRegex('<font[^>]*>').regex.test('<font color=red>')).toBe(true);
  });
});
