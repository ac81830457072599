// commitment: the reply says what happens next. A sentence counts when it holds a
// concrete step (an action of ours, done or promised, or an instruction to the
// customer), or a promise with a when ("arrives tomorrow"). A sentence that holds a
// vague promise ("we'll look into it") counts only with a when.
import type { Sentence } from '../../document/sentences.js';
import type { Language } from '../../types.js';
import { compilePhraseLists, entriesFor, PHRASE_LIST_SCHEMA, type PhraseLists } from '../phrase-list.js';
import type { CheckInput, RuleKind } from '../rule.js';
import { findEntryMatches } from './shared.js';
import { englishHasStep } from '../../language/en-grammar.js';

type Verdict = 'step' | 'vague' | 'none';

function classify(input: CheckInput, sentence: Sentence, lists: Record<string, PhraseLists>, language: Language): Verdict {
  const { doc } = input;
  const has = (name: string) => findEntryMatches(doc, entriesFor(lists[name], language), sentence).length > 0;
  const timed = has('timing');
  if (has('vague')) return timed ? 'step' : 'vague';
  if (has('steps')) return 'step';
  if (timed && has('promises')) return 'step';
  return 'none';
}

/** "A one-line chat answer to a yes/no question is exempt when it is not the first reply." */
function isChatAnswer(input: CheckInput): boolean {
  const { context } = input.reply;
  const question = context.customerMessages[context.customerMessages.length - 1]?.trim() ?? '';
  const oneLine = input.doc.lineZones.length === 1;
  return context.channel === 'chat' && !context.firstReply && oneLine && question.endsWith('?');
}

export const commitment: RuleKind = {
  name: 'commitment',
  fields: {
    steps: { ...PHRASE_LIST_SCHEMA, required: true },
    vague: { ...PHRASE_LIST_SCHEMA, required: true },
    promises: PHRASE_LIST_SCHEMA,
    timing: PHRASE_LIST_SCHEMA,
    grammar: { type: 'boolean' },
  },
  messages: ['missing', 'vague'],
  compile({ spec, locate, trusted }) {
    const lists: Record<string, PhraseLists> = {};
    for (const key of ['steps', 'vague', 'promises', 'timing']) lists[key] = compilePhraseLists(spec[key] as never, [key], locate, trusted);
    const useGrammar = spec.grammar !== false;
    return (input) => {
      const { doc, language } = input;
      if (isChatAnswer(input)) return [];
      // Sentences of the agent's own words; a social reply's "^Amy" may share the last one.
      const sentences = doc.sentences
        .filter((s) => s.start < doc.content.end && s.end > doc.content.start)
        .map((s) => ({ start: Math.max(s.start, doc.content.start), end: Math.min(s.end, doc.content.end) }));
      const verdicts = sentences.map((s) => classify(input, s, lists, language));
      if (verdicts.includes('step')) return [];
      const vague = sentences.find((_, i) => verdicts[i] === 'vague');
      if (vague) return [{ start: vague.start, end: vague.end, message: 'vague', data: { sentence: doc.text.slice(vague.start, vague.end) } }];
      // English grammar catches imperatives and commitments the phrase lists miss;
      // compromise is loaded only here, for English replies that look step-less.
      if (useGrammar && language === 'en' && sentences.some((s) => englishHasStep(doc.text.slice(s.start, s.end)))) return [];
      const where = sentences[sentences.length - 1] ?? doc.opening;
      return [{ start: where.start, end: where.end, message: 'missing' }];
    };
  },
};
