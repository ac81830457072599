// placeholders: in a draft, any placeholder left unfilled ({{first_name}}, [Customer
// Name], XXX) is an error; in a canned response placeholders are expected, and only a
// malformed one ({{first_name}, {% x) is reported. Malformed ones are errors in drafts too.
// A draft that still offers both genders ("Vážený/á", "obdržel(a) jste", "Dear Mr/Mrs")
// is unfinished the same way: the agent was to pick one. In a canned response the
// generic form is the author's choice, so it is reported in drafts only.
import type { Document } from '../../document/document.js';
import { insideAny, overlapsAny } from '../../document/spans.js';
import type { Finding, RuleKind } from '../rule.js';
import type { Span } from '../../types.js';

// Gender alternatives on the folded text (lower case, no diacritics), by the ending the
// alternative adds: a consonant stem + a (poslal/a, obdržel(a), spokojen(a), rád/a), an -ý
// or -í adjective + á/é (Vážený/á, Milý(á), Vážení/é), an -á one + ý (Vážená/ý), and the
// salutation pairs written out (pane/paní, Vážený/Vážená, zákazníku/zákaznice).
const GENDER: Record<'cs' | 'sk' | 'en', RegExp> = {
  cs: /(?<![a-z])(?:[a-z]{2,}[bcdfghjklmnprstvz] ?(?:\/ ?a|\(a\))|[a-z]{2,}[yi] ?(?:\/ ?[ae]|\([ae]\))|[a-z]{2,}a ?(?:\/ ?y|\(y\))|pan[ei]? ?\/ ?pan[ei]?|(?:vazen|mil)[yai] ?\/ ?(?:vazen|mil)[yai]|zakaznik[u]? ?\/ ?zakaznic(?:e|ka|ko))(?![a-z])/g,
  sk: /(?<![a-z])(?:[a-z]{2,}[bcdfghjklmnprstvz] ?(?:\/ ?a|\(a\))|[a-z]{2,}[yi] ?(?:\/ ?[ae]|\([ae]\))|[a-z]{2,}a ?(?:\/ ?y|\(y\))|pan[ei]? ?\/ ?pan[ei]?|(?:vazen|mil)[yai] ?\/ ?(?:vazen|mil)[yai]|zakaznik[u]? ?\/ ?zakaznic(?:e|ka|ko))(?![a-z])/g,
  // "Mr/Mrs", "Mr./Ms.", "Mrs/Mr" ("Sir/Madam" is the accepted form for nobody known).
  en: /(?<![a-z])mrs?\.? ?\/ ?m(?:rs?|s|iss)\.?(?![a-z])/g,
};

/** Gender alternatives left in the reply proper, outside placeholders and literals. */
function genderAlternatives(doc: Document, language: string): Span[] {
  const re = GENDER[language as keyof typeof GENDER];
  if (!re) return [];
  const found: Span[] = [];
  re.lastIndex = 0;
  const scope = doc.folded.slice(0, doc.end);
  // A "/" or "(" is in every alternative: a reply without one costs one indexOf.
  if (!scope.includes('/') && !scope.includes('(')) return found;
  let m: RegExpExecArray | null;
  while ((m = re.exec(scope)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (!overlapsAny(doc.placeholders, start, end) && !insideAny(doc.literals, start, end)) found.push({ start, end });
  }
  return found;
}

// Template syntax opened and never closed, or closed and never opened, on one line; each
// with a string every match holds, so a reply without it costs one indexOf, not a scan.
const MALFORMED: readonly (readonly [RegExp, string])[] = [
  [/\{\{[^{}\n]*\}(?!\})/g, '{{'], // {{first_name}
  [/\{\{[^{}\n]*$/gm, '{{'], // {{first_name
  [/(?<!\{)\{[^{}%!\n]*\}\}/g, '}}'], // {first_name}}
  // %customer.salutation, — a %field% left open: a dotted or snake_case field after a "%"
  // (never a number's: "50 %", "10%"), with no closing "%" (a closed one is a placeholder).
  [/(?<![\w%])%[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+(?![\w.%])/g, '%'],
  [/\{![^{}\n]*$/gm, '{!'], // {!Contact.FirstName
  [/\[\[[^[\]\n]*$/gm, '[['], // [[first_name
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
  for (const [re, needle] of MALFORMED) if (text.includes(needle)) take([...text.matchAll(re)].map((m) => ({ start: m.index!, end: m.index! + m[0].length })));
  take(unclosedTags(text));
  return found;
}

export const placeholders: RuleKind = {
  name: 'placeholders',
  doc: 'In a draft, unfilled placeholders and gender alternatives left in ("Vážený/á", "Mr/Mrs"); in drafts and canned responses alike, malformed placeholders.',
  fields: {},
  messages: ['unfilled', 'malformed', 'gender'],
  fixable: () => false,
  compile() {
    return ({ doc, reply, language }) => {
      const findings: Finding[] = malformed(doc).map((m) => ({ ...m, message: 'malformed', data: { match: doc.text.slice(m.start, m.end) } }));
      if (!reply.context.template) {
        for (const p of doc.placeholders) findings.push({ start: p.start, end: p.end, message: 'unfilled', data: { match: p.text } });
        for (const g of genderAlternatives(doc, language)) findings.push({ ...g, message: 'gender', data: { match: doc.text.slice(g.start, g.end) } });
      }
      return findings.sort((a, b) => a.start - b.start);
    };
  },
};
