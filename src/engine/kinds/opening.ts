// opening: the reply's first line must start with one of the phrases (greeting).
import { PHRASE_LIST_SCHEMA, type PhraseEntry } from '../phrase-list.js';
import type { RuleKind } from '../rule.js';
import { findEntryMatches } from './shared.js';

// What may stand before the greeting: quotes and bullets, and on social media the
// @handles a reply starts with. A handle is read whole (the lookahead), or "@a_b_c"
// split between handle and "_" in exponentially many ways.
const LEADING = /^(?:[\s"'„“(*_-]|@[\w.]+(?![\w.]))*$/;

export const opening: RuleKind = {
  name: 'opening',
  doc: "The reply's first line starts with a greeting; quotes, bullets and @handles may stand before it.",
  fields: {
    phrases: {
      ...PHRASE_LIST_SCHEMA,
      required: true,
      doc: "Greetings the first line may start with; a greeting from any language's list counts, whatever the reply's language.",
    },
  },
  messages: ['missing'],
  fixable: () => false,
  compile(tools) {
    const lists = tools.phraseLists(['phrases']);
    return ({ doc, language }) => {
      const { opening: line } = doc;
      if (line.end === line.start) return [];
      // What may stand before the greeting: quotes and bullets, and on social media the
      // @handles a reply starts with ("@anna Hi Anna, …").
      const greets = (entries: readonly PhraseEntry[]) => findEntryMatches(doc, entries, line).some((m) => LEADING.test(doc.folded.slice(line.start, m.start)));
      // A greeting in any of the three languages is a greeting: detection may err on a
      // two-word opening, the reader won't. The reply's own language first: the others'
      // phrases are compiled (and their tables read) only for a reply it does not greet in.
      const found = greets(lists.forLanguage(language)) || lists.languages().some((other) => other !== language && other !== 'any' && greets(lists.get(other)));
      return found ? [] : [{ start: line.start, end: line.end, message: 'missing' }];
    };
  },
};
