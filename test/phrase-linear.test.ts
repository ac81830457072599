// No text may make a phrase hang (issue 10): every built-in phrase and phrases of every
// shape the language allows, fed text built to make a regex backtrack. A linear regex
// takes well under a millisecond on 16 KB of it, a polynomial one hundreds: the bound
// below is a generous guard against the second, not a timing of the first.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adversarialTexts, slowRegexes } from '../scripts/adversarial.mjs';
import { compilePhrase, findAll, PhraseError, type CompiledPhrase, type Phrase } from '../src/phrases/phrase.js';
import { PhraseTable } from '../src/phrases/phrase-table.js';
import { LinearRegex } from '../src/phrases/linear-regex.js';
import { matchEntry, type PhraseEntry } from '../src/engine/phrase-list.js';
import { fold } from '../src/text/fold.js';

const SIZE = 16 * 1024;
const GUARD_MS = 150;

// The build's phrase tables, one per language and rule (dist/builtin-phrases/).
const tables = new URL('../dist/builtin-phrases/', import.meta.url);
const builtin: { phrases: Record<string, CompiledPhrase> } = { phrases: {} };
for (const name of readdirSync(tables, { recursive: true }).filter((name) => name.endsWith('.tsv'))) {
  const table = new PhraseTable(readFileSync(new URL(name, tables), 'utf8'));
  for (const key of table.keys()) builtin.phrases[key] = table.get(key) as CompiledPhrase;
}

/** A phrase of the phrase language, from words that the adversarial texts are made of. */
const phraseText: fc.Arbitrary<string> = fc.letrec<{ alt: string; seq: string; item: string }>((tie) => ({
  alt: fc.array(tie('seq'), { minLength: 1, maxLength: 3 }).map((s) => s.join('|')),
  seq: fc.array(tie('item'), { minLength: 1, maxLength: 4 }).map((s) => s.join(' ')),
  item: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'phrase', withCrossShrink: true },
    { arbitrary: fc.constantFrom('a', 'ab', 'b', 'x', 'a*', 'ab*', '*b', '*', '**a', '{num}', 'a{num}', ',', '...', 'no'), weight: 6 },
    { arbitrary: tie('alt').map((a) => `(${a})`), weight: 1 },
    { arbitrary: tie('alt').map((a) => `[${a}]`), weight: 1 },
  ),
})).alt;

function compiled(text: string, options: { trusted: boolean; exact?: boolean }): Phrase | undefined {
  try {
    return compilePhrase(text, options);
  } catch (err) {
    if (err instanceof PhraseError) return undefined; // a phrase the language refuses, with its reason
    throw err;
  }
}

const WORDS = ['a', 'ab', 'b', 'x', 'no', '1'];
// RE2 is linear by construction but slower than V8 (about 1 µs a character where
// matches are everywhere): a smaller sample suffices to catch a translation gone wrong.
const smallTexts = adversarialTexts(WORDS, 4096);

describe('every compiled phrase runs in linear time', () => {
  // Timed in a worker thread: a phrase that backtracks exponentially fails the test by
  // name instead of hanging it.
  const check = async (regexes: { name: string; source: string; flags: string; words?: string[] }[]) => {
    const slow = await slowRegexes(regexes, { size: SIZE, slowMs: GUARD_MS, deadlineMs: 90_000 });
    return slow.map((s: { name: string; worst: { name: string; ms: number } }) => `${s.name}: ${s.worst.ms.toFixed(0)} ms on ${s.worst.name}`);
  };

  it('each built-in phrase, on text built to make it backtrack', async () => {
    const regexes = Object.entries(builtin.phrases).map(([name, p]) => ({ name, source: p.source, flags: p.flags, words: p.literals?.slice(0, 4) }));
    expect(regexes.length).toBeGreaterThan(1000);
    expect(await check(regexes)).toEqual([]);
  }, 120_000);

  it('phrases of every shape the language allows, compiled for V8 as built-in phrases are', async () => {
    const regexes = fc.sample(phraseText, { numRuns: 150, seed: 20261129 }).flatMap((text) => {
      const phrase = compiled(text, { trusted: true });
      return phrase ? [{ name: text, source: (phrase.regex as RegExp).source, flags: 'g', words: WORDS }] : [];
    });
    expect(regexes.length).toBeGreaterThan(50);
    expect(await check(regexes)).toEqual([]);
  }, 120_000);

  it('the gap, the optional comma and the starred word that backtracked before now answer at once', async () => {
    const shapes = [
      '(regret|regrets) ... (inconvenience|trouble)',
      'rieši on [,] nie my',
      'ab*c',
      '(still|yet) ... (not|no)',
      'ticket {num}',
      'a ... ... b',
      'a (,|b) c',
      'a [...] b',
    ];
    const regexes = shapes.map((text) => ({
      name: text,
      source: (compiled(text, { trusted: true })!.regex as RegExp).source,
      flags: 'g',
      words: ['regret', 'riesi on', 'still', 'ticket', 'yet', 'a', 'ab'],
    }));
    expect(await check(regexes)).toEqual([]);
  }, 120_000);
});

describe('phrases of users run on RE2 and find what V8 finds', () => {
  const sample = fc
    .array(fc.constantFrom('a', 'b', 'ab', 'x', 'no', '1', '-', '/', '#', ' ', ' ', ',', ';', '\t', '\u00a0', '.', 'á', 'Ab'), { maxLength: 40 })
    .map((parts) => parts.join(''));

  it('a phrase compiled for RE2 matches exactly where the V8 compilation does', () => {
    fc.assert(
      fc.property(phraseText, fc.array(sample, { minLength: 1, maxLength: 6 }), (text, haystacks) => {
        const v8 = compiled(text, { trusted: true });
        const re2 = compiled(text, { trusted: false });
        expect(Boolean(re2)).toBe(Boolean(v8));
        if (!v8 || !re2) return;
        expect(re2.regex).toBeInstanceOf(LinearRegex);
        for (const haystack of haystacks) {
          const folded = fold(haystack);
          expect(findAll(re2, folded), `${text} in ${JSON.stringify(haystack)}`).toEqual(findAll(v8, folded));
        }
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });

  it('through matchEntry, as the rules call it, exact phrases included', () => {
    const entry = (phrase: Phrase, exact: boolean): PhraseEntry => ({ phrase, exact, start: false, html: false });
    fc.assert(
      fc.property(phraseText, fc.boolean(), fc.array(sample, { minLength: 1, maxLength: 6 }), (text, exact, haystacks) => {
        const v8 = compiled(text, { trusted: true, exact });
        const re2 = compiled(text, { trusted: false, exact });
        if (!v8 || !re2) return;
        for (const haystack of haystacks) {
          const folded = fold(haystack);
          const spans = (e: PhraseEntry) => matchEntry(e, haystack, folded, 0, haystack.length).map((m) => [m.start, m.end]);
          expect(spans(entry(re2, exact)), `${exact ? 'exact ' : ''}${text} in ${JSON.stringify(haystack)}`).toEqual(spans(entry(v8, exact)));
        }
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });

  it('a user phrase cannot backtrack whatever its shape', () => {
    fc.assert(
      fc.property(phraseText, (text) => {
        const phrase = compiled(text, { trusted: false });
        if (!phrase) return;
        let worst = 0;
        for (const { text: hay } of smallTexts) {
          const started = performance.now();
          findAll(phrase, hay);
          worst = Math.max(worst, performance.now() - started);
        }
        expect(worst, text).toBeLessThan(GUARD_MS * 4);
      }),
      { numRuns: 12, seed: 20261129 },
    );
  });
});

describe('the phrase language refuses what it cannot match unambiguously', () => {
  it('says why', () => {
    expect(() => compilePhrase('a*b*c')).toThrow(/one \*/);
    expect(() => compilePhrase('[sorry] [really]')).toThrow(/optional/);
    expect((compilePhrase('omlouv** se', { trusted: true }).regex as RegExp).source).toBe(
      (compilePhrase('omlouv* se', { trusted: true }).regex as RegExp).source,
    );
  });
});
