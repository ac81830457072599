// Build helper: the texts one of which every match of a raw regex holds (its literals),
// read from the pattern's syntax tree (ESLint's regexpp parser), so that a built-in
// rule's raw regex is ruled out by the literal filter as its phrases are
// (src/engine/entry-filter.ts) instead of running on every reply. Conservative: where a
// part's texts cannot be told, it has none, and the regex then always runs.
import { RegExpParser } from '@eslint-community/regexpp';
// The more telling of two sets, by the phrase compiler's rule of length (the frequency
// estimate reads words, and a regex's literals are often signs such as "[" or "#").
import { betterLiterals } from '../dist/phrases/phrase.js';

const better = (a, b) => betterLiterals(a, b, null);

/** Texts of which a match of these alternatives holds one; [] when some alternative has none. */
function ofAlternatives(alternatives, fold) {
  const sets = alternatives.map((a) => ofSequence(a.elements, fold));
  if (sets.some((s) => !s.length)) return [];
  const all = [...new Set(sets.flat())];
  // A text that holds another of the set adds nothing ("requests" beside "request").
  return all.filter((t) => !all.some((other) => other !== t && t.includes(other)));
}

function ofSequence(elements, fold) {
  let best = [];
  let run = '';
  const endRun = () => {
    if (run) best = better(best, [run]);
    run = '';
  };
  for (const element of elements) {
    if (element.type === 'Character') {
      run += fold(String.fromCodePoint(element.value));
      continue;
    }
    endRun();
    if (element.type === 'Group' || element.type === 'CapturingGroup') best = better(best, ofAlternatives(element.alternatives, fold));
    else if (element.type === 'Quantifier' && element.min >= 1) best = better(best, ofElement(element.element, fold));
    // Anything else (a class, an assertion, an optional part) holds no text for sure.
  }
  endRun();
  return best;
}

function ofElement(element, fold) {
  if (element.type === 'Character') return [fold(String.fromCodePoint(element.value))];
  if (element.type === 'Group' || element.type === 'CapturingGroup') return ofAlternatives(element.alternatives, fold);
  return [];
}

/**
 * The literals of a case-insensitive regex run on folded text: `fold` is the text
 * folding the haystack went through (lower case, no diacritics). [] when there are none.
 */
export function regexLiterals(source, flags, fold) {
  const pattern = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, undefined, undefined, { unicode: flags.includes('u') });
  return ofAlternatives(pattern.alternatives, fold);
}
