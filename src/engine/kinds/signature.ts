// signature: an e-mail closes with a sign-off signed by a person ("Best wishes,\nMark"),
// not only by a team ("Your Support Team"), and not with nothing at all.
import type { Document } from '../../document/document.js';
import { fold, isUpper } from '../../text/fold.js';
import { allEntries, compilePhraseLists, matchEntry, PHRASE_LIST_SCHEMA, type PhraseEntry } from '../phrase-list.js';
import type { RuleKind } from '../rule.js';

/** The first line of the signature names a person: capitalised words, none a team word. */
function signedByPerson(doc: Document, teamWords: () => PhraseEntry[]): boolean {
  const sig = doc.signature;
  if (!sig) return false;
  const firstLineEnd = doc.text.indexOf('\n', sig.start);
  const start = sig.start;
  const end = firstLineEnd < 0 || firstLineEnd > sig.end ? sig.end : firstLineEnd;
  const line = doc.text.slice(start, end).replace(/^[\^–—-]\s*/, '').trim();
  // In a canned response the agent's name is a placeholder: {{current_user.first_name}}.
  if (doc.placeholders.some((p) => p.start >= start && p.end <= end)) return true;
  if (teamWords().some((e) => matchEntry(e, doc.text, doc.folded, start, end).length > 0)) return false;
  const first = line.split(/\s+/)[0] ?? '';
  return first.length > 1 && isUpper(first[0]) && /^[a-z'.-]+$/.test(fold(first));
}

export const signature: RuleKind = {
  name: 'signature',
  fields: { teamWords: { ...PHRASE_LIST_SCHEMA, required: true } },
  messages: ['missing', 'team'],
  compile(tools) {
    const { spec } = tools;
    const lists = compilePhraseLists(spec.teamWords as never, ['teamWords'], tools);
    // Every language's team words, compiled when a reply first has a signature to read.
    let teamWords: PhraseEntry[] | undefined;
    return ({ doc }) => {
      if (signedByPerson(doc, () => (teamWords ??= allEntries(lists)))) return [];
      const where = doc.signature ?? doc.closing ?? doc.lineZones[doc.lineZones.length - 1] ?? doc.opening;
      return [{ start: where.start, end: where.end, message: doc.signature || doc.closing ? 'team' : 'missing' }];
    };
  },
};
