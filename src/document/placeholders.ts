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

const SYNTAXES: readonly RegExp[] = [
  // (The spaces inside the braces are trimmed from the field, not matched: \s* on both
  // sides of a lazy field split a run of spaces cubically.)
  /\{\{([^{}\n]*)\}\}/g, // Zendesk, Liquid, Handlebars: {{first_name}}, {{x | fallback: "y"}}
  /\{%([^%\n]*)%\}/g, // Liquid tags, Intercom {%customer.firstName,fallback=there%}
  /(?<![\w%])%([A-Za-z_][\w.]*(?:,[^%\n]*)?)%(?![\w%])/g, // %customer.firstName%
  /\{!\s*([\w.]+)\s*\}/g, // Salesforce {!Contact.FirstName}
  /\[((?:Customer|Client|First|Last|Full|Your|Agent|Order|Ticket|Name|Jméno|Meno|Zákazník)[^\]\n]{0,30})\]/g, // [Customer Name]
  /(?<![A-Za-z0-9\u00C0-\u024F])(X{3,})(?![A-Za-z0-9\u00C0-\u024F])/g, // XXX
  /<([A-Z][A-Z0-9_]*(?: [A-Z0-9_]+){0,3})>/g, // <ISSUE_NUMBER>, <PROJECT NAME>
  /(?<![{\w])[#%$]?\{([A-Za-z_][\w.]*)\}(?!\})/g, // osTicket {MESSAGE}, Ruby #{ticket.id}, %{ticket.name}
];

const NAME_FIELD = /(?:first_?name|firstname|last_?name|full_?name|^name$|\.name$|customer_?name|jmeno|jméno|meno|krestni|oslovení|osloveni|vokativ|vocative|requester\.name|customer name|client name)/i;

export function findPlaceholders(text: string, to = text.length): Placeholder[] {
  let found: Placeholder[] = [];
  for (const syntax of SYNTAXES) {
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
      const field = m[1].split(/[|,]/)[0].trim().toLowerCase();
      added.push({ start, end, text: m[0], field, isName: NAME_FIELD.test(field) && !/agent|current_user|sender/.test(field) });
    }
    if (added.length) found = [...earlier, ...added].sort((a, b) => a.start - b.start);
  }
  return found;
}
