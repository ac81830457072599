// required-when: when the context shows a trigger (the customer reports a problem, or
// the reply admits one), the reply must hold one of the required phrases. Phrases in
// `forbid` are reported wherever they stand beside a required one (a non-apology is
// never the apology; each hedges one: "sorry for any inconvenience").
import { splitSentences, type Sentence } from '../../document/sentences.js';
import { fold } from '../../text/fold.js';
import { entriesFor, matchEntry, PHRASE_LIST_SCHEMA, type EntryMatch, type PhraseEntry, type PhraseLists } from '../phrase-list.js';
import { candidateEntries } from '../entry-filter.js';
import type { CheckInput, Finding, RuleKind } from '../rule.js';
import { findMatches, textMatches } from './shared.js';

/**
 * How many earlier turns of each side are read: the customer's before their latest, and
 * the agent's. Reading the whole history for every reply made a 20,000-message
 * conversation quadratic (issue 10, item 5); a problem raised ten turns back and never
 * answered has been talked past. (The labelled corpora hold at most three customer turns
 * before a reply.)
 */
const EARLIER_TURNS = 10;

/**
 * What may stand between a negation and the trigger it takes back: at most two words, no
 * clause break ("not really damaged", "není vůbec poškozené"; not "not sure, but it is
 * broken").
 */
const NEGATION_REACH = /^\s*(?:[^\s,;:.!?()"]+\s+){0,2}$/;

/**
 * Whether a text reports a problem: a trigger matches and is not taken back by a
 * negation or hypothesis just before it ("the box isn't damaged", "what if it doesn't
 * fit?", "pokud nedorazí"). The trigger lists cannot say this themselves: a
 * construction's `none` blocks a whole sentence, and "the box isn't damaged but the
 * vase is broken" still reports a problem (issue 11, item 5).
 */
function reportsProblem(text: string, triggers: readonly PhraseEntry[], negations: readonly PhraseEntry[]): boolean {
  const folded = fold(text);
  if (!negations.length) return textMatches(text, folded, triggers);
  let sentences: Sentence[] | undefined;
  let negated: EntryMatch[] | undefined;
  for (const entry of candidateEntries(triggers, text, folded)) {
    const found = matchEntry(entry, text, folded, 0, text.length, [], entry.construction ? (sentences ??= splitSentences(text, 0, text.length)) : undefined);
    if (!found.length) continue;
    // The negations only once a trigger is found (most texts have none), each found once.
    negated ??= candidateEntries(negations, text, folded)
      .flatMap((n) => matchEntry(n, text, folded, 0, text.length))
      .sort((a, b) => a.end - b.end);
    if (found.some((m) => !takenBack(m, negated!, folded))) return true;
  }
  return false;
}

/** Whether a negation (sorted by end) ends within reach before a match: a binary search, then a few steps. */
function takenBack(m: EntryMatch, negated: readonly EntryMatch[], folded: string): boolean {
  let lo = 0;
  let hi = negated.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (negated[mid].end < m.start - 40) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < negated.length && negated[i].end <= m.start; i++) {
    if (NEGATION_REACH.test(folded.slice(negated[i].end, m.start))) return true;
  }
  return false;
}

function customerTriggered(input: CheckInput, triggers: PhraseLists, required: PhraseLists, negation: PhraseLists): boolean {
  const { context } = input.reply;
  if (!context.customerMessages.length) return false;
  // Customers write in their own language, which need not be the reply's: English is
  // tried too, once the reply's language finds no problem (its lists compiled only then).
  const { language } = input;
  const negations = negation.withEnglish(language);
  const reports = (text: string) =>
    reportsProblem(text, entriesFor(triggers, language), negations) || (language !== 'en' && reportsProblem(text, entriesFor(triggers, 'en'), negations));
  // The customer's latest turn counts; an earlier one counts until the agent has
  // answered it with a required phrase (no need to apologise twice for one problem).
  const latest = context.customerMessages.at(-1);
  if (latest !== undefined && reports(latest)) return true;
  const answered = context.previousAgentMessages.slice(-EARLIER_TURNS).some((m) => textMatches(m, fold(m), entriesFor(required, input.language)));
  return !answered && context.customerMessages.slice(-EARLIER_TURNS - 1, -1).some(reports);
}

export const requiredWhen: RuleKind = {
  name: 'required-when',
  doc: "When a trigger shows (the customer reports a problem, or the reply admits one), the agent's own words must hold one of the required phrases. Forbidden phrases are reported wherever a required one stands.",
  fields: {
    when: {
      type: 'object',
      fields: { customer: PHRASE_LIST_SCHEMA, reply: PHRASE_LIST_SCHEMA },
      doc: "The triggers: customer, phrases looked for (in the reply's language, then English) in the customer's latest message, or in their 10 earlier ones unless one of the agent's last 10 messages held a required phrase; reply, phrases of an admission in the agent's own words.",
      default: 'none: the phrase is always required',
    },
    require: { ...PHRASE_LIST_SCHEMA, required: true, doc: "Phrases one of which the agent's own words must hold when a trigger shows." },
    forbid: {
      ...PHRASE_LIST_SCHEMA,
      doc: 'Phrases reported wherever the reply also holds a required phrase, triggered or not (a hedged apology); they need the message key "forbidden".',
      default: 'none: nothing is reported as forbidden',
    },
    negation: {
      ...PHRASE_LIST_SCHEMA,
      doc: 'Words that take back a customer\'s trigger standing just after them, at most two words on and in the same clause ("not damaged").',
      default: 'none: every customer trigger counts',
    },
  },
  messages: ['missing'],
  fixable: () => false,
  messagesWith: { forbidden: 'forbid' },
  compile(tools) {
    const { spec } = tools;
    // Without `when`, the phrase is always required (further-help).
    const always = spec.when === undefined;
    const customer = tools.phraseLists(['when', 'customer']);
    const admitted = tools.phraseLists(['when', 'reply']);
    const required = tools.phraseLists(['require']);
    const forbidden = tools.phraseLists(['forbid']);
    const negation = tools.phraseLists(['negation']);
    return (input) => {
      const { doc, language } = input;
      let held: boolean | undefined;
      const holdsRequired = () => (held ??= findMatches(doc, required, language, doc.content).length > 0);
      // A forbidden phrase hedges a required one ("sorry for any inconvenience" holds
      // "sorry"), so it is looked for only where a required phrase stands: most replies
      // then never pay for the forbid list, the rule's costliest (constructions over
      // classes), which a reply of megabytes made the rule's main cost.
      if (entriesFor(forbidden, language).length && holdsRequired()) {
        const findings: Finding[] = [];
        let lastEnd = -1;
        for (const m of findMatches(doc, forbidden, language, doc.content)) {
          if (m.start < lastEnd) continue; // two phrasings of one non-apology
          lastEnd = m.end;
          findings.push({ start: m.start, end: m.end, message: 'forbidden', messageText: m.entry.message, data: { match: doc.text.slice(m.start, m.end) } });
        }
        if (findings.length) return findings;
      }
      const missing: Finding[] = [{ start: doc.opening.start, end: doc.opening.end, message: 'missing' }];
      // The context's trigger first: without one, the required phrases need not even be compiled.
      if (always || customerTriggered(input, customer, required, negation)) return holdsRequired() ? [] : missing;
      // The reply's own admission is read last: it is many phrases over the whole reply,
      // and a reply that holds a required phrase needs no reading for it.
      if (!entriesFor(admitted, language).length || holdsRequired()) return [];
      return findMatches(doc, admitted, language, doc.content).length ? missing : [];
    };
  },
};
