// Placeholders of the common helpdesks' template syntaxes, found once per reply.
import { overlapsAny } from './spans.js';

export interface Placeholder {
  start: number;
  end: number;
  text: string;
  /** The field it stands for, lower case: "first_name", "ticket.requester.first_name". */
  field: string;
  /** Stands for the customer's name (so a template greeting uses the name). */
  isName: boolean;
}

// Words that open a bracketed placeholder: a field ("[Customer Name]", "[ORDER NUMBER]")
// or an instruction to whoever fills the draft in ("[insert date]", "[doplnit]",
// "[vložte datum]", "[sem číslo]").
const BRACKET_WORDS =
  'customer|client|first|last|full|firstname|lastname|fullname|customername|your|agent|order|ticket|name|date|amount|insert|add|enter|fill|tbd|todo|' +
  'jméno|jmeno|meno|příjmení|prijmeni|priezvisko|zákazník|zakaznik|zákazníka|zakaznika|datum|dátum|částka|castka|suma|' +
  'číslo|cislo|doplnit|doplňte|doplnte|doplň|dopln|doplniť|vložte|vlozte|vložit|vlozit|vložiť|vlozit|uveďte|uvedte|zadejte|zadajte|sem|název|nazev|názov|nazov';

const BLANK = /(?<!\w)_{3,}(?!\w)/g;

/**
 * Whether a blank stands beside other words on its line: the nearest character on either
 * side, past spaces, is neither a line break nor an underscore. A line of underscores is a
 * divider (Outlook's "________" above quoted history), and "__email__" an anonymisation
 * mark. Each check stops at the first other character, so a line of blanks stays linear.
 */
function besideWords(text: string, start: number, end: number): boolean {
  const ok = (c: string | undefined) => c !== undefined && c !== '\n' && c !== '\r' && c !== '_';
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  let j = end;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  return ok(text[i]) || ok(text[j]);
}

// The bracket syntax's regex is made on first use: its \p{L} costs V8 a third of a
// millisecond to construct, at every start.
let bracket: RegExp | undefined;
const bracketSyntax = () => (bracket ??= new RegExp(`\\[((?:${BRACKET_WORDS})(?![\\p{L}])[^\\]\\n\\d]{0,30})\\](?!\\()`, 'giu'));

// Each syntax with a text every match of it holds: a reply without "{", "[", "<", "%",
// "XXX" or "___" (most) runs none of the regexes, nor compiles them.
const SYNTAXES: readonly (readonly [RegExp | (() => RegExp), string])[] = [
  // (The spaces inside the braces are trimmed from the field, not matched: \s* on both
  // sides of a lazy field split a run of spaces cubically.)
  [/\{\{([^{}\n]*)\}\}/g, '{{'], // Zendesk, Liquid, Handlebars: {{first_name}}, {{x | fallback: "y"}}
  [/\{%([^%\n]*)%\}/g, '{%'], // Liquid tags, Intercom {%customer.firstName,fallback=there%}
  [/(?<![\w%])%([A-Za-z_][\w.]*(?:,[^%\n]*)?)%(?![\w%])/g, '%'], // %customer.firstName%
  [/\{!\s*([\w.]+)\s*\}/g, '{!'], // Salesforce {!Contact.FirstName}
  [/\[\[([^[\]\n]{1,40})\]\](?!\()/g, '[['], // [[name]]
  [/<<([^<>\n]{1,40})>>/g, '<<'], // <<Jméno>>, mail-merge fields
  // [Customer Name], [ORDER NUMBER], [doplnit], [vložte datum]: no digits ("[Ticket#48213]"
  // is a reference, not a field) and no link after it ("[Your account](https://…)").
  [bracketSyntax, '['],
  [/(?<![A-Za-z0-9\u00C0-\u024F])(X{3,})(?![A-Za-z0-9\u00C0-\u024F])/g, 'XXX'], // XXX
  [/<([A-Z][A-Z0-9_]*(?: [A-Z0-9_]+){0,3})>/g, '<'], // <ISSUE_NUMBER>, <PROJECT NAME>
  // <name>, <customer name>, <jméno>: a field in angle brackets (not an HTML tag: those
  // names are not fields).
  [
    /<((?:customer|client|first|last|full|name|jméno|jmeno|meno|příjmení|prijmeni|priezvisko|order|date|datum|dátum|amount|částka|castka|suma)[a-zA-Z\u00C0-\u024F]*(?:[ _.-][a-zA-Z\u00C0-\u024F]+){0,3})>/gi,
    '<',
  ],
  [/(?<![{\w])[#%$]?\{([A-Za-z_][\w.]*)\}(?!\})/g, '{'], // osTicket {MESSAGE}, Ruby #{ticket.id}, %{ticket.name}
  // A blank to fill in, "___" (kept only beside other words: see besideWords).
  [BLANK, '___'],
];

const NAME_FIELD =
  /(?:first_?name|firstname|last_?name|full_?name|^name$|\.name$|customer_?name|jmeno|jméno|meno|krestni|oslovení|osloveni|vokativ|vocative|requester\.name|customer name|client name)/i;

export function findPlaceholders(text: string, to = text.length): Placeholder[] {
  let found: Placeholder[] = [];
  for (const [made, opener] of SYNTAXES) {
    if (!text.includes(opener)) continue;
    const syntax = typeof made === 'function' ? made() : made;
    // A syntax's matches never overlap one another; they are checked against the
    // earlier syntaxes' (kept sorted), not each against all, which a template of
    // thousands of placeholders made quadratic.
    const earlier = found;
    const added: Placeholder[] = [];
    syntax.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = syntax.exec(text)) !== null && m.index < to) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlapsAny(earlier, start, end)) continue;
      if (syntax === BLANK && !besideWords(text, start, end)) continue;
      const field = (m[1] ?? '').split(/[|,]/)[0].trim().toLowerCase();
      added.push({ start, end, text: m[0], field, isName: NAME_FIELD.test(field) && !/agent|current_user|sender/.test(field) });
    }
    if (added.length) found = [...earlier, ...added].sort((a, b) => a.start - b.start);
  }
  return found;
}
