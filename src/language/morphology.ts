// Grammatical tags for the words of a reply, from suffix rules (Czech, Slovak) and a
// few auxiliary patterns (English). Enough to tell who does what and when: an
// instruction to the customer ("pošlete", "skúste", "heslo si změníte"), an action of
// ours that is done ("poslala jsem", "opravili sme", "I've moved"), a status in the
// passive ("byla odeslána", "bola odoslaná", "has been shipped"), a promise in the
// future ("budeme", "we'll"). Issue 11, item 3.
//
// Every rule reads the folded text (lower case, no diacritics): a reply typed without
// accents is tagged exactly as the accented one. That costs the distinctions that only
// accents make ("pošlete" and "klikněte" fold to the same ending as "najdete"); both are
// the customer's verb in the second person, which is what a rule asks.
//
// No dictionary: a suffix rule errs on nouns in the locative ("na poště" → "poste"),
// adverbs ("jistě") and loanwords, so a word after a preposition, and a short list of
// frequent non-verbs, are never verbs. English imperatives need a parser: compromise
// stays in en-grammar.ts, loaded only when a rule cannot decide without it.
import type { Language } from '../types.js';
import { ENGLISH_GRAMMAR, languageList, onLanguageFilesChanged, SLAVIC_GRAMMAR, type LanguageFile } from './data.js';

/** One word, with its offsets into the reply and its folded form. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly folded: string;
  /** A bit set of TAG values. */
  tags: number;
  /** A comma, semicolon, colon or dash stands between this word and the one before. */
  readonly commaBefore: boolean;
}

export const TAG = {
  /** Second person, imperative or present/future: "pošlete", "zkuste", "najdete", "nájdete", "obdržíte". */
  you: 1 << 0,
  /** Of those, a form that is imperative by its ending ("zkuste", "vyberte", "zadejte", "skúste"). */
  imperative: 1 << 1,
  /** A second-person modal with an infinitive: "můžete změnit", "musíte se přihlásit", "you can change", "you'll need to". */
  youModal: 1 << 2,
  /** Second-person future or present declarative in English: "you'll find", "you will receive", "you'll get". */
  youWill: 1 << 3,
  /** First-person past: "poslala jsem", "opravili jsme", "poslal som", "I've sent", "we moved". */
  ourPast: 1 << 4,
  /** A past form with no first person: "zásilka odešla", "balík dorazil", "it left". */
  past: 1 << 5,
  /** A passive participle after a form of "be": "byla odeslána", "bola odoslaná", "je vyřízeno", "was dispatched". */
  passive: 1 << 6,
  /** A future of ours or of the thing: "budeme", "bude", "budú", "we'll", "will". */
  future: 1 << 7,
  /** A reflexive "si" beside a verb of the customer: "stáhněte si", "heslo si změníte". */
  reflexiveSi: 1 << 8,
  /** A negated verb: "nemůžeme", "neposkytujeme", "don't". */
  negated: 1 << 9,
  /** A first-person present or future verb (plural or singular): "pošleme", "zavolám", "pošlem". */
  ourPresent: 1 << 10,
  /** A word that opens a condition: "pokud", "kdyby", "ak", "keby", "if", "when". */
  condition: 1 << 11,
  /**
   * A word in a clause opened by a condition or a subordinator ("pokud máte…", "že
   * nakupujete…", "as you said…", "if you can…"), up to the next comma: it describes
   * or supposes, it does not instruct.
   */
  subordinate: 1 << 12,
} as const;

export type TagName = keyof typeof TAG;

export function hasTag(tags: number, name: TagName): boolean {
  return (tags & TAG[name]) !== 0;
}

/** The names of the tags in a bit set: for tests and debugging. */
export function tagNames(tags: number): TagName[] {
  return (Object.keys(TAG) as TagName[]).filter((n) => tags & TAG[n]);
}

// Folded words: a-z and digits, with an English apostrophe ("you'll", "we've").
const WORD = /[a-z0-9]+(?:'[a-z]+)?/g;

/** The words of folded text between `from` and `to`. */
export function tokenize(folded: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = from;
  let m: RegExpExecArray | null;
  let last = from;
  while ((m = WORD.exec(folded)) !== null && m.index < to) {
    const end = Math.min(m.index + m[0].length, to);
    const between = folded.slice(last, m.index);
    tokens.push({ start: m.index, end, folded: m[0], tags: 0, commaBefore: /[,;:–—]|\s-\s/.test(between) });
    last = end;
  }
  return tokens;
}

// ---- Czech and Slovak ----------------------------------------------------------------

// The function words the tagging reads, from rules/language/cs-sk.yaml (grammar), on
// first use: prepositions (a word after one is no verb), words that end like a
// second-person verb and are none, modals, auxiliaries, condition and clause openers.
let slavic: Record<(typeof SLAVIC_GRAMMAR)[number], Set<string>> | undefined;
const slavicWords = () => (slavic ??= wordSets('cs-sk', SLAVIC_GRAMMAR));
onLanguageFilesChanged(() => {
  slavic = undefined;
  english = undefined;
});

/** Sets of a language file's grammar lists, by key. */
function wordSets<K extends string>(file: LanguageFile, keys: readonly K[]): Record<K, Set<string>> {
  return Object.fromEntries(keys.map((k) => [k, new Set(languageList(file, `grammar.${k}`))])) as Record<K, Set<string>>;
}

// Nouns in the locative that end like a verb once folded: "lokalitě", "kvalitě",
// "lhůtě", "tržiště", "hřiště", "mostě", "prostě" (not "napište": -piste is the verb).
const NOUN_LOCATIVE = /(?:alite|ivite|acite|orite|unite|ute|[^p]iste|oste|aste)$/;

const VOWELS = 'aeiouy';

/** A second-person plural verb by its folded ending: imperative or present/future. */
function secondPerson(word: string): 0 | typeof TAG.you | number {
  if (word.length < 4 || !word.endsWith('te')) return 0;
  const bare = word.startsWith('ne') && word.length > 6 ? word.slice(2) : word;
  if (slavicWords().notYou.has(word) || slavicWords().notYou.has(bare) || NOUN_LOCATIVE.test(word)) return 0;
  const before = bare.charAt(bare.length - 3);
  // zkuste, vyberte, napište, zadejte, počkajte, sledujte, nastavte, skúste, napíšte
  if (!VOWELS.includes(before)) return TAG.you | TAG.imperative;
  // pošlite, kliknite, stiahnite (sk); klikněte, stáhněte (cs): -ite / -nete
  return TAG.you;
}

/** An l-participle: "poslal", "poslala", "opravili", "odešlo", "přesunuli", "prepol", "řekl". */
function isPastParticiple(word: string): boolean {
  if (word.length < 4 || slavicWords().notPast.has(word)) return false;
  const m = /([a-z])(?:l|la|lo|li|ly)$/.exec(word);
  return m !== null && 'aeiouysdtkrzcpbnhv'.includes(m[1]) && /[aeiouy]/.test(word.slice(0, m.index));
}

/** A passive participle: "odeslána", "odoslaná", "vyřízeno", "vrácené", "zrušený", "přesunuta". */
function isPassiveParticiple(word: string): boolean {
  if (word.length < 5) return false;
  return (
    /(?:[aeiy]n|[aeiy]na|[aeiy]no|[aeiy]ni|[aeiy]ny|ene|eny|any|ane|ata|ato|ate|aty|uta|uto|ute|uty|ity|ita|ito)$/.test(word) &&
    /(?:an|en|at|ut|it|yt)[aeoiy]?$/.test(word)
  );
}

/** First-person present/future by its ending: "pošleme", "zavolám", "vrátíme", "pošlem", "ozveme". */
function isOurPresent(word: string): boolean {
  return word.length >= 5 && /(?:eme|ime|ame|ujeme|uji|uju|im|am|em)$/.test(word);
}

function tagSlavic(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const w = t.folded;
    const prev = tokens[i - 1]?.folded;
    const afterPreposition = prev !== undefined && slavicWords().prepositions.has(prev);
    if (slavicWords().conditions.has(w)) t.tags |= TAG.condition;
    if (w.startsWith('ne') && w.length > 5) t.tags |= TAG.negated;
    if (!afterPreposition) t.tags |= secondPerson(w);
    if (slavicWords().youModals.has(w) || (w.startsWith('ne') && slavicWords().youModals.has(w.slice(2)))) {
      // "můžete si ho stáhnout", "musíte se přihlásit": an infinitive within three words
      for (let j = i + 1; j < Math.min(tokens.length, i + 5); j++) {
        const next = tokens[j].folded;
        if (next.length >= 4 && /(?:t|ti|ct|ci)$/.test(next) && !/(?:ost|ist|est|ast|nt)$/.test(next)) {
          t.tags |= TAG.youModal;
          break;
        }
      }
    }
    if (w === 'si') {
      const near = [tokens[i - 1], tokens[i + 1], tokens[i - 2], tokens[i + 2]];
      if (near.some((n) => n?.folded.endsWith('te') && !slavicWords().notYou.has(n.folded))) t.tags |= TAG.reflexiveSi;
    }
    if (slavicWords().futureAux.has(w)) t.tags |= TAG.future;
    if (!afterPreposition && isPastParticiple(w)) {
      // "poslala jsem", "jsme opravili", "som poslal": the auxiliary within two words
      const near = [tokens[i - 1], tokens[i - 2], tokens[i + 1], tokens[i + 2]];
      // "jste psal", "ste písali": what the customer did, no action of anyone's now.
      if (!near.some((n) => n && (n.folded === 'jste' || n.folded === 'ste' || n.folded === 'jsi'))) {
        t.tags |= near.some((n) => n && slavicWords().firstPersonAux.has(n.folded)) ? TAG.ourPast : TAG.past;
      }
    }
    if (isPassiveParticiple(w) && !afterPreposition) {
      // The auxiliary gives the tense: "byla odeslána" done, "bude odeslána" promised, "je vyřízeno" a state.
      const be = [tokens[i - 1], tokens[i - 2], tokens[i - 3]].find((n) => n && slavicWords().bePast.has(n.folded));
      if (be) t.tags |= TAG.passive | (/^(?:byl|bol)/.test(be.folded) ? TAG.past : /^bud/.test(be.folded) ? TAG.future : 0);
    }
    if (!afterPreposition && isOurPresent(w) && !(t.tags & TAG.you) && !slavicWords().notOurs.has(w)) t.tags |= TAG.ourPresent;
  }
  markSubordinate(tokens, (w) => slavicWords().conditions.has(w) || slavicWords().subordinators.has(w));
}

/** Tag the words of a clause a condition or subordinator opens, up to its comma. */
function markSubordinate(tokens: Token[], opens: (word: string) => boolean, folded?: string): void {
  let open = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // A comma between two words closes the clause ("Pokud máte dotaz, napište nám").
    if (open && i > 0 && t.commaBefore) open = false;
    if (opens(t.folded)) open = true;
    else if (open) t.tags |= TAG.subordinate;
  }
  void folded;
}

// ---- English -------------------------------------------------------------------------

// From rules/language/en.yaml (grammar), on first use: forms of "be", the customer's
// modals, condition words, things that move ("it left"), clause openers.
let english: Record<(typeof ENGLISH_GRAMMAR)[number], Set<string>> | undefined;
const englishWords = () => (english ??= wordSets('en', ENGLISH_GRAMMAR));

function tagEnglish(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const w = t.folded;
    const prev = tokens[i - 1]?.folded;
    if (englishWords().conditions.has(w) && i === 0) t.tags |= TAG.condition;
    if (w === 'if' || w === 'unless') t.tags |= TAG.condition;
    if (w === 'not' || w.endsWith("n't") || w === 'never') t.tags |= TAG.negated;
    if (w === "you'll" || (w === 'will' && prev === 'you')) t.tags |= TAG.youWill;
    // "you can change it", "you'll need to", "you'd need to", "you just need to"
    // Not "you should have read…", "you could have…": a reproach or a guess about the past.
    const next = tokens[i + 1]?.folded;
    if (
      prev !== undefined &&
      (prev === 'you' || prev === "you'll" || prev === "you'd" || prev === 'just' || prev === 'simply') &&
      englishWords().modals.has(w) &&
      next !== 'have' &&
      next !== "'ve" &&
      !(w === 'may' && (next === 'be' || next === 'not' || next === 'notice' || next === 'see'))
    )
      t.tags |= TAG.youModal;
    if ((w === "you'll" || w === "you'd") && ['need', 'have', 'want', 'be'].includes(tokens[i + 1]?.folded ?? '')) t.tags |= TAG.youModal;
    if (w === 'need' && (prev === 'you' || prev === 'just')) t.tags |= TAG.youModal;
    if (w === "we'll" || w === "i'll" || (w === 'will' && (prev === 'we' || prev === 'i'))) t.tags |= TAG.future;
    if (/(?:ed|sent|made|put|left|gone|done|set)$/.test(w) && w.length > 3 && !w.endsWith('eed')) {
      if (
        prev === "i've" ||
        prev === "we've" ||
        prev === 'i' ||
        prev === 'we' ||
        ((prev === 'have' || prev === 'just' || prev === 'already') && ['i', 'we', "i've", "we've"].includes(tokens[i - 2]?.folded ?? ''))
      )
        t.tags |= TAG.ourPast;
      else if (
        prev !== undefined &&
        (englishWords().be.has(prev) || ((prev === 'already' || prev === 'now' || prev === 'just') && englishWords().be.has(tokens[i - 2]?.folded ?? '')))
      ) {
        const be = englishWords().be.has(prev) ? prev : tokens[i - 2].folded;
        const before = tokens[i - (englishWords().be.has(prev) ? 2 : 3)]?.folded ?? '';
        // "was sent", "has been shipped": done; "will be sent": promised; "is closed": a state.
        // "is already confirmed": done; "is expected to be confirmed by Friday": promised.
        const already = prev === 'already' || prev === 'now';
        const tense =
          be === 'was' || be === 'were' || be === 'been' || already
            ? TAG.past
            : be === 'be' && (before === 'will' || before === 'to' || before.endsWith("'ll"))
              ? TAG.future
              : 0;
        t.tags |= TAG.passive | tense;
      }
      // "it left", "your order shipped", "the parcel arrived": a thing moved, not "we're closed".
      else if (prev !== undefined && englishWords().movers.has(prev)) t.tags |= TAG.past;
    }
  }
  markSubordinate(tokens, (w) => englishWords().subordinators.has(w));
}

/** Tag the tokens of one sentence in place; returns the union of their tags. */
export function tagTokens(tokens: Token[], language: Language): number {
  if (language === 'en') tagEnglish(tokens);
  else tagSlavic(tokens);
  let all = 0;
  for (const t of tokens) all |= t.tags;
  return all;
}
