// placeholders: in a draft, any placeholder left unfilled ({{first_name}}, [Customer
// Name], XXX) is an error; in a canned response placeholders are expected, and only a
// malformed one ({{first_name}, {% x) is reported. Malformed ones are errors in drafts too.
import type { Document } from '../../document/document.js';
import { insideAny, overlapsAny } from '../../document/spans.js';
import type { Finding, RuleKind } from '../rule.js';

type Span = { start: number; end: number };

// Template syntax opened and never closed, or closed and never opened, on one line.
const MALFORMED: readonly RegExp[] = [
  /\{\{[^{}\n]*\}(?!\})/g, // {{first_name}
  /\{\{[^{}\n]*$/gm, // {{first_name
  /(?<!\{)\{[^{}%!\n]*\}\}/g, // {first_name}}
];

/**
 * "{% x" never closed on its line: the first "{%" after the line's last "%}". (A regex
 * looking ahead to the line's end from every "{%" read a line of them quadratically.)
 */
function unclosedTags(text: string): Span[] {
  const found: Span[] = [];
  for (let open = text.indexOf('{%'); open >= 0; ) {
    let lineEnd = text.indexOf('\n', open);
    if (lineEnd < 0) lineEnd = text.length;
    const lastClose = text.lastIndexOf('%}', lineEnd - 2);
    // A "%}" counts for a "{%" that it follows: it starts two or more characters on.
    const first = lastClose < open ? open : text.indexOf('{%', lastClose - 1);
    if (first >= 0 && first < lineEnd) found.push({ start: first, end: lineEnd });
    open = text.indexOf('{%', lineEnd);
  }
  return found;
}

function malformed(doc: Document): Span[] {
  const text = doc.text.slice(0, doc.end);
  // In order: each pattern's matches never overlap one another, and are checked against
  // the earlier patterns' by binary search.
  let found: Span[] = [];
  const take = (matches: Iterable<Span>) => {
    const added: Span[] = [];
    for (const { start, end: matchEnd } of matches) {
      const end = Math.min(matchEnd, start + 60);
      if (!overlapsAny(found, start, end) && !insideAny(doc.placeholders, start, end)) added.push({ start, end });
    }
    if (added.length) found = [...found, ...added].sort((a, b) => a.start - b.start);
  };
  for (const re of MALFORMED) take([...text.matchAll(re)].map((m) => ({ start: m.index!, end: m.index! + m[0].length })));
  take(unclosedTags(text));
  return found;
}

export const placeholders: RuleKind = {
  name: 'placeholders',
  fields: {},
  messages: ['unfilled', 'malformed'],
  compile() {
    return ({ doc, reply }) => {
      const findings: Finding[] = malformed(doc).map((m) => ({ ...m, message: 'malformed', data: { match: doc.text.slice(m.start, m.end) } }));
      if (!reply.context.template) {
        for (const p of doc.placeholders) findings.push({ start: p.start, end: p.end, message: 'unfilled', data: { match: p.text } });
      }
      return findings.sort((a, b) => a.start - b.start);
    };
  },
};
