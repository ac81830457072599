// English grammar through compromise, loaded on first use: it costs about 270 ms to
// load, so only English sentences that the phrase lists could not decide reach it.
import { createRequire } from 'node:module';
import { languageList, onLanguageFilesChanged } from './data.js';

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
// no need to pay for tagging them (rules/language/en.yaml: grammar.notAStepOpener).
let notAStepOpener: Set<string> | undefined;
onLanguageFilesChanged(() => {
  notAStepOpener = undefined;
});

// compromise's tagging is superlinear in a sentence's length (a 100 KB reply without a
// full stop took 47 s). What is asked of it is decided by the sentence's opening words
// (an imperative, "we will …"), so it reads at most this much of one: a long sentence of
// a real reply is some forty words.
const GRAMMAR_CHARS = 400;

/** The sentence's first GRAMMAR_CHARS characters, cut at a word's end. */
function opening(sentence: string): string {
  if (sentence.length <= GRAMMAR_CHARS) return sentence;
  const cut = sentence.lastIndexOf(' ', GRAMMAR_CHARS);
  return sentence.slice(0, cut > 0 ? cut : GRAMMAR_CHARS);
}

/** An imperative sentence ("Pop it in the post") or a first-person commitment. */
export function englishHasStep(whole: string): boolean {
  const sentence = opening(whole);
  const opener = /^[\s"'(@\w.-]*?([A-Za-z']+)/.exec(sentence.replace(/^(?:@\S+\s*)+/, ''))?.[1]?.toLowerCase();
  if (opener === undefined || (notAStepOpener ??= new Set(languageList('en', 'grammar.notAStepOpener'))).has(opener)) return false;
  const doc = load()(sentence);
  if (doc.has('#Negative')) return false;
  if (doc.has('^(please|just|simply)? #Imperative')) return true;
  // "We apologise", "I understand": feelings, not actions.
  const feeling =
    '^(i|we) (will|shall|have|#Adverb)? (apologise|apologize|understand|appreciate|hope|know|see|feel|think|believe|regret|thank|value|want|wish|realise|realize|am|are|was|were|would|could|can|do)';
  return doc.has('^(i|we) (will|shall|have|#Adverb)? #Verb') && !doc.has(feeling) && !doc.has('(look into|get back|be in touch|pass (it|this) on)');
}
