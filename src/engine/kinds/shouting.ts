// shouting: words in capitals that are not acronyms, "!!", and more than a few "!" in an
// e-mail. An acronym is short (DPD, PDF, GDPR); a short word in capitals is shouting
// only when it is an ordinary word of the language (NOT, NE, NIE), listed in the rule.
import { inLiteral } from '../../document/document.js';
import { isUpper } from '../../text/fold.js';
import { compilePhraseLists, entriesFor, matchEntry, PHRASE_LIST_SCHEMA, type PhraseEntry } from '../phrase-list.js';
import type { Finding, RuleKind } from '../rule.js';

const isLetter = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Upper case without a string per character for the common ASCII case. */
const isUpperAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c < 128 ? c >= 65 && c <= 90 : isUpper(text[i]);
};

export const shouting: RuleKind = {
  name: 'shouting',
  fields: {
    shortWords: PHRASE_LIST_SCHEMA,
    minLength: { type: 'number', min: 2, max: 20 },
    maxExclamations: { type: 'number', min: 0, max: 100 },
  },
  messages: ['capitals', 'exclamations', 'too-many-exclamations'],
  compile(tools) {
    const { spec } = tools;
    const shortWords = compilePhraseLists(spec.shortWords as never, ['shortWords'], tools);
    const minLength = (spec.minLength as number | undefined) ?? 5;
    const maxExclamations = (spec.maxExclamations as number | undefined) ?? 2;
    return ({ doc, reply, language }) => {
      const findings: Finding[] = [];
      const { text, folded, content } = doc;
      let short: PhraseEntry[] | undefined;
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
        const word = text.slice(start, end);
        short ??= [...entriesFor(shortWords, language), ...entriesFor(shortWords, 'en')];
        const isShortWord = word.length < minLength && short.some((e) => matchEntry(e, text, folded, start, end).some((x) => x.start === start && x.end === end));
        if (word.length >= minLength || isShortWord) findings.push({ start, end, message: 'capitals', data: { match: word, lower: word.toLowerCase() } });
      }
      let m: RegExpExecArray | null;
      const bangs = /!{2,}/g;
      bangs.lastIndex = content.start;
      while ((m = bangs.exec(text)) !== null && m.index < content.end) findings.push({ start: m.index, end: m.index + m[0].length, message: 'exclamations', data: { match: m[0] } });
      if (reply.context.channel === 'email' && !findings.some((f) => f.message === 'exclamations')) {
        const all = [...text.slice(content.start, content.end).matchAll(/!/g)];
        if (all.length > maxExclamations) {
          const last = content.start + all[all.length - 1].index!;
          findings.push({ start: last, end: last + 1, message: 'too-many-exclamations', data: { count: String(all.length), max: String(maxExclamations) } });
        }
      }
      return findings.sort((a, b) => a.start - b.start);
    };
  },
};
