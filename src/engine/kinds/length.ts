// length: a reply longer than its channel allows (words, or characters on social), and
// sentences too long to read at a glance.
import { isSpaceCode } from '../../text/fold.js';
import type { Channel } from '../../types.js';
import type { Finding, RuleKind } from '../rule.js';

/** Words (runs of non-space) in text[start, end), counted without an array of them. */
function countWords(text: string, start: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const space = isSpaceCode(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

export const length: RuleKind = {
  name: 'length',
  doc: "A reply longer than its channel's limit, in words or in characters, and sentences with too many words.",
  fields: {
    maxWords: {
      type: 'map',
      keys: ['email', 'chat', 'social'],
      values: { type: 'number', min: 1 },
      doc: "The most words the agent's own words (without the closing and signature) may hold, per channel.",
      default: 'none: no word limit on any channel (a channel left out has none)',
    },
    maxCharacters: {
      type: 'map',
      keys: ['email', 'chat', 'social'],
      values: { type: 'number', min: 1 },
      doc: 'The most characters the whole reply may hold, per channel, signature included, each link counted as 23 and leading @handles not at all.',
      default: 'none: no character limit on any channel (a channel left out has none)',
    },
    maxSentenceWords: {
      type: 'number',
      min: 1,
      doc: "The most words a sentence of the agent's own words may hold.",
      default: 'none: sentences of any length pass',
    },
  },
  messages: ['words', 'characters', 'sentence'],
  fixable: () => false,
  compile({ spec }) {
    const maxWords = (spec.maxWords ?? {}) as Partial<Record<Channel, number>>;
    const maxCharacters = (spec.maxCharacters ?? {}) as Partial<Record<Channel, number>>;
    const maxSentenceWords = spec.maxSentenceWords as number | undefined;
    return ({ doc, reply }) => {
      const findings: Finding[] = [];
      const { channel } = reply.context;
      const { content } = doc;
      const words = countWords(doc.text, content.start, content.end);
      const wordLimit = maxWords[channel];
      if (wordLimit !== undefined && words > wordLimit) {
        findings.push({ start: content.start, end: content.end, message: 'words', data: { count: String(words), max: String(wordLimit), channel } });
      }
      const charLimit = maxCharacters[channel];
      // Social limits count what is posted: the whole reply, signature included, with
      // every link counted as 23 characters and the leading @handles of a reply not at
      // all, as X/Twitter counts them.
      if (charLimit !== undefined) {
        const posted = doc.text
          .slice(0, doc.end)
          .trim()
          .replace(/^(?:@\S+\s+)+/, '')
          .replace(/\bhttps?:\/\/\S+/g, 'x'.repeat(23));
        const count = [...posted].length;
        if (count > charLimit)
          findings.push({ start: 0, end: doc.end, message: 'characters', data: { count: String(count), max: String(charLimit), channel } });
      }
      if (maxSentenceWords !== undefined) {
        for (const s of doc.sentences) {
          if (s.start >= content.end) break;
          const n = countWords(doc.text, s.start, s.end);
          if (n > maxSentenceWords)
            findings.push({ start: s.start, end: s.end, message: 'sentence', data: { count: String(n), max: String(maxSentenceWords) } });
        }
      }
      return findings;
    };
  },
};
