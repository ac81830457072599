// The build reads a built-in raw regex's literals from its syntax: every match holds one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script, plain JavaScript
import { regexLiterals } from '../scripts/regex-literals.mjs';
import { fold } from '../src/text/fold.js';

const literalsOf = (source: string): string[] => regexLiterals(source, 'gi', fold);

describe('raw regex literals', () => {
  it('reads words, alternatives and required repeats; leaves out optional parts and classes', () => {
    expect(literalsOf('\\b(?:ticket|case|request)#\\d{3,}')).toEqual(['ticket', 'case', 'request']);
    expect(literalsOf('\\bref:_[a-z0-9]{5,30}:ref\\b')).toEqual(['ref:_']);
    expect(literalsOf('(?:please )?(?:do not|dont) (?:reply|respond)')).toEqual(['reply', 'respond']);
    expect(literalsOf('(?:ab)+c')).toEqual(['ab']);
    expect(literalsOf('Stav: OTEVŘENO')).toEqual(['stav: otevreno']);
  });
  it('has none where some alternative has none, or all is optional or a class', () => {
    expect(literalsOf('(?:->|[→>]) ?[a-z]')).toEqual([]);
    expect(literalsOf('(?:abc)?\\d+')).toEqual([]);
    expect(literalsOf('abc|\\d+')).toEqual([]);
  });
  it('names a text that every match on folded text holds', () => {
    // Texts made of the regexes' own pieces, so that most hold matches.
    const text = fc
      .array(
        fc.constantFrom('ticket', 'Case', '#', ' ', '12', '345', 'do not', "don't", 'reply', 'Write', 'here', 'x', 'yz', 'w', '[', ']', 'ref', 'no', '.'),
        { maxLength: 12 },
      )
      .map((p) => p.join(''));
    const sources = ['\\b(?:ticket|case)(?: ?#)?\\d{2,}', "(?:do not|don't) (?:reply|write)(?: here)?", '(?:x|yz)+w?', '\\[(?:ref|no)\\.? ?\\d+\\]'];
    fc.assert(
      // On folded text, as the engine runs them (lower case, no diacritics).
      fc.property(fc.constantFrom(...sources), text.map(fold), (source, text) => {
        const literals = literalsOf(source);
        for (const m of text.matchAll(new RegExp(source, 'gi'))) if (literals.length) expect(literals.some((l) => m[0].includes(l))).toBe(true);
      }),
    );
  });
});
