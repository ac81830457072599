// `audit --vocabulary` (issue 11, item 4): the terms a team's agents use that its
// customers never or almost never do, candidate jargon for the team's config vocabulary.
//
// Terms are single words and sequences of two or three words read from the agents' own
// words (quoted history, placeholders, links, code, e-mail addresses, the greeting's
// names and the closing and signature left out), counted folded (case and diacritics
// ignored) per language group (English; Czech and Slovak together, which share their
// words and are often told apart wrongly in short messages), and shown as most often
// written. A term's words at both ends (its only word, for one) are words not common in
// its language (the frequency lists the build derives into dist/lexicon/derived.json) or
// acronyms no list knows; between them any words but numbers, ids and names.
//
// Workers extract (VocabularyCollector: a batch's terms, counted once per conversation,
// per agent, with their written forms; the customers' terms as hashes); the main thread
// merges (VocabularyTable), at bounded memory: at most MAX_TERMS agents' terms (the ones
// used in fewest conversations are dropped when there are more, lossy counting: a count
// may then be low by at most the threshold, which the report states) and customers'
// counts in a fixed-size table of hashes, pruned the same way past its size.
import { buildDocument, inLiteral, type Document } from '../document/document.js';
import { customerTexts } from '../input/conversation.js';
import { asName } from '../input/context-fields.js';
import { fnv } from '../engine/lexicon/hash.js';
import { derivedLists, lexiconData } from '../engine/lexicon/load.js';
import { joins, tokenize } from '../engine/lexicon/match.js';
import { fold, isUpper } from '../text/fold.js';
import type { Reply } from '../types.js';

/** English, or Czech and Slovak together. */
export type LanguageGroup = 'en' | 'cs';

/** How a word takes part in terms. */
const SKIP = 0; // a number, an id, a name, an address: no term holds it
const STOP = 1; // a function word: inside a sequence, never at its ends
const COMMON = 2; // a common word: inside a sequence, never alone
const RARE = 3; // a word the language's list does not hold as common
const ACRONYM = 4; // capitals (with digits: L2) that no list knows
type WordClass = typeof SKIP | typeof STOP | typeof COMMON | typeof RARE | typeof ACRONYM;

/** Ranks in the frequency lists (most frequent first) under which a word is a stop word, and common. */
const STOP_RANK = 250;
/** English words in capitals ranked under this (Czech and Slovak: under STOP_RANK) are common words shouted, not acronyms. */
const SHOUTED_RANK = 1000;
// Czech inflects, which spreads a word over many forms: its whole list (spoken Czech, then
// Wikipedia's words) counts as common; English its commonest third.
const COMMON_RANK: Record<LanguageGroup, number> = { en: 8000, cs: Infinity };

// No Slovak frequency list ships with the build; its function words and the commonest
// words the Czech list lacks (the rest it shares with Czech, folded).
const SLOVAK_COMMON = new Set(
  (
    'a aj ako ale alebo ani az bez bol bola boli bolo by bude budem budeme budete budu byt cez co do ho ich im ja je jeho jej ju k ked ktora ktore ktori ktory kto len lebo ma mam mame maju mate mi mna mne mozem mozeme mozete na nad nam nas nie nieco no o od okrem on ona oni po pod podla pre preco pred pri s sa si sme som ste su ta tak tam tato tento tiez to tu tuto uz v vam vas vo vsak z za ze zo ' +
    'dakujeme dakujem pozdravom prosim dobry den dna vasu vasej vasa vase nasu nasej nasa nase objednavku objednavky objednavka tovar zasielku zasielka zasielky spravu spravy sprava ospravedlnujeme ospravedlnujem ' +
    'medzi potom teraz vsetko vsetky ziadny ziadna ziadne kazdy kazda kazde iba dalsi dalsie tento tejto tomto dni dnes zajtra vcera tyzden tyzdna mesiac hned skoro coskoro mozno velmi viac menej este stale nic nikto niekto kde kedy preto pretoze ktoru ktoreho ktorej ktorych ktorym'
  ).split(' '),
);

interface WordLists {
  en: ReadonlyMap<string, number>;
  cs: ReadonlyMap<string, number>;
  /** Acronyms customers know (folded): common words, never terms alone. */
  known: ReadonlySet<string>;
}

let lists: WordLists | undefined;

/** The build's frequency lists and known acronyms, read once per thread (only for --vocabulary). */
function wordLists(): WordLists {
  if (!lists) {
    const derived = derivedLists();
    const rank = (words: readonly string[] = []) => {
      const m = new Map<string, number>();
      words.forEach((w, i) => {
        if (!m.has(w)) m.set(w, i);
      });
      return m;
    };
    let known: string[] = [];
    try {
      known = lexiconData().lexicon().compiled.knownAcronyms;
    } catch {
      // A lexicon that cannot be read leaves acronyms to the customers' counts.
    }
    lists = { en: rank(derived.englishWords), cs: rank(derived.czechWords), known: new Set([...known, ...(derived.knownAcronyms ?? []).map(fold)]) };
  }
  return lists;
}

/** Whether every letter of `written` is a capital (digits allowed) and it has one letter at least. */
function capitals(written: string): boolean {
  let letters = 0;
  for (const ch of written) {
    if (ch >= '0' && ch <= '9') continue;
    if (!isUpper(ch)) return false;
    letters++;
  }
  return letters > 0;
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) return true;
  return false;
}

/** The class of a word: `written` as in the text, `folded` its folded form. */
export function wordClass(written: string, folded: string, group: LanguageGroup): WordClass {
  const l = wordLists();
  if (hasDigit(folded)) {
    // A level, a priority or a tier ("L2", "P1", "T3"); anything else with digits is a number or an id.
    return folded.length <= 3 && /[a-z]/.test(folded) && capitals(written) ? ACRONYM : SKIP;
  }
  if (folded.length === 1) return STOP;
  const rank = group === 'en' ? (l.en.get(folded) ?? Infinity) : Math.min(l.cs.get(folded) ?? Infinity, SLOVAK_COMMON.has(folded) ? 0 : Infinity);
  if (written.length >= 2 && written.length <= 5 && capitals(written)) {
    if (l.known.has(folded)) return COMMON;
    // A very common word in capitals is emphasis ("NOT", "OK", "JE"), not an acronym; a
    // rarer one is read as the acronym it is written as ("SLA", though "šla" is Czech).
    const en = l.en.get(folded) ?? Infinity;
    if (en < SHOUTED_RANK || (group === 'cs' && rank < STOP_RANK)) return rank < STOP_RANK ? STOP : COMMON;
    return ACRONYM;
  }
  if (rank < STOP_RANK) return STOP;
  return rank < COMMON_RANK[group] ? COMMON : RARE;
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029;

/**
 * The word stands in an e-mail address, a domain, a handle, a hashtag, a path or a code
 * ("KXJ-4492"): read in the run of text without spaces around it (80 characters each way at most).
 */
function inAddressOrCode(text: string, start: number, end: number): boolean {
  // Most words stand between spaces and sentence punctuation: no scan for them.
  const before = start > 0 ? text.charCodeAt(start - 1) : 32;
  const after = end < text.length ? text.charCodeAt(end) : 32;
  const afterNext = end + 1 < text.length ? text.charCodeAt(end + 1) : 32;
  const plainBefore = isSpace(before) || before === 40 || before === 34 || before === 39 || before === 0x201e || before === 0x201c;
  const plainAfter =
    isSpace(after) ||
    after === 44 ||
    after === 59 ||
    after === 58 ||
    after === 33 ||
    after === 63 ||
    after === 41 ||
    after === 34 ||
    after === 39 ||
    after === 0x201c ||
    (after === 46 && isSpace(afterNext));
  if (plainBefore && plainAfter) return false;
  const REACH = 80;
  let s = start;
  while (s > 0 && start - s < REACH && !isSpace(text.charCodeAt(s - 1))) s--;
  let e = end;
  while (e < text.length && e - end < REACH && !isSpace(text.charCodeAt(e))) e++;
  if (text[s] === '@' || text[s] === '#') return true;
  for (let i = s; i < e; i++) {
    const ch = text[i];
    if (ch === '@' || ch === '/' || ch === '\\' || ch === '_' || ch === '=' || ch === '&') return true;
    if (ch === '.' && i > s && i + 1 < e && /[\p{L}\p{N}]/u.test(text[i - 1]) && /[\p{L}\p{N}]/u.test(text[i + 1])) return true;
  }
  const digit = (i: number) => i >= 0 && i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;
  return (text[start - 1] === '-' && digit(start - 2)) || (text[end] === '-' && digit(end + 1));
}

/** The folded words of a name ("Jana Nováková" → jana, novakova), two letters or more. */
export function nameWords(name: string | undefined): string[] {
  if (!name) return [];
  return tokenizeWords(fold(name)).filter((w) => w.length >= 2);
}

function tokenizeWords(folded: string): string[] {
  const t = tokenize(folded, 0, folded.length);
  const out: string[] = [];
  for (let i = 0; i < t.length; i += 2) out.push(folded.slice(t[i], t[i + 1]));
  return out;
}

/**
 * The names of one conversation, with their Czech and Slovak cases: a word is a name when
 * it is one, or shares all of a name but its last two letters and is about as long
 * ("Nováku", "Jano", "Marku" from Novák, Jana, Marek).
 */
class ConversationNames {
  private readonly exact = new Set<string>();
  private readonly stems: string[] = [];

  add(word: string): void {
    if (this.exact.has(word)) return;
    this.exact.add(word);
    if (word.length >= 4) this.stems.push(word.slice(0, Math.max(3, word.length - 2)));
  }

  has(word: string): boolean {
    if (this.exact.has(word)) return true;
    for (const stem of this.stems) if (word.startsWith(stem) && word.length <= stem.length + 5) return true;
    return false;
  }
}

/** A term's key: its language group and its folded words. */
export const termKey = (group: LanguageGroup, words: readonly string[]) => `${group}:${words.join(' ')}`;
/** The hash a customer's term is counted under. */
export const termHash = (key: string) => fnv(key) || 1;

/** A word right after "^" or "*", or after a dash that follows a space: a social reply's signature. */
function signOff(text: string, start: number): boolean {
  const before = text[start - 1];
  if (before === '^' || before === '*') return true;
  return (before === '-' || before === '–' || before === '—' || before === '~') && (start < 2 || isSpace(text.charCodeAt(start - 2)));
}

interface Word {
  start: number;
  end: number;
  folded: string;
  cls: WordClass;
}

/**
 * The greeting's part of the opening line ("Hi Anna," "Dobrý den, pane Nováku,"): up to its
 * last comma when the line ends with one, else up to its first. Its capitalised words
 * that are not common words are names.
 */
function greetingEnd(doc: Document): number {
  const { start, end } = doc.opening;
  const line = doc.text.slice(start, end);
  const comma = line.trimEnd().endsWith(',') ? line.trimEnd().length - 1 : line.indexOf(',');
  return comma >= 0 ? start + comma + 1 : start;
}

/**
 * The terms of text[from, to) of a parsed message, each as (key, written form). `names`
 * are the conversation's; `greeting` is where the greeting ends (its words are no terms).
 */
function termsIn(
  doc: Document,
  from: number,
  to: number,
  group: LanguageGroup,
  names: ConversationNames,
  greeting: number,
  emit: (key: string, written: string) => void,
  signedBy?: (word: string) => void,
): void {
  const { text, folded } = doc;
  const tokens = tokenize(folded, from, to);
  let run: Word[] = [];
  for (let t = 0; t < tokens.length; t += 2) {
    const start = tokens[t];
    const end = tokens[t + 1];
    const word = folded.slice(start, end);
    if (signOff(text, start)) {
      // "^SR", "*JohnWard", " -TB": initials or a name signing a social reply.
      signedBy?.(word);
      run = [];
      continue;
    }
    let cls: WordClass =
      start < greeting || inLiteral(doc, start, end) || names.has(word) || inAddressOrCode(text, start, end)
        ? SKIP
        : wordClass(text.slice(start, end), word, group);
    if (cls === SKIP) {
      run = [];
      continue;
    }
    if (run.length && !joins(text, run[run.length - 1].end, start)) run = [];
    run.push({ start, end, folded: word, cls });
    if (run.length > 3) run.shift();
    // Every sequence ending at this word: one, two and three words.
    for (let n = 1; n <= run.length; n++) {
      const seq = run.slice(run.length - n);
      const first = seq[0].cls;
      cls = seq[n - 1].cls;
      // A word alone is a term when it is rare or an acronym; a sequence when both its ends are.
      if (first < RARE || cls < RARE) continue;
      emit(
        termKey(
          group,
          seq.map((w) => w.folded),
        ),
        text.slice(seq[0].start, seq[n - 1].end).replace(/\s+/g, ' '),
      );
    }
  }
}

/**
 * A batch's vocabulary for the main thread to merge, flat: strings in lists and counts in
 * typed arrays, which move between threads as bytes (a Map of Maps per term was cloned
 * object by object, and cost the main thread more than the workers' reading).
 */
export interface VocabularyPart {
  /** The terms (termKey). */
  keys: string[];
  /** Per term: conversations in which agents use it. */
  counts: Uint32Array;
  /** Per term: its form written in most of them, and in how many. */
  forms: string[];
  formCounts: Uint32Array;
  /** The batch's agents (real names, or "(unknown agent)"). */
  agents: string[];
  /** Per term i, its agents are agentIds[agentStarts[i] … agentStarts[i + 1]), with agentCounts conversations each. */
  agentStarts: Uint32Array;
  agentIds: Uint32Array;
  agentCounts: Uint32Array;
  /** Hashes of the customers' terms (termHash), each once per conversation that uses it. */
  customers: Uint32Array;
  /** Folded words of names: customers' and agents' from the export, and names found in greetings. */
  names: string[];
  conversations: number;
  agentReplies: number;
  customerMessages: number;
}

/** The typed arrays of a part, for a worker to move rather than copy. */
export const partBuffers = (p: VocabularyPart): ArrayBuffer[] =>
  [p.counts, p.formCounts, p.agentStarts, p.agentIds, p.agentCounts, p.customers].map((a) => a.buffer as ArrayBuffer);

const UNKNOWN_AGENT = '(unknown agent)';
/** Names a batch sends at most (the main thread keeps its own bound). */
const MAX_BATCH_NAMES = 20_000;
const GROUPS: readonly LanguageGroup[] = ['en', 'cs'];
const groupOf = (doc: Document): LanguageGroup => (doc.language === 'en' ? 'en' : 'cs');

/** A batch's terms, one conversation at a time (in a worker thread, or in the main one with --workers 1). */
export class VocabularyCollector {
  // A batch's terms in parallel arrays by index: a 256 KB block of long e-mails holds some
  // 40,000 distinct terms, and an object with two Maps each overran a worker's 32 MB heap.
  private readonly index = new Map<string, number>();
  private readonly counts: number[] = [];
  /** The first form seen; other forms, with their counts, only for the few terms written several ways. */
  private readonly forms: string[] = [];
  private readonly otherForms = new Map<number, Map<string, number>>();
  /** Per term: agent ids and conversations, in pairs. */
  private readonly termAgents: number[][] = [];
  private readonly agents: string[] = [];
  private readonly agentIds = new Map<string, number>();
  private readonly customers: number[] = [];
  private readonly names = new Set<string>();
  private conversations = 0;
  private agentReplies = 0;
  private customerMessages = 0;

  /**
   * One conversation: `replies` are its agent messages as the audit reads them (those
   * outside --agent, --since and --until left out by the caller), `conversation` the
   * parsed conversation, for its customers' messages and names.
   */
  add(conversation: unknown, replies: readonly Reply[]): void {
    const names = new ConversationNames();
    const metadata = conversation !== null && typeof conversation === 'object' ? (conversation as { customer?: unknown; agent?: unknown }) : {};
    const known = [...nameWords(asName(metadata.customer)), ...nameWords(asName(metadata.agent))];
    for (const reply of replies) known.push(...nameWords(reply.context.customerName), ...nameWords(reply.context.agentName));
    for (const w of known) {
      names.add(w);
      this.addName(w);
    }
    const docs = replies.map((reply) => buildDocument(reply.text, { language: reply.context.language }));
    // Names in greetings ("Hi Anna,", "Dobrý den, pane Nováku,"): capitalised words that are no common word.
    for (const doc of docs) {
      const group = groupOf(doc);
      const end = greetingEnd(doc);
      const t = tokenize(doc.folded, doc.opening.start, end);
      for (let i = 2; i < t.length; i += 2) {
        const written = doc.text.slice(t[i], t[i + 1]);
        const folded = doc.folded.slice(t[i], t[i + 1]);
        if (folded.length >= 2 && isUpper(written[0]) && !capitals(written) && wordClass(written, folded, group) >= RARE) {
          names.add(folded);
          this.addName(folded);
        }
      }
    }
    // This conversation's terms: the form first written, and the agents (ids) who use it.
    const inConversation = new Map<string, { form: string; agents: number[] }>();
    docs.forEach((doc, i) => {
      const agent = this.agentId(replies[i].context.agentName ?? UNKNOWN_AGENT);
      this.agentReplies++;
      termsIn(
        doc,
        0,
        doc.content.end,
        groupOf(doc),
        names,
        greetingEnd(doc),
        (key, written) => {
          const entry = inConversation.get(key);
          if (!entry) inConversation.set(key, { form: written, agents: [agent] });
          else if (!entry.agents.includes(agent)) entry.agents.push(agent);
        },
        (word) => this.addName(word),
      );
    });
    for (const [key, { form, agents }] of inConversation) {
      let i = this.index.get(key);
      if (i === undefined) {
        this.index.set(key, (i = this.counts.push(0) - 1));
        this.forms.push(form);
        this.termAgents.push([]);
      }
      this.counts[i]++;
      if (form !== this.forms[i] || this.otherForms.has(i)) {
        let other = this.otherForms.get(i);
        if (!other) this.otherForms.set(i, (other = new Map([[this.forms[i], this.counts[i] - 1]])));
        other.set(form, (other.get(form) ?? 0) + 1);
      }
      const pairs = this.termAgents[i];
      for (const agent of agents) {
        let k = 0;
        while (k < pairs.length && pairs[k] !== agent) k += 2;
        if (k < pairs.length) pairs[k + 1]++;
        else pairs.push(agent, 1);
      }
    }
    const customerTerms = new Set<number>();
    for (const text of customerTexts(conversation)) {
      this.customerMessages++;
      const doc = buildDocument(text);
      // Customers' words are counted generously (the whole message but quoted history, and
      // in both language groups, as a short message's language is a guess): a count too
      // high hides a term, one too low would list a word customers use.
      for (const group of GROUPS) termsIn(doc, 0, doc.end, group, names, 0, (key) => customerTerms.add(termHash(key)));
    }
    for (const h of customerTerms) this.customers.push(h);
    this.conversations++;
  }

  private addName(word: string): void {
    if (this.names.size < MAX_BATCH_NAMES) this.names.add(word);
  }

  private agentId(agent: string): number {
    let id = this.agentIds.get(agent);
    if (id === undefined) this.agentIds.set(agent, (id = this.agents.push(agent) - 1));
    return id;
  }

  part(): VocabularyPart {
    const n = this.counts.length;
    const forms = this.forms.slice();
    const formCounts = Uint32Array.from(this.counts);
    for (const [i, other] of this.otherForms) {
      forms[i] = mostFrequent(other);
      formCounts[i] = other.get(forms[i])!;
    }
    const agentStarts = new Uint32Array(n + 1);
    let total = 0;
    for (let i = 0; i < n; i++) {
      agentStarts[i] = total;
      total += this.termAgents[i].length / 2;
    }
    agentStarts[n] = total;
    const agentIds = new Uint32Array(total);
    const agentCounts = new Uint32Array(total);
    for (let i = 0, j = 0; i < n; i++) {
      const pairs = this.termAgents[i];
      for (let k = 0; k < pairs.length; k += 2, j++) [agentIds[j], agentCounts[j]] = [pairs[k], pairs[k + 1]];
    }
    return {
      keys: [...this.index.keys()],
      counts: Uint32Array.from(this.counts),
      forms,
      formCounts,
      agents: this.agents,
      agentStarts,
      agentIds,
      agentCounts,
      customers: Uint32Array.from(this.customers),
      names: [...this.names],
      conversations: this.conversations,
      agentReplies: this.agentReplies,
      customerMessages: this.customerMessages,
    };
  }
}

export function mostFrequent(forms: ReadonlyMap<string, number>): string {
  let best = '';
  let count = -1;
  for (const [form, n] of forms) if (n > count || (n === count && form < best)) [best, count] = [form, n];
  return best;
}
