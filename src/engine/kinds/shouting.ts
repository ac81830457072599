// shouting: words in capitals that are not acronyms, "!!", and more than a few "!" in an
// e-mail. An acronym is short (DPD, PDF, GDPR); a short word in capitals is shouting
// only when it is an ordinary word of the language (NOT, NE, NIE), listed in the rule.
// Brand and product names are not shouting either: a hashtag or handle (#VTNEW, @TESCO),
// a name followed by its product ("XFINITY Internet", "IKEA Family"), and the words a
// team lists in its vocabulary's allow list (vocabulary.allow: [TESCO]).
import { inLiteral } from '../../document/document.js';
import { isUpper } from '../../text/fold.js';
import { entriesFor, matchEntry, PHRASE_LIST_SCHEMA } from '../phrase-list.js';
import type { Document } from '../../document/document.js';
import { findJargon, lexiconData } from '../lexicon/index.js';
import { fnv, KEY } from '../lexicon/hash.js';
import type { Language } from '../../types.js';
import type { Finding, RuleKind } from '../rule.js';

const isLetter = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLower = (c: string) => c !== c.toUpperCase() && c === c.toLowerCase();
/** Upper case without a string per character for the common ASCII case. */
const isUpperAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c < 128 ? c >= 65 && c <= 90 : isUpper(text[i]);
};

/**
 * Words the customer wrote as names: capitalised or in capitals, not at a sentence's
 * start ("my Xfinity box", "the TESCO app"). Our writing one in capitals names the same
 * brand or product; a shout is an ordinary word ("closed"), which nobody capitalises.
 */
function namesIn(messages: readonly string[]): Set<string> {
  const names = new Set<string>();
  // The latest few messages, and their first 20,000 characters: a long conversation
  // must not make every reply in it read all of it.
  for (const message of messages.slice(-5)) {
    for (const m of message.slice(0, 20_000).matchAll(/(?<=[^\s.!?] )\p{Lu}\p{L}+/gu)) names.add(m[0].toLowerCase());
  }
  return names;
}

/**
 * Whether the word at i reads as a product after a brand: capitalised ("Internet") or an
 * acronym of two or three capitals ("HD", "TV"). (Its own letters only: a few steps.)
 */
function productAfter(text: string, folded: string, i: number): boolean {
  if (i + 1 < text.length && isLetter(folded.charCodeAt(i + 1)) && !isUpperAt(text, i + 1)) return true;
  let j = i;
  while (j < text.length && j - i < 4 && isLetter(folded.charCodeAt(j)) && isUpperAt(text, j)) j++;
  return j - i >= 2 && j - i <= 3 && !isLetter(folded.charCodeAt(j));
}

/**
 * Whether a long word in capitals is an acronym or a name the lexicon knows: an acronym
 * or brand customers know (TESCO, SWIFT, IKEA: acronyms.yaml, currency codes, company
 * names), or a jargon term of the reply's language on its own (MSISDN, ICCID: no-jargon's
 * business, not a shout). One key-table probe; the lexicon is read for the word alone,
 * so a word that only opens a longer term ("REFUND" of "refund request") is no term.
 */
/** A known acronym that is no common English word ("SMS", not "ALL"). */
function acronymOnly(doc: Document, start: number, end: number): boolean {
  const flags = lexiconData().keys.get(fnv(doc.folded.slice(start, end)));
  return (flags & KEY.knownAcronym) !== 0 && (flags & KEY.englishWord) === 0;
}

function knownWord(doc: Document, start: number, end: number, language: Language): boolean {
  if (lexiconData().keys.get(fnv(doc.folded.slice(start, end))) & KEY.knownAcronym) return true;
  return findJargon(doc, { start, end }, language, { terms: true, acronyms: false }).some((j) => j.start === start && j.end === end);
}

/**
 * Whether the word at start continues a name: the word before it, on its line and after a
 * space, is capitalised mid-sentence or holds a digit ("Tarif Optimal PLUS", "iPhone 15
 * PRO", "Účtovka Štart MAX"). A short common word there is a product tier, not a shout.
 */
function afterName(text: string, start: number): boolean {
  if (text[start - 1] !== ' ') return false;
  let i = start - 2;
  const end = i + 1;
  while (i >= 0 && /[\p{L}\p{N}]/u.test(text[i])) i--;
  const word = text.slice(i + 1, end);
  if (!word) return false;
  if (/\d/.test(word)) return true;
  // Capitalised, not in capitals itself ("I DO NOT" is one shout).
  if (!isUpper(word[0]) || word === word.toUpperCase()) return false;
  // Only a capital after a lower-case word says name: at a sentence's start, after a
  // handle or a greeting's comma it says nothing ("Do NOT", "@anna Thank YOU").
  let j = i;
  while (j >= 0 && text[j] === ' ') j--;
  if (j < 0 || !isLower(text[j])) return false;
  let k = j;
  while (k >= 0 && !/\s/.test(text[k])) k--;
  return text[k + 1] !== '@' && text[k + 1] !== '#';
}

export const shouting: RuleKind = {
  name: 'shouting',
  doc: 'Words in capitals that are no acronym or name, "!!", and in an e-mail more "!" than allowed.',
  fields: {
    shortWords: {
      ...PHRASE_LIST_SCHEMA,
      doc: "Ordinary words that are shouting in capitals when shorter than minLength; the reply's language's list is read, and the English one too unless the word is a known acronym.",
      default: 'none: no word shorter than minLength is shouting',
    },
    minLength: {
      type: 'number',
      min: 2,
      max: 20,
      doc: 'The length in letters from which a word in capitals is shouting unless the lexicon knows it as an acronym, a brand or a term; a shorter one only if shortWords lists it.',
      default: '5',
    },
    maxExclamations: {
      type: 'number',
      min: 0,
      max: 100,
      doc: 'The most "!" the agent\'s own words may hold in an e-mail; counted only when they hold no "!!".',
      default: '2',
    },
  },
  messages: ['capitals', 'exclamations', 'too-many-exclamations'],
  fixable: () => false,
  compile(tools) {
    const { spec, vocabulary } = tools;
    const allowed = new Set(vocabulary.allow.map((a) => a.toLowerCase()));
    const shortWords = tools.phraseLists(['shortWords']);
    const minLength = (spec.minLength as number | undefined) ?? 5;
    const maxExclamations = (spec.maxExclamations as number | undefined) ?? 2;
    return ({ doc, reply, language }) => {
      const findings: Finding[] = [];
      const { text, folded, content } = doc;
      let customerNames: Set<string> | undefined;
      // Words are runs of letters in the folded text (every letter ASCII); their case is
      // read off the original. A word with a lower-case letter is dismissed as soon as it
      // shows one, so most words cost a few comparisons and no allocation.
      for (let i = content.start; i < content.end; i++) {
        if (!isLetter(folded.charCodeAt(i))) continue;
        const start = i;
        let upper = true;
        for (; i < content.end && isLetter(folded.charCodeAt(i)); i++) if (upper && !isUpperAt(text, i)) upper = false;
        const end = i;
        if (!upper || end - start < 2) continue;
        if (isDigit(text.charCodeAt(end)) || isDigit(text.charCodeAt(start - 1))) continue; // LS2, GB123, USB-C3
        if (inLiteral(doc, start, end)) continue;
        const before = text[start - 1];
        if (before === '#' || before === '@') continue; // #VTNEW, @TESCO
        // An agent's initials signing a social post: "… /SO", "^KM", "*AFC", "~TJ".
        if ((before === '/' || before === '^' || before === '*' || before === '~') && (start < 2 || /\s/.test(text[start - 2]))) continue;
        // "XFINITY Internet", "XFINITY HD": a name and its product, not a shout.
        if (text[end] === ' ' && isUpperAt(text, end + 1) && isLetter(folded.charCodeAt(end + 1)) && productAfter(text, folded, end + 1)) continue;
        const word = text.slice(start, end);
        if (allowed.has(word.toLowerCase())) continue;
        if ((customerNames ??= namesIn(reply.context.customerMessages.slice(-5))).has(word.toLowerCase())) continue;
        const inList = (lang: Language) =>
          entriesFor(shortWords, lang).some((e) => matchEntry(e, text, folded, start, end).some((x) => x.start === start && x.end === end));
        // English words shout in any reply ("FREE"); an acronym that is no English word
        // ("SMS") is not one, and needs no English list compiled for a Czech reply.
        const isShortWord = word.length < minLength && (inList(language) || (language !== 'en' && !acronymOnly(doc, start, end) && inList('en')));
        // A short word is shouting when it is an ordinary word of the language (the rule's
        // list) and no product tier after a name ("Optimal PLUS"); a long one unless the
        // lexicon knows it as an acronym, a brand or a term.
        const shout = word.length < minLength ? isShortWord && !afterName(text, start) : !knownWord(doc, start, end, language);
        if (shout) findings.push({ start, end, message: 'capitals', data: { match: word, lower: word.toLowerCase() } });
      }
      let m: RegExpExecArray | null;
      const bangs = /!{2,}/g;
      bangs.lastIndex = content.start;
      // A "!" in a link or markup is no one's tone: "<!-- replylint-disable -->" in a canned response.
      while ((m = bangs.exec(text)) !== null && m.index < content.end)
        if (!inLiteral(doc, m.index, m.index + m[0].length))
          findings.push({ start: m.index, end: m.index + m[0].length, message: 'exclamations', data: { match: m[0] } });
      if (reply.context.channel === 'email' && !findings.some((f) => f.message === 'exclamations')) {
        const all = [...text.slice(content.start, content.end).matchAll(/!/g)].filter(
          (x) => !inLiteral(doc, content.start + x.index!, content.start + x.index! + 1),
        );
        if (all.length > maxExclamations) {
          const last = content.start + all[all.length - 1].index!;
          findings.push({ start: last, end: last + 1, message: 'too-many-exclamations', data: { count: String(all.length), max: String(maxExclamations) } });
        }
      }
      return findings.sort((a, b) => a.start - b.start);
    };
  },
};
