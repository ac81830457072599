// Sentences with their words tagged (person, tense, mood, negation): what a rule asks
// of grammar, asked of the Document instead of re-tokenising the text itself.
import { tagTokens, tokenize, type Token } from '../language/morphology.js';
import type { Language } from '../types.js';
import type { Sentence } from './sentences.js';

export type { Token } from '../language/morphology.js';

export interface TaggedSentence extends Sentence {
  readonly tokens: readonly Token[];
  /** The union of its tokens' tags (TAG bits). */
  readonly tags: number;
}

export function tagSentences(folded: string, sentences: readonly Sentence[], language: Language): TaggedSentence[] {
  return sentences.map((s) => {
    const tokens = tokenize(folded, s.start, s.end);
    return { start: s.start, end: s.end, tokens, tags: tagTokens(tokens, language) };
  });
}
