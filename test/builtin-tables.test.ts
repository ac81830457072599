// The built-in phrases come from the build's tables (dist/builtin-phrases/): a reply in
// any language, and a second language after the first (read rule by rule), parses none.
import { describe, expect, it } from 'vitest';
import * as phrase from '../src/phrases/phrase.js';
import { usePrecompiledPhrases } from '../src/phrases/phrase.js';
import { compileEntry } from '../src/engine/phrase-list.js';
import type { WordClasses } from '../src/engine/word-classes.js';
import { createLinter } from '../src/index.js';
import { defaultContext } from '../src/types.js';

const replies = [
  'Dobrý den, pane Nováku,\n\nomlouváme se za zpoždění. Zásilku vám doručíme zítra, ráno vám pošleme SMS.\n\nS pozdravem\nPetr',
  "Hi Anna,\n\nI'm sorry your grinder hasn't arrived. I've asked DPD to deliver it tomorrow.\n\nThanks,\nMark",
  'Dobrý deň, pani Kováčová,\n\nospravedlňujem sa za meškanie. Zásielku vám doručia v stredu.\n\nS pozdravom\nVeronika',
];

describe('built-in phrase tables', () => {
  it('serve every language, the first read whole and the others rule by rule', () => {
    const before = phrase.phrasesParsed;
    const linter = createLinter();
    for (const text of replies) {
      const result = linter.lint({ text, source: 'test', context: defaultContext({ customerMessages: ['My parcel never arrived!', 'Balík nedorazil.'] }) });
      expect(result.score).toBeGreaterThan(0);
    }
    expect(phrase.phrasesParsed).toBe(before);
  });
});

describe('a built-in phrase naming a changed class', () => {
  const locate = () => ({ file: 'test', line: 1, column: 1 });
  const lists = { en: ['carrier'] };
  const compile = (classes: WordClasses) =>
    compileEntry('{third-party} is responsible', ['phrases', 'en', 0], { locate, trusted: true, classes, rule: 'no-deflection' });
  it('is compiled from the class as it is now, not taken from the build', () => {
    usePrecompiledPhrases({ '~en/no-deflection:{third-party} is responsible': { source: 'stale', flags: 'g' } });
    try {
      const asBuilt = new Map([['third-party', { lists, team: false }]]);
      expect((compile(asBuilt).phrase.regex as RegExp).source).toBe('stale');
      for (const changed of [
        { lists, team: false, edited: true },
        { lists, team: true },
      ]) {
        const regex = compile(new Map([['third-party', changed]])).phrase.regex;
        expect(String(regex instanceof RegExp ? regex.source : regex)).not.toContain('stale');
        expect(regex instanceof RegExp ? regex.test('the carrier is responsible') : regex.matches('the carrier is responsible', 0, 27).length > 0).toBe(true);
      }
    } finally {
      usePrecompiledPhrases({});
    }
  });
});
