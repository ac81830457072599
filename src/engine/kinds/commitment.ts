// commitment: the reply says what happens next. A sentence counts when it holds an
// instruction to the customer ("Please send us a photo", or a question they are to
// answer), a concrete action of ours, done or promised, or a promise with a when
// ("arrives tomorrow"). An action of ours beside a vague promise ("I've passed it on,
// we'll look into it") counts only with a when.
import type { Sentence } from '../../document/sentences.js';
import type { Token } from '../../document/tagged.js';
import { TAG } from '../../language/morphology.js';
import { entriesFor, matchEntry, PHRASE_LIST_SCHEMA, type EntryMatch, type PhraseEntry, type PhraseLists } from '../phrase-list.js';
import { candidateEntries } from '../entry-filter.js';
import type { CheckInput, RuleKind } from '../rule.js';
import { fold } from '../../text/fold.js';
import { findEntryMatches } from './shared.js';
import { englishHasStep } from '../../language/en-grammar.js';

type Verdict = 'step' | 'vague' | 'none';

/** Where a list matches in the reply: found on first ask, then looked up per sentence. */
type Found = (list: string) => EntryMatch[];

/** The matches (sorted by start) that lie inside [start, end): a binary search, so a long reply's many sentences cost no more than linearly. */
function within(matches: readonly EntryMatch[], start: number, end: number): EntryMatch[] {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: EntryMatch[] = [];
  for (let i = lo; i < matches.length && matches[i].start < end; i++) if (matches[i].end <= end) out.push(matches[i]);
  return out;
}

/**
 * An instruction that no courtesy phrase covers. Both lists are sorted by start: walked
 * together, so that a sentence of thousands of each (a reply without a full stop) costs
 * their sum, not their product.
 */
function hasPlainInstruction(instructions: readonly EntryMatch[], courtesy: readonly EntryMatch[]): boolean {
  let c = 0;
  // The courtesy spans that started so far; the furthest end among them covers or not.
  let coveredTo = -1;
  for (const m of instructions) {
    while (c < courtesy.length && courtesy[c].start <= m.start) coveredTo = Math.max(coveredTo, courtesy[c++].end);
    if (m.start >= coveredTo) return true;
  }
  return false;
}

/** A sentence of the agent's own words, with its tagged words (Document.tagged). */
interface Clause extends Sentence {
  tokens: readonly Token[];
}

/** The part of a sentence inside the reply's own words, its tokens read from the sentence's when asked. */
class ClippedSentence implements Clause {
  constructor(
    readonly start: number,
    readonly end: number,
    private readonly whole: Clause,
  ) {}
  get tokens(): readonly Token[] {
    return this.whole.tokens.filter((t) => t.start >= this.start && t.end <= this.end);
  }
}

// What the customer is to do, by the verb's form: "najdete", "pošlite", "heslo si
// změníte", "můžete si stáhnout", "you can change", "you'll find". Not in a clause a
// condition or a "that" opens ("pokud máte…", "že nakupujete…", "if you can…").
const CUSTOMER_VERB = TAG.you | TAG.youModal | TAG.youWill;
// A done or promised action, or a status, that a when makes concrete: "rezervaci jsme
// přesunuli na 14. 5.", "byla odeslána dnes", "it left this morning", "budeme volat zítra".
const TIMED_ACTION = TAG.ourPast | TAG.past | TAG.ourPresent | TAG.future;

/** The words that instruct the customer by their form, as matches (for the courtesy check). */
function customerVerbs(tokens: readonly Token[]): EntryMatch[] {
  const out: EntryMatch[] = [];
  for (const t of tokens) {
    if (!(t.tags & CUSTOMER_VERB) || t.tags & TAG.subordinate) continue;
    // "you can't", "nemůžete": what the customer cannot do is no step.
    if (t.tags & TAG.youModal && t.tags & TAG.negated) continue;
    out.push({ start: t.start, end: t.end } as EntryMatch);
  }
  return out;
}

/** A done or promised action, or a status in the passive with a tense ("byla odeslána", "was shipped"). */
function hasTimedAction(tokens: readonly Token[]): boolean {
  // "řidičům do 21 let auta nepůjčujeme": what we do not do is no action, whatever its when.
  return tokens.some(
    (t) => !(t.tags & (TAG.subordinate | TAG.negated)) && (t.tags & TAG.passive ? (t.tags & (TAG.past | TAG.future)) !== 0 : (t.tags & TIMED_ACTION) !== 0),
  );
}

/**
 * The clause of a further-help match: back to the clause's start (a comma, a stop, a
 * link, the sentence's start) and on over the main clause that follows ("If anything
 * else comes up, let us know"): its instruction there is no step. Only that clause: a
 * tweet runs "Check this article: <link> Let us know if you need more" into one sentence.
 */
const CLAUSE_CHARS = 200;
const MAX_FURTHER = 20;

function furtherClause(input: CheckInput, sentence: Sentence, match: EntryMatch): Sentence {
  const { text, literals } = input.doc;
  // A clause is some words: the walks stop at CLAUSE_CHARS, so that a reply of thousands
  // of "if anything else" without a comma costs linear time.
  const floor = Math.max(sentence.start, match.start - CLAUSE_CHARS);
  let start = match.start;
  while (start > floor && !/[,.!?;:]/.test(text[start - 1])) start--;
  const ceiling = Math.min(sentence.end, match.end + CLAUSE_CHARS);
  let end = match.end;
  let commas = 0;
  // "If you need anything else, let us know": the main clause follows, past one comma.
  // "Let us know if you need anything else, and send …": it came before; stop at the comma.
  const allowed = text.slice(start, match.start).trim() ? 0 : 1;
  while (end < ceiling && !/[.!?;]/.test(text[end]) && !(text[end] === ',' && ++commas > allowed)) end++;
  for (const l of within(literals as EntryMatch[], start - CLAUSE_CHARS, end)) {
    if (l.end <= match.start && l.end > start) start = l.end;
    if (l.start >= match.end && l.start < end) end = l.start;
  }
  return { start, end };
}

function classify(input: CheckInput, sentence: Clause, found: Found): Verdict {
  const { doc } = input;
  const inSentence = (name: string) => within(found(name), sentence.start, sentence.end);
  const has = (name: string) => inSentence(name).length > 0;
  // "If anything else comes up, let us know" is further help, never a step: an
  // instruction or a question inside its clause does not count (issue 11).
  // Looked for only when the sentence holds an instruction or a question to discount:
  // most sentences hold neither, and most replies then never run the list.
  let further: Sentence[] | undefined;
  const outside = (m: { start: number }) => {
    further ??= inSentence('further')
      .slice(0, MAX_FURTHER)
      .map((f) => furtherClause(input, sentence, f));
    return !further.some((f) => m.start >= f.start && m.start < f.end);
  };
  // "Please note …" and "don't hesitate to …" are politeness, not instructions. The
  // courtesy list, too, is looked for only when there is something for it to discount.
  let courtesyFound: EntryMatch[] | undefined;
  const courtesy = () => (courtesyFound ??= inSentence('courtesy'));
  const plainInstruction = (candidates: EntryMatch[]) => candidates.length > 0 && hasPlainInstruction(candidates, courtesy());
  if (plainInstruction(inSentence('instructions').filter(outside))) return 'step';
  const timed = () => has('timing');
  // A question for the customer to answer is the next step, unless it is a courtesy
  // ("Is there anything else I can help with?"). A link or a signature may follow it.
  // Before the vague words: "Can you DM me so I can look into this?" asks for something.
  const markAt = questionMark(doc.text, sentence.start, sentence.end);
  const question = markAt >= 0;
  if (question && outside({ start: markAt }) && !courtesy().length) return 'step';
  if (has('vague')) return timed() ? 'step' : 'vague';
  if (has('steps')) return 'step';
  if (has('promises') && timed()) return 'step';
  if (!question && plainInstruction(customerVerbs(sentence.tokens).filter(outside))) return 'step';
  if (!question && hasTimedAction(sentence.tokens) && timed()) return 'step';
  return 'none';
}

// The question mark that ends a sentence, before any links or a signature ("… file? https://t.co/x ^AJ").
// Read word by word from the end: a regex anchored at the end but not at the start reads
// on from every "?" of the sentence (quadratic in a long one).
const TRAILER = /^(?:https?:\/\/|\^|[-–—*~])\S/;
const ENDS_ASKING = /\?["'”’)]*$/;

/** Where the sentence's closing question mark is, or -1 when it does not end asking. */
function questionMark(text: string, start: number, end: number): number {
  let wordEnd = end;
  for (;;) {
    while (wordEnd > start && /\s/.test(text[wordEnd - 1])) wordEnd--;
    let wordStart = wordEnd;
    while (wordStart > start && !/\s/.test(text[wordStart - 1])) wordStart--;
    if (wordStart === wordEnd) return -1;
    const word = text.slice(wordStart, wordEnd);
    const asking = ENDS_ASKING.exec(word);
    if (asking) return wordStart + asking.index;
    if (!TRAILER.test(word)) return -1;
    wordEnd = wordStart;
  }
}

/**
 * "A one-line chat answer to a yes/no question is exempt when it is not the first
 * reply." Without the customer's message there is no telling, and the rule stays silent.
 */
function isChatAnswer(input: CheckInput): boolean {
  const { context } = input.reply;
  const question = context.customerMessages.at(-1)?.trim();
  const oneLine = input.doc.lineZones.length === 1;
  return context.channel === 'chat' && !context.firstReply && oneLine && (question === undefined || question.endsWith('?'));
}

/** Whether a list matches anywhere in a text, in its language or in English. */
function mentions(lists: PhraseLists | undefined, language: CheckInput['language'], text: string, folded: string): boolean {
  const matches = (entries: readonly PhraseEntry[]) =>
    candidateEntries(entries, text, folded).some((e) => matchEntry(e, text, folded, 0, text.length).length > 0);
  return matches(entriesFor(lists, language)) || (language !== 'en' && matches(entriesFor(lists, 'en')));
}

/**
 * The customer asked for nothing and reported nothing (a compliment, a greeting, "ok
 * thx"): nothing needs to happen next. It takes a word of praise or thanks: a message
 * is not small talk only because our list of troubles missed its complaint. Every message of theirs is read: a thank-you
 * after a complaint still leaves the complaint.
 */
function smallTalk(input: CheckInput, lists: Record<string, PhraseLists>): boolean {
  const messages = input.reply.context.customerMessages;
  // A long thread is about something: small talk is a message or two.
  if (!messages.length || messages.length > 3) return false;
  return messages.slice().every((m) => {
    const text = m.trim();
    if (text.length > 280 || text.includes('?')) return false;
    const folded = fold(text);
    return (
      (SOCIAL_MARK.test(text) || mentions(lists.praise, input.language, text, folded)) &&
      !mentions(lists.asks, input.language, text, folded) &&
      !mentions(lists.trouble, input.language, text, folded)
    );
  });
}

// A hashtag or an emoji: a post shared with us ("my #Halloween costume 🎃"), not a request.
const SOCIAL_MARK = /#[A-Za-z]|[\uD83C-\uD83E]|[\u2600-\u27BF]/;

/** The customer only said thanks ("Great, thank you!"): nothing needs to happen next. */
function answersThanks(input: CheckInput, lists: Record<string, PhraseLists>): boolean {
  const last = input.reply.context.customerMessages.at(-1)?.trim();
  if (!last || last.length > 120 || last.includes('?')) return false;
  // The thanks must open the message: "… heard NOTHING. Great service." is no thanks.
  const opening = /^(?:@\S+\s*)*/.exec(last)![0].length;
  const folded = fold(last);
  const opens = (entries: readonly PhraseEntry[]) =>
    candidateEntries(entries, last, folded).some((e) => matchEntry(e, last, folded, 0, last.length).some((m) => m.start === opening));
  return opens(entriesFor(lists.thanks, input.language)) || (input.language !== 'en' && opens(entriesFor(lists.thanks, 'en')));
}

const SENTENCE_LISTS = ['instructions', 'steps', 'vague', 'promises', 'timing', 'courtesy', 'further'];

// compromise costs some 50 µs a sentence: a reply of thousands ("WOW!!! " repeated) took
// seconds in the grammar step alone. A real reply has a few dozen sentences, and where it
// has more, its step is among the first or the last.
const GRAMMAR_SENTENCES = 30;
function grammarSample<T>(sentences: T[]): T[] {
  return sentences.length <= 2 * GRAMMAR_SENTENCES ? sentences : [...sentences.slice(0, GRAMMAR_SENTENCES), ...sentences.slice(-GRAMMAR_SENTENCES)];
}

export const commitment: RuleKind = {
  name: 'commitment',
  doc: 'The reply says what happens next: some sentence holds an instruction to the customer, a question for them to answer, a concrete action of ours, or a promise with a when. Without one it reports the first vague promise, or else that no next step is given.',
  fields: {
    instructions: {
      ...PHRASE_LIST_SCHEMA,
      doc: 'Phrases that instruct the customer ("please send"): a sentence holding one is a next step, unless a courtesy phrase covers it or it stands in a further-help clause.',
      default: 'none: only verb forms the tagger reads as addressed to the customer count as instructions',
    },
    steps: {
      ...PHRASE_LIST_SCHEMA,
      required: true,
      doc: 'Phrases of a concrete action of ours ("I have refunded"): a sentence holding one is a next step, unless it also holds a vague phrase and no timing phrase.',
    },
    vague: {
      ...PHRASE_LIST_SCHEMA,
      required: true,
      doc: 'Vague promises ("we will look into it"): a sentence holding one is a next step only with a timing phrase, and is otherwise reported as vague when no sentence is a step.',
    },
    courtesy: {
      ...PHRASE_LIST_SCHEMA,
      doc: 'Politeness that is no instruction ("please note", "is there anything else"): an instruction inside one does not count, nor does a question in a sentence holding one.',
      default: 'none: every instruction and every question counts',
    },
    thanks: {
      ...PHRASE_LIST_SCHEMA,
      doc: 'Thanks that open the customer\'s latest message: when that message (at most 120 characters, no "?") opens with one, in the reply\'s language or English, the rule stays silent.',
      default: 'none: a thank-you from the customer does not silence the rule',
    },
    promises: {
      ...PHRASE_LIST_SCHEMA,
      doc: 'Words of a promise ("will", "arrives"): a sentence holding one and a timing phrase is a next step.',
      default: 'none: only a done or promised action that the tagger reads counts, and only with a timing phrase',
    },
    timing: {
      ...PHRASE_LIST_SCHEMA,
      doc: 'A when ("tomorrow", "by Friday"): it makes a vague phrase, a promise or a done or promised action in its sentence a next step.',
      default: 'none: a vague phrase is always vague, and promises and actions never count by their timing',
    },
    further: {
      ...PHRASE_LIST_SCHEMA,
      doc: 'Further-help phrases ("let us know if you need anything else"): an instruction or a question in their clause is no step, and the English grammar pass skips sentences holding one.',
      default: 'none: no clause is discounted',
    },
    praise: {
      ...PHRASE_LIST_SCHEMA,
      doc: 'Praise or thanks that mark small talk: when each of the customer\'s one to three messages is short (at most 280 characters, no "?"), holds praise or a hashtag or emoji, and holds no asks or trouble phrase, the rule stays silent.',
      default: 'none: no small talk is told (the rule asks for a next step whatever the customer wrote)',
    },
    asks: {
      ...PHRASE_LIST_SCHEMA,
      doc: 'Requests in a customer message ("can you", "I need"): a message holding one is no small talk (see praise).',
      default: 'none: no request keeps a message from being small talk',
    },
    trouble: {
      ...PHRASE_LIST_SCHEMA,
      doc: 'Problems in a customer message ("broken", "still waiting"): a message holding one is no small talk (see praise).',
      default: 'none: no problem word keeps a message from being small talk',
    },
    grammar: {
      type: 'boolean',
      doc: 'Whether an English reply that the phrase lists find step-less is read by the English grammar pass (compromise) for an imperative or commitment before it is reported.',
      default: 'true',
    },
  },
  messages: ['missing', 'vague'],
  fixable: () => false,
  compile(tools) {
    const { spec } = tools;
    const lists: Record<string, PhraseLists> = {};
    for (const key of [...SENTENCE_LISTS, 'thanks', 'praise', 'asks', 'trouble']) lists[key] = tools.phraseLists([key]);
    const useGrammar = spec.grammar !== false;
    // Small talk is told only by a rule that says what praise is: its phrase lists are there
    // whether the rule gives them or not, so the rule's own keys decide.
    const tellsSmallTalk = spec.praise !== undefined;
    return (input) => {
      const { doc, language } = input;
      if (isChatAnswer(input) || answersThanks(input, lists) || (tellsSmallTalk && smallTalk(input, lists))) return [];
      // Sentences of the agent's own words; a social reply's "^Amy" may share the last one.
      const sentences: Clause[] = doc.tagged
        .filter((s) => s.start < doc.content.end && s.end > doc.content.start)
        .map((s) => {
          const start = Math.max(s.start, doc.content.start);
          const end = Math.min(s.end, doc.content.end);
          // The words are tagged only if the phrase lists leave the sentence undecided.
          return start === s.start && end === s.end ? s : new ClippedSentence(start, end, s);
        });
      // Each list is looked for in the reply when a sentence first asks for it: a reply
      // whose first sentence is an instruction never runs the timing or vague lists.
      const cache = new Map<string, EntryMatch[]>();
      const found: Found = (list) => {
        let matches = cache.get(list);
        if (!matches) cache.set(list, (matches = findEntryMatches(doc, entriesFor(lists[list], language), doc.content)));
        return matches;
      };
      // One step anywhere is enough: the rest need not be classified.
      const verdicts: Verdict[] = [];
      for (const s of sentences) {
        const verdict = classify(input, s, found);
        if (verdict === 'step') return [];
        verdicts.push(verdict);
      }
      const vague = sentences.find((_, i) => verdicts[i] === 'vague');
      if (vague) return [{ start: vague.start, end: vague.end, message: 'vague', data: { sentence: doc.text.slice(vague.start, vague.end) } }];
      // English grammar catches imperatives and commitments the phrase lists miss;
      // compromise is loaded only here, for English replies that look step-less.
      // A further-help sentence ("Let us know if you need anything else") is no step,
      // whatever its grammar.
      if (useGrammar && language === 'en') {
        const further = found('further');
        const plain = sentences.filter((s) => within(further, s.start, s.end).length === 0);
        if (grammarSample(plain).some((s) => englishHasStep(doc.text.slice(s.start, s.end)))) return [];
      }
      const where = sentences[sentences.length - 1] ?? doc.opening;
      return [{ start: where.start, end: where.end, message: 'missing' }];
    };
  },
};
