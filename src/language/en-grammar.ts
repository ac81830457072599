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

// Sentences opening with one of these are neither imperatives nor commitments of ours:
// no need to pay for tagging them.
const NOT_A_STEP_OPENER = new Set([
  'the', 'a', 'an', 'our', 'your', 'its', 'this', 'that', 'these', 'those', 'there', 'here', 'thank', 'thanks', 'sorry', 'unfortunately', 'hi', 'hello', 'hey',
  'dear', 'yes', 'no', 'as', 'per', 'you', "you're", 'he', 'she', 'they', 'in', 'on', 'at', 'for', 'with', 'from', 'by', 'all', 'some', 'any', 'each', 'every',
  'it', "it's", 'great', 'good', 'sadly', 'regards', 'best', 'cheers', 'kind', 'many', 'most', 'because', 'since', 'unless', 'although', 'however',
]);

/** An imperative sentence ("Pop it in the post") or a first-person commitment. */
export function englishHasStep(sentence: string): boolean {
  const opener = /^[\s"'(@\w.-]*?([A-Za-z']+)/.exec(sentence.replace(/^(?:@\S+\s*)+/, ''))?.[1]?.toLowerCase();
  if (opener === undefined || NOT_A_STEP_OPENER.has(opener)) return false;
  const doc = load()(sentence);
  if (doc.has('#Negative')) return false;
  if (doc.has('^(please|just|simply)? #Imperative')) return true;
  // "We apologise", "I understand": feelings, not actions.
  const feeling = '^(i|we) (will|shall|have|#Adverb)? (apologise|apologize|understand|appreciate|hope|know|see|feel|think|believe|regret|thank|value|want|wish|realise|realize|am|are|was|were|would|could|can|do)';
  return doc.has('^(i|we) (will|shall|have|#Adverb)? #Verb') && !doc.has(feeling) && !doc.has('(look into|get back|be in touch|pass (it|this) on)');
}
