// unless-nearby: a phrase is a violation unless its sentence also holds one of the
// `unless` phrases, or the next sentence opens with one of `unlessNext` - a refusal
// with a reason ("because …") or an alternative ("However, …") is no flat refusal.
import { entriesFor, PHRASE_LIST_SCHEMA } from '../phrase-list.js';
import type { Finding, RuleKind } from '../rule.js';
import { findEntryMatches, opensSentence } from './shared.js';

export const unlessNearby: RuleKind = {
  name: 'unless-nearby',
  doc: 'A sentence holding a phrase is reported unless it also holds an excusing phrase, or the next sentence opens with one.',
  fields: {
    phrases: { ...PHRASE_LIST_SCHEMA, required: true, doc: "Phrases that make a sentence of the agent's own words a violation; a sentence is reported once." },
    unless: { ...PHRASE_LIST_SCHEMA, required: true, doc: 'Phrases that excuse a sentence they stand in ("because", "instead").' },
    unlessNext: {
      ...PHRASE_LIST_SCHEMA,
      doc: 'Phrases that excuse a sentence when they open the next one, after any lead-in ("However, …").',
      default: 'none: only the sentence itself can excuse',
    },
  },
  messages: ['found'],
  fixable: () => false,
  compile(tools) {
    const phrases = tools.phraseLists(['phrases']);
    const unless = tools.phraseLists(['unless']);
    const unlessNext = tools.phraseLists(['unlessNext']);
    return ({ doc, language }) => {
      const findings: Finding[] = [];
      const sentences = doc.sentences.filter((s) => s.start < doc.content.end);
      sentences.forEach((sentence, i) => {
        const [hit] = findEntryMatches(doc, entriesFor(phrases, language), sentence);
        if (!hit) return;
        if (findEntryMatches(doc, entriesFor(unless, language), sentence).length) return;
        const next = sentences[i + 1];
        if (next && findEntryMatches(doc, entriesFor(unlessNext, language), next).some((m) => opensSentence(doc, m))) return;
        findings.push({
          start: sentence.start,
          end: sentence.end,
          message: 'found',
          data: { match: doc.text.slice(hit.start, hit.end), sentence: doc.text.slice(sentence.start, sentence.end) },
        });
      });
      return findings;
    };
  },
};
