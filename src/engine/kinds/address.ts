// address: the customer is addressed by name, the right name, in the right case.
// Czech addresses in the vocative ("pane Nováku", "Jano"); Slovak and English use the
// name as it is. Silent when the customer's name is unknown.
import type { Document } from '../../document/document.js';
import { allTitles } from '../../document/salutation.js';
import { helperFor } from '../../language/index.js';
import { fold, BEFORE_WORD, AFTER_WORD } from '../../text/fold.js';
import { MAX_NAME_CHARS, type Language } from '../../types.js';
import type { Finding, RuleKind } from '../rule.js';

// A name field longer than MAX_NAME_CHARS holds something else (a pasted message, an
// attack): the customer's name is then unknown. Czech vocatives cost time superlinear in
// a word's length (a 100 KB "name" took 29 s), so no longer word is ever a part of a name.
const MAX_NAME_PART = 40;

function nameParts(fullName: string): string[] {
  if (fullName.length > MAX_NAME_CHARS) return [];
  return fullName
    .split(/\s+/)
    .map((p) => p.replace(/[.,]$/, ''))
    .filter((p) => p.length > 1 && p.length <= MAX_NAME_PART && !allTitles().has(fold(p)) && !/^(ing|mgr|bc|phd|mudr|judr)$/i.test(p));
}

interface NameForms {
  /** Folded forms that address the customer correctly. */
  correct: Set<string>;
  /** Folded nominatives that a language with a vocative should not use, → vocative. */
  wrongCase: Map<string, string>;
}

// Caches of what one name costs to work out, for the replies of one conversation or
// one batch; cleared when full, so an audit of millions of names holds no more.
const CACHE_LIMIT = 2000;
const formsCache = new Map<string, NameForms>();

/** The forms of a customer's name in a language, computed once per name (vocatives are not free). */
function formsOf(fullName: string, language: Language): NameForms {
  const key = `${language}:${fullName}`;
  let forms = formsCache.get(key);
  if (!forms) {
    forms = computeForms(fullName, language);
    if (formsCache.size >= CACHE_LIMIT) formsCache.clear();
    formsCache.set(key, forms);
  }
  return forms;
}

function computeForms(fullName: string, language: Language): NameForms {
  const helper = helperFor(language);
  const correct = new Set<string>();
  const wrongCase = new Map<string, string>();
  // A woman's surname typed without diacritics ("Kateřina Černá" as "Katerina Cerna")
  // reads as a noun in -a, whose vocative would be "Cerno"; a woman's surname keeps its
  // form. A woman is told by her first name in -a; a man's "Svoboda" still takes "Svobodo".
  const parts = nameParts(fullName);
  const unaccented = fold(fullName) === fullName.toLowerCase();
  const womansSurname = (i: number) => unaccented && parts.length > 1 && i === parts.length - 1 && fold(parts[0]).endsWith('a') && fold(parts[i]).endsWith('a');
  for (const [i, part] of parts.entries()) {
    for (const form of helper.addressForms(part)) correct.add(fold(form));
    if (helper.usesVocative) {
      const [vocative] = helper.addressForms(part);
      if (fold(vocative) !== fold(part) && !womansSurname(i)) wrongCase.set(fold(part), vocative);
      else correct.add(fold(part));
    } else {
      correct.add(fold(part));
    }
  }
  return { correct, wrongCase };
}

const mentionPatterns = new Map<string, RegExp>();

function mentions(doc: Document, forms: Iterable<string>): boolean {
  const content = doc.folded.slice(doc.content.start, doc.content.end);
  for (const form of forms) {
    let re = mentionPatterns.get(form);
    if (!re) {
      // Not inside an e-mail address or a link: "kevin.ross@mailbox.co.uk" names nobody.
      re = new RegExp(`${BEFORE_WORD}(?<![.@])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${AFTER_WORD}(?![.@][a-z0-9])`);
      if (mentionPatterns.size >= CACHE_LIMIT) mentionPatterns.clear();
      mentionPatterns.set(form, re);
    }
    if (re.test(content)) return true;
  }
  return false;
}

/** Keep the writer's own spelling: no diacritics if the reply has none. */
function inWritersStyle(doc: Document, suggestion: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the class is every character outside ASCII
  return /[^\x00-\x7f]/.test(doc.text.slice(0, doc.end)) ? suggestion : suggestion.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

export const address: RuleKind = {
  name: 'address',
  doc: "The customer is addressed by name, the right name, and in Czech in the vocative; the wrong case is fixed. Silent when the customer's name is unknown, and in a canned response that has a name placeholder.",
  fields: {},
  messages: ['missing', 'wrong-name', 'wrong-case'],
  // The wrong grammatical case of a name is fixed (vocative).
  fixable: () => true,
  compile() {
    return ({ doc, reply, language }) => {
      const { customerName, template } = reply.context;
      if (template && doc.placeholders.some((p) => p.isName)) return [];
      if (!customerName || !nameParts(customerName).length) return [];
      const forms = formsOf(customerName, language);
      const addressed = doc.salutation?.names ?? [];
      const findings: Finding[] = [];
      if (addressed.length) {
        const folded = addressed.map((n) => fold(n.text));
        const wrongCase = addressed.filter((n) => forms.wrongCase.has(fold(n.text)));
        // Short forms that are prefixes count as the name: Chris/Christopher, Alex/Alexandra.
        const known = [...forms.correct, ...forms.wrongCase.keys()];
        const matches = (f: string) =>
          forms.correct.has(f) || forms.wrongCase.has(f) || known.some((k) => f.length >= 3 && k.length >= 3 && (k.startsWith(f) || f.startsWith(k)));
        if (!folded.some(matches)) {
          const [first] = nameParts(customerName);
          const expected = helperFor(language).addressForms(first)[0];
          const span = addressed[addressed.length - 1];
          findings.push({
            start: addressed[0].start,
            end: span.end,
            message: 'wrong-name',
            severity: 'error',
            data: { found: doc.text.slice(addressed[0].start, span.end), customer: customerName, expected: inWritersStyle(doc, expected) },
          });
        }
        for (const n of wrongCase) {
          const expected = inWritersStyle(doc, forms.wrongCase.get(fold(n.text))!);
          findings.push({
            start: n.start,
            end: n.end,
            message: 'wrong-case',
            data: { found: n.text, expected },
            fix: { range: [n.start, n.end], text: expected },
          });
        }
        return findings;
      }
      if (mentions(doc, [...forms.correct, ...forms.wrongCase.keys()])) return [];
      const [first] = nameParts(customerName);
      return [
        {
          start: doc.opening.start,
          end: doc.opening.end,
          message: 'missing',
          data: { expected: inWritersStyle(doc, helperFor(language).addressForms(first)[0]), customer: customerName },
        },
      ];
    };
  },
};
