// Finding jargon in a reply by its tokens: lexicon terms (a word, a stem or a pair of
// words looked up in the key table, then verified word by word in the lexicon) and
// acronyms customers do not know. One pass over the folded text, a few hash probes per
// token, no regex: linear in the reply whatever it holds.
import { inLiteral, type Document } from '../../document/document.js';
import type { Span } from '../../types.js';
import { isUpper, isWordAt } from '../../text/fold.js';
import type { Language } from '../../types.js';
import { ACRONYM_MAX, ACRONYM_MIN, INFLECTED, LANGUAGE_BIT, STEM, WHOLE, wordKey, type CompiledForm } from './compile.js';
import { FNV_OFFSET, fnvStep, KEY, PAIR_MARK, STEM_MARK, type KeyTable } from './hash.js';
import { lexiconData, type RuntimeLexicon } from './load.js';

export interface JargonMatch {
  start: number;
  end: number;
  /** The plain alternative in the reply's language (for an unknown acronym: how to put it). */
  replacement: string;
  /** The lexicon concept matched; absent for an unknown acronym. */
  concept?: number;
  /** The concept's first form as the lexicon writes it ("backend+"), for allowed words. */
  term?: string;
}

export interface JargonOptions {
  /** Look for the lexicon's terms. */
  terms: boolean;
  /** Report all-capital words that are no acronym customers know. */
  acronyms: boolean;
}

/** Stems and words longer than this are not keys: a long token costs this many probes at most. */
const MAX_KEY = 24;
const MIN_STEM = 3;

/** Word tokens of folded text in [from, to): runs of a–z and 0–9, as start/end pairs. */
export function tokenize(folded: string, from: number, to: number): number[] {
  const out: number[] = [];
  let start = -1;
  for (let i = from; i < to; i++) {
    const c = folded.charCodeAt(i);
    const word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      out.push(start, i);
      start = -1;
    }
  }
  if (start >= 0) out.push(start, to);
  return out;
}

/** Between two words of one term: spaces and hyphens only (no line break, no punctuation). */
export function joins(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 45 && c !== 0x2010 && c !== 0x2011) return false;
  }
  return true;
}

/** Whether the stem probes of folded[start, end) hit a lexicon key. */
function stemHit(keys: KeyTable, folded: string, start: number, end: number, mask: number): boolean {
  let h = FNV_OFFSET;
  const stop = Math.min(end, start + MAX_KEY);
  for (let i = start; i < stop; i++) {
    h = fnvStep(h, folded.charCodeAt(i));
    if (i - start + 1 >= MIN_STEM && keys.lexicon(fnvStep(h, STEM_MARK)) & mask) return true;
  }
  return false;
}

function hashOf(folded: string, start: number, end: number, h = FNV_OFFSET): number {
  for (let i = start; i < end; i++) h = fnvStep(h, folded.charCodeAt(i));
  return h;
}

/** All letters of text[start, end) are capitals, and there are `min`…`max` of them, no digits. */
function capitals(text: string, start: number, end: number): boolean {
  const n = end - start;
  if (n < ACRONYM_MIN || n > ACRONYM_MAX) return false;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (!isUpper(ch)) return false;
  }
  return true;
}

/** Whether text[start, end) is all capitals (digits allowed), with two letters or more. */
function allCaps(text: string, start: number, end: number): boolean {
  let letters = 0;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    const c = ch.charCodeAt(0);
    if (c >= 48 && c <= 57) continue;
    if (!isUpper(ch)) return false;
    letters++;
  }
  return letters >= 2;
}

/** Spaces and sentence punctuation only. */
function onlyPunctuation(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!' \t,!?.:;\'"-'.includes(text[i])) return false;
  return true;
}

const ROMAN = new Set(['I', 'V', 'X', 'L', 'C', 'D', 'M']);
/** Roman numerals (III, XIV, MMXX): a year or a volume, no acronym. */
function roman(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!ROMAN.has(text[i])) return false;
  return true;
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The token stands inside an e-mail address, a domain, a handle, a hashtag, a path or a
 * code ("ABC-123"): read in the run of text without spaces around it, a few dozen
 * characters each way at most.
 */
function inAddressOrCode(text: string, folded: string, start: number, end: number): boolean {
  const REACH = 80;
  let s = start;
  while (s > 0 && start - s < REACH && !isSpace(text.charCodeAt(s - 1))) s--;
  let e = end;
  while (e < text.length && e - end < REACH && !isSpace(text.charCodeAt(e))) e++;
  const first = text[s];
  if (first === '@' || first === '#') return true;
  for (let i = s; i < e; i++) {
    const ch = text[i];
    if (ch === '@' || ch === '/' || ch === '\\' || ch === '_') return true;
    // A dot between letters or digits: a domain or a file name ("support.example.com").
    if (ch === '.' && i > s && i + 1 < e && isWordAt(folded, i - 1) && isWordAt(folded, i + 1)) return true;
  }
  // Joined to digits by a hyphen: a code or a reference ("KXJ-4492", "CZ-12").
  const before = start >= 2 && text[start - 1] === '-' && isDigit(text.charCodeAt(start - 2));
  const after = end + 1 < text.length && text[end] === '-' && isDigit(text.charCodeAt(end + 1));
  return before || after;
}

interface Candidate {
  token: number;
  /** Some key of the token (word, stem or pair) is the lexicon's. */
  lexicon: boolean;
  /** An all-capital word that no list knows. */
  acronym: boolean;
}

/**
 * Jargon in a zone of a reply, before any exemption (brand, allowed words): the lexicon's
 * terms in the reply's language and, when asked, unknown acronyms. In order, not overlapping.
 */
export function findJargon(doc: Document, zone: Span, language: Language, options: JargonOptions): JargonMatch[] {
  const { text, folded } = doc;
  const data = lexiconData();
  const { keys } = data;
  const czechLike = language !== 'en';
  // Common words of the reply's language, which in capitals are shouting, not acronyms.
  // Slovak's come from a spelling dictionary; Czech's from a frequency list.
  const words = language === 'en' ? 0 : language === 'cs' ? KEY.czechWord : KEY.czechWord | KEY.slovakWord;
  // Probe the keys of this language's forms only.
  const mask = language === 'en' ? KEY.lexiconEn : language === 'cs' ? KEY.lexiconCs : KEY.lexiconSk;
  const tokens = tokenize(folded, zone.start, zone.end);
  const candidates: Candidate[] = [];
  let previousHash = 0;
  for (let t = 0; t < tokens.length; t += 2) {
    const start = tokens[t];
    const end = tokens[t + 1];
    const h = hashOf(folded, start, end);
    let lexicon = false;
    if (options.terms) {
      lexicon = (keys.lexicon(h) & mask) !== 0 || stemHit(keys, folded, start, end, mask);
      if (!lexicon && czechLike) {
        for (const prefix of data.prefixes) {
          if (end - start > prefix.length + MIN_STEM && folded.startsWith(prefix, start) && stemHit(keys, folded, start + prefix.length, end, mask)) {
            lexicon = true;
            break;
          }
        }
      }
      // A pair keyed on the previous word ("hub sken") is looked for even when this word
      // is a key of its own ("sken+ na hub+"): the pair's form starts one word earlier.
      if (t > 0 && joins(text, tokens[t - 1], start) && (keys.lexicon(hashOf(folded, start, end, fnvStep(previousHash, PAIR_MARK))) & mask) !== 0) {
        candidates.push({ token: t - 2, lexicon: true, acronym: false });
        lexicon = true;
      }
    }
    previousHash = h;
    let acronym = false;
    if (options.acronyms && !lexicon && capitals(text, start, end)) {
      const flags = keys.get(h);
      acronym = (flags & (KEY.knownAcronym | KEY.englishWord | words)) === 0 && !roman(text, start, end);
    }
    if (lexicon || acronym) candidates.push({ token: t, lexicon, acronym });
  }
  if (!candidates.length) return [];

  const matches: JargonMatch[] = [];
  const lexicon = candidates.some((c) => c.lexicon) ? data.lexicon() : undefined;
  const lang = LANGUAGE_BIT[language];
  const langIndex = language === 'en' ? 0 : language === 'cs' ? 1 : 2;
  for (const candidate of candidates) {
    const start = tokens[candidate.token];
    const end = tokens[candidate.token + 1];
    if (inLiteral(doc, start, end) || inAddressOrCode(text, folded, start, end)) continue;
    if (candidate.lexicon && lexicon) {
      const found = matchAt(lexicon, text, folded, tokens, candidate.token, lang, language);
      if (found) {
        if (!inLiteral(doc, found.start, found.end))
          matches.push({
            start: found.start,
            end: found.end,
            replacement: lexicon.compiled.concepts[found.concept].p[langIndex],
            concept: found.concept,
            term: lexicon.compiled.concepts[found.concept].t,
          });
        continue;
      }
    }
    if (candidate.acronym && !initials(text, start) && !shouted(text, folded, keys, tokens, candidate.token, words)) {
      matches.push({ start, end, replacement: data.acronymHint[language] });
    }
  }
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: JargonMatch[] = [];
  let lastEnd = -1;
  for (const m of matches) {
    if (m.start < lastEnd) continue;
    kept.push(m);
    lastEnd = m.end;
  }
  return kept;
}

/**
 * An agent's initials signing a post: "*AFC", "^KM", "~TJ", "/GK", "- HKC" (social
 * channels). A sign-off mark right before the capitals, at the start of a word.
 */
function initials(text: string, start: number): boolean {
  let i = start - 1;
  if (i >= 0 && text[i] === ' ' && text[i - 1] === '-') i--;
  if (i < 0 || !'*^~/-'.includes(text[i])) return false;
  return i === 0 || isSpace(text.charCodeAt(i - 1));
}

/** An unknown acronym beside another word in capitals that is a common word: shouting, no acronym (no-shouting's business). */
function shouted(text: string, folded: string, keys: KeyTable, tokens: number[], t: number, languageWords: number): boolean {
  const words = KEY.englishWord | languageWords;
  for (const other of [t - 2, t + 2]) {
    if (other < 0 || other >= tokens.length) continue;
    const [s, e] = [tokens[other], tokens[other + 1]];
    const between = other < t ? [e, tokens[t]] : [tokens[t + 1], s];
    if (between[1] - between[0] > 3 || !onlyPunctuation(text, between[0], between[1])) continue;
    if (allCaps(text, s, e) && (e - s === 1 || keys.get(hashOf(folded, s, e)) & words)) return true;
  }
  return false;
}

/** Whether folded token `t` is what a word of a form says (`original`: the token as written, for exact forms). */
function wordMatches(lexicon: RuntimeLexicon, word: CompiledForm['w'][number], token: string, original: string, exact: boolean, language: Language): boolean {
  const [text, mode] = word;
  if (exact) return original === text || (mode === INFLECTED && original === `${text}s`);
  if (mode === WHOLE) return token === text;
  if (mode === STEM) return token.length >= text.length && token.startsWith(text);
  const endings = lexicon.endings[language];
  const stem = wordKey(word).slice(0, -1);
  const inflected = (t: string) =>
    t === text ||
    (t.startsWith(text) && endings.has(t.slice(text.length))) ||
    (stem !== text && t.startsWith(stem) && t.length > stem.length && endings.has(t.slice(stem.length)));
  if (inflected(token)) return true;
  // Czech and Slovak verbs take a prefix: zamergovat, nadeployovat.
  if (language !== 'en')
    for (const prefix of lexicon.prefixes)
      if (token.startsWith(prefix) && token.length > prefix.length + 2 && inflected(token.slice(prefix.length))) return true;
  return false;
}

/** The keys under which token `t` may be found in the index (whole word, stems, pair with the next token). */
function keysOf(lexicon: RuntimeLexicon, folded: string, tokens: number[], t: number, language: Language, text: string): { key: string; at: number }[] {
  const token = folded.slice(tokens[t], tokens[t + 1]);
  const out = [{ key: token, at: t }];
  const stems = (word: string) => {
    for (let n = MIN_STEM; n <= Math.min(word.length, MAX_KEY); n++) out.push({ key: `${word.slice(0, n)}*`, at: t });
  };
  stems(token);
  if (language !== 'en')
    for (const prefix of lexicon.prefixes) if (token.startsWith(prefix) && token.length > prefix.length + MIN_STEM) stems(token.slice(prefix.length));
  if (t + 2 < tokens.length && joins(text, tokens[t + 1], tokens[t + 2])) out.push({ key: `${token} ${folded.slice(tokens[t + 2], tokens[t + 3])}`, at: t });
  return out;
}

/** The longest form of the language that token `t` anchors (or starts, for a pair), verified word by word. */
function matchAt(
  lexicon: RuntimeLexicon,
  text: string,
  folded: string,
  tokens: number[],
  t: number,
  lang: number,
  language: Language,
): { start: number; end: number; concept: number } | undefined {
  let best: { start: number; end: number; concept: number } | undefined;
  for (const { key, at } of keysOf(lexicon, folded, tokens, t, language, text)) {
    for (const id of lexicon.index.get(key) ?? []) {
      const form = lexicon.compiled.forms[id];
      if (!(form.l & lang)) continue;
      const pair = key.includes(' ');
      const first = pair ? at : at - 2 * form.a;
      const last = first + 2 * (form.w.length - 1);
      if (first < 0 || last >= tokens.length) continue;
      let ok = true;
      for (let k = 0; k < form.w.length && ok; k++) {
        const s = tokens[first + 2 * k];
        const e = tokens[first + 2 * k + 1];
        if (k > 0 && !joins(text, tokens[first + 2 * k - 1], s)) ok = false;
        else {
          const token = folded.slice(s, e);
          ok = !lexicon.except[id]?.has(token) && wordMatches(lexicon, form.w[k], token, text.slice(s, e), form.x === 1, language);
        }
      }
      if (!ok) continue;
      const span = { start: tokens[first], end: tokens[last + 1], concept: form.c };
      if (!best || span.end - span.start > best.end - best.start) best = span;
    }
  }
  return best;
}
