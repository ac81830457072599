// English grammar through compromise, loaded on first use: it costs about 270 ms to
// load, so only English sentences that the phrase lists could not decide reach it.
import { createRequire } from 'node:module';

interface CompromiseView {
  has(match: string): boolean;
}
type Nlp = (text: string) => CompromiseView;

let nlp: Nlp | undefined;
function load(): Nlp {
  nlp ??= createRequire(import.meta.url)('compromise') as Nlp;
  return nlp;
}

/** An imperative sentence ("Pop it in the post") or a first-person commitment. */
export function englishHasStep(sentence: string): boolean {
  const doc = load()(sentence);
  if (doc.has('#Negative')) return false;
  if (doc.has('^(please|just|simply)? #Imperative')) return true;
  // "We apologise", "I understand": feelings, not actions.
  const feeling = '^(i|we) (will|shall|have|#Adverb)? (apologise|apologize|understand|appreciate|hope|know|see|feel|think|believe|regret|thank|value|want|wish|realise|realize|am|are|was|were|would|could|can|do)';
  return doc.has('^(i|we) (will|shall|have|#Adverb)? #Verb') && !doc.has(feeling) && !doc.has('(look into|get back|be in touch|pass (it|this) on)');
}
