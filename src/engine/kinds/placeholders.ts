// placeholders: in a draft, any placeholder left unfilled ({{first_name}}, [Customer
// Name], XXX) is an error; in a canned response placeholders are expected, and only a
// malformed one ({{first_name}, {% x) is reported. Malformed ones are errors in drafts too.
import type { Document } from '../../document/document.js';
import type { Finding, RuleKind } from '../rule.js';

// Template syntax opened and never closed, or closed and never opened, on one line.
const MALFORMED: readonly RegExp[] = [
  /\{\{[^{}\n]*\}(?!\})/g, // {{first_name}
  /\{\{[^{}\n]*$/gm, // {{first_name
  /(?<!\{)\{[^{}%!\n]*\}\}/g, // {first_name}}
  /\{%(?![^\n]*%\})[^\n]*/g, // {% x
];

function malformed(doc: Document): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  const text = doc.text.slice(0, doc.end);
  for (const re of MALFORMED) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const start = m.index;
      const end = Math.min(start + m[0].length, start + 60);
      if (!found.some((f) => start < f.end && end > f.start) && !doc.placeholders.some((p) => start >= p.start && end <= p.end)) found.push({ start, end });
    }
  }
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
