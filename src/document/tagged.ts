// Sentences with their words tagged (person, tense, mood, negation): what a rule asks
// of grammar, asked of the Document instead of re-tokenising the text itself.
import { tagTokens, tokenize, type Token } from '../language/morphology.js';
import type { Language } from '../types.js';
import type { Sentence } from './sentences.js';

export type { Token } from '../language/morphology.js';

export interface TaggedSentence extends Sentence {
  /** Its words, tagged on first read (then kept): a rule that decides by phrases never pays. */
  readonly tokens: readonly Token[];
  /** The union of its tokens' tags (TAG bits). */
  readonly tags: number;
}

class LazySentence implements TaggedSentence {
  private words?: Token[];
  private all = 0;
  constructor(
    readonly start: number,
    readonly end: number,
    private readonly folded: string,
    private readonly language: Language,
  ) {}
  get tokens(): readonly Token[] {
    if (!this.words) {
      this.words = tokenize(this.folded, this.start, this.end);
      this.all = tagTokens(this.words, this.language);
    }
    return this.words;
  }
  get tags(): number {
    void this.tokens;
    return this.all;
  }
}

export function tagSentences(folded: string, sentences: readonly Sentence[], language: Language): TaggedSentence[] {
  return sentences.map((s) => new LazySentence(s.start, s.end, folded, language));
}
