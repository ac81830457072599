// The literal pre-filter only saves work: an entry it rules out never matches.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateEntries } from '../src/engine/entry-filter.js';
import { compileEntry, matchEntry, type PhraseEntry } from '../src/engine/phrase-list.js';
import { fold } from '../src/text/fold.js';

const locate = () => ({ file: 'test', line: 1, column: 1 });
const entry = (raw: Parameters<typeof compileEntry>[0]): PhraseEntry => compileEntry(raw, ['x', 'en', 0], { locate, trusted: true });
const entries = [
  entry('omlouv* se'),
  entry('je nám [to] [moc|velmi] líto'),
  entry('(sorry|apologi*) ... inconvenience'),
  entry('ticket {num}'),
  entry({ match: 'SLA', exact: true }),
  entry({ all: ['kontaktujte', 'dopravce'] }),
  entry('a'),
];
const words = [
  'omlouváme',
  'se',
  'je',
  'nám',
  'to',
  'líto',
  'sorry',
  'for',
  'any',
  'inconvenience',
  'ticket',
  '#4821',
  'SLA',
  'sla',
  'kontaktujte',
  'dopravce',
  'a',
  'ne',
  'Omlouvam',
];

describe('entry filter', () => {
  it('keeps every entry that matches and rules out those whose literals are absent', () => {
    const text = 'Omlouváme se, kontaktujte prosím dopravce.';
    const kept = candidateEntries(entries, text, fold(text));
    expect(kept).toContain(entries[0]);
    expect(kept).toContain(entries[5]);
    expect(kept).not.toContain(entries[2]);
    expect(kept).not.toContain(entries[3]);
    expect(kept).not.toContain(entries[4]);
  });
  it('asks for a text of a second word too: "omlouv* se" needs "se" beside "omlouv"', () => {
    expect(entries[0].phrase.also).toBeDefined();
    const text = 'Omlouvám, ale ne.';
    expect(candidateEntries(entries, text, fold(text))).not.toContain(entries[0]);
  });
  it('never rules out an entry that matches (any text, any list order)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })), { maxLength: 14 }),
        fc.shuffledSubarray(entries),
        (parts, list) => {
          const text = parts.join(' ');
          const folded = fold(text);
          const kept = new Set(candidateEntries(list, text, folded));
          for (const e of list) if (matchEntry(e, text, folded, 0, text.length).length) expect(kept.has(e)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('pair tables', () => {
  it('answer for each text alone, past the wrap of their 8-bit stamp', async () => {
    const { hasPairs, literalPairs, pairsIn } = await import('../src/phrases/literal-pairs.js');
    const literals = ['omlouv', 'zasilk', 'ticket', 'se', 'xq'];
    for (let i = 0; i < 1200; i++) {
      const text = `${literals[i % literals.length]} ${i} ${i % 7 ? 'abc' : 'xyz'}`;
      const table = pairsIn(text);
      // A literal the text holds always passes; one with a pair the text lacks never does.
      for (const literal of literals) {
        if (text.includes(literal)) expect(hasPairs(table, literalPairs(literal))).toBe(true);
      }
      expect(hasPairs(table, literalPairs('qqqq'))).toBe(false);
    }
  });
});
