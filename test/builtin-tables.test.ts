// The built-in phrases come from the build's tables (dist/builtin-phrases/): a reply in
// any language, and a second language after the first (read rule by rule), parses none.
import { describe, expect, it } from 'vitest';
import * as phrase from '../src/engine/phrase.js';
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
