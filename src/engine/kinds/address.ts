// address: the customer is addressed by name, the right name, in the right case.
// Czech addresses in the vocative ("pane Nováku", "Jano"); Slovak and English use the
// name as it is. Silent when the customer's name is unknown.
//
// Names as helpdesks hand them over (issue 17): a nickname or diminutive is the same
// person ("Bill" for William, "Honzo" for Jan, "Zuzka" for Zuzana: language/nicknames.ts);
// a title the customer holds by a degree addresses them ("pane inženýre", "pán
// inžinier"); after a woman's title her surname keeps its form ("paní Černá", typed
// "pani Cerna" too); and each language's address in the other is reported with the fix
// ("pán Novák" in a Czech reply → "pane Nováku", "pane Nováku" in a Slovak one → "pán Novák").
import type { Document } from '../../document/document.js';
import type { NameToken } from '../../document/salutation.js';
import { allTitles } from '../../document/salutation.js';
import { type CustomerName, readCustomerName } from '../../language/customer-name.js';
import { helperFor } from '../../language/index.js';
import { Nicknames } from '../../language/nicknames.js';
import { honorific, readTitle, titleAddress } from '../../language/titles.js';
import { AFTER_WORD, BEFORE_WORD, fold } from '../../text/fold.js';
import type { Language } from '../../types.js';
import type { Finding, RuleKind } from '../rule.js';

interface NameForms {
  /** Folded forms that address the customer correctly. */
  correct: Set<string>;
  /** Folded forms in the wrong case (Czech nominatives) → the vocative to write. */
  wrongCase: Map<string, string>;
  /** Folded Czech vocatives, in a Slovak reply → the name as Slovak addresses (the nominative). */
  czechVocatives: Map<string, string>;
}

/** How a language addresses by the given words (a name's parts, or their nicknames). */
function formsOfWords(words: readonly string[], language: Language, forms: NameForms, czechInSlovak: boolean): NameForms {
  const helper = helperFor(language);
  for (const word of words) {
    const [address] = helper.addressForms(word);
    forms.correct.add(fold(address));
    if (helper.usesVocative && fold(address) !== fold(word)) forms.wrongCase.set(fold(word), address);
    else forms.correct.add(fold(word));
    if (czechInSlovak) {
      const [vocative] = helperFor('cs').addressForms(word);
      if (fold(vocative) !== fold(word)) forms.czechVocatives.set(fold(vocative), word);
    }
  }
  return forms;
}

const emptyForms = (): NameForms => ({ correct: new Set(), wrongCase: new Map(), czechVocatives: new Map() });

const mentionPatterns = new Map<string, RegExp>();
// Caches of what one name costs to work out, for the replies of one conversation or
// one batch; cleared when full, so an audit of millions of names holds no more.
const CACHE_LIMIT = 2000;

function mentions(doc: Document, forms: Iterable<string>): boolean {
  const content = doc.folded.slice(doc.content.start, doc.content.end);
  for (const form of forms) {
    // The cheap question first: most forms (a nickname list's) are nowhere in the reply.
    if (!content.includes(form)) continue;
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

/** A word of the salutation as the check reads it: fine, or what to write instead and why. */
interface Reading {
  token: NameToken;
  status: 'ok' | 'wrong-case' | 'other-language';
  expected?: string;
}

/** Readings next to each other that are not ok, as one finding each: "pán Novák" → "pane Nováku". */
function caseFindings(doc: Document, readings: Reading[], language: Language): Finding[] {
  const findings: Finding[] = [];
  let run: Reading[] = [];
  const flush = () => {
    if (!run.length) return;
    const start = run[0].token.start;
    const end = run[run.length - 1].token.end;
    let expected = '';
    let at = start;
    for (const r of run) {
      expected += doc.text.slice(at, r.token.start) + inWritersStyle(doc, r.expected!);
      at = r.token.end;
    }
    const otherLanguage = run.some((r) => r.status === 'other-language');
    findings.push({
      start,
      end,
      message: otherLanguage ? (language === 'cs' ? 'slovak-address' : 'czech-vocative') : 'wrong-case',
      data: { found: doc.text.slice(start, end), expected },
      fix: { range: [start, end], text: expected },
    });
    run = [];
  };
  for (const r of readings) {
    if (r.status === 'ok') flush();
    else run.push(r);
  }
  flush();
  return findings;
}

export const address: RuleKind = {
  name: 'address',
  doc: "The customer is addressed by name (a nickname or diminutive of it, or a title their degree gives, counts), the right name, and in Czech in the vocative; the wrong case, and Slovak's address in a Czech reply or Czech's vocative in a Slovak one, are fixed. Silent when the customer's name is unknown, and in a canned response that has a name placeholder.",
  fields: {},
  messages: ['missing', 'wrong-name', 'wrong-case', 'slovak-address', 'czech-vocative'],
  // The wrong grammatical case of a name or title is fixed (vocative), and the other language's address.
  fixable: () => true,
  compile({ vocabulary }) {
    const nicknames = new Nicknames(vocabulary.nicknames ? [vocabulary.nicknames] : []);
    // Per linter (a team's nicknames make its forms), per name and language.
    const names = new Map<string, CustomerName>();
    const direct = new Map<string, NameForms>();
    const extended = new Map<string, NameForms>();
    const cached = <T>(cache: Map<string, T>, key: string, make: () => T): T => {
      let value = cache.get(key);
      if (value === undefined) {
        value = make();
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(key, value);
      }
      return value;
    };
    const nameOf = (field: string) => cached(names, field, () => readCustomerName(field, allTitles()));
    // The name as written: what almost every reply uses, and all most replies need.
    const directForms = (field: string, language: Language) =>
      cached(direct, `${language}:${field}`, () => formsOfWords(nameOf(field).parts, language, emptyForms(), false));
    // With the nicknames of its parts, and in a Slovak reply the Czech vocatives: worked
    // out only when the name as written is not found, so a reply that addresses its
    // customer plainly never reads the nickname list.
    const extendedForms = (field: string, language: Language) =>
      cached(extended, `${language}:${field}`, () => {
        const { parts } = nameOf(field);
        const forms = formsOfWords(parts, language, emptyForms(), language === 'sk');
        return formsOfWords(
          parts.flatMap((p) => nicknames.formsOf(p)),
          language,
          forms,
          language === 'sk',
        );
      });

    return ({ doc, reply, language }) => {
      const { customerName, template } = reply.context;
      if (template && doc.placeholders.some((p) => p.isName)) return [];
      if (!customerName) return [];
      const customer = nameOf(customerName);
      if (!customer.parts.length) return [];
      const salutation = doc.salutation;
      const addressed = salutation?.names ?? [];
      const titleReadings = (salutation?.titles ?? []).map((token) => ({ token, title: readTitle(token.text, language) }));
      const usesTheirTitle = titleReadings.some((t) => t.title && customer.titles.includes(t.title.title));

      if (addressed.length) {
        let forms = directForms(customerName, language);
        const folded = addressed.map((n) => fold(n.text));
        // Short forms that are prefixes count as the name: Chris/Christopher, Alex/Alexandra.
        const prefixOf = (f: string, fs: NameForms) =>
          [...fs.correct, ...fs.wrongCase.keys()].some((k) => f.length >= 3 && k.length >= 3 && (k.startsWith(f) || f.startsWith(k)));
        const isForm = (f: string, fs: NameForms) => fs.correct.has(f) || fs.wrongCase.has(f) || fs.czechVocatives.has(f) || prefixOf(f, fs);
        // A word not plainly right may be a nickname, a wrong case or the other language's form.
        if (!folded.every((f) => forms.correct.has(f))) forms = extendedForms(customerName, language);
        if (!folded.some((f) => isForm(f, forms))) {
          const expected = helperFor(language).addressForms(customer.parts[0])[0];
          const span = addressed[addressed.length - 1];
          return [
            {
              start: addressed[0].start,
              end: span.end,
              message: 'wrong-name',
              severity: 'error',
              data: { found: doc.text.slice(addressed[0].start, span.end), customer: customerName, expected: inWritersStyle(doc, expected) },
            },
          ];
        }
        // After a woman's title her surname keeps its form: "paní Černá", "pani Cerna"
        // (an -á surname typed without its accent reads as a noun in -a), "paní Novák".
        const womansTitle = titleReadings.some((t) => t.title?.gender === 'woman');
        const readings: Reading[] = [
          ...titleReadings.map(({ token, title }) => ({ token, status: title?.status ?? 'ok', expected: title?.expected })),
          ...addressed.map((token): Reading => {
            const f = fold(token.text);
            if (forms.correct.has(f)) return { token, status: 'ok' };
            const vocative = forms.wrongCase.get(f);
            if (vocative !== undefined) return womansTitle ? { token, status: 'ok' } : { token, status: 'wrong-case', expected: vocative };
            const nominative = forms.czechVocatives.get(f);
            if (nominative !== undefined) return { token, status: 'other-language', expected: nominative };
            return { token, status: 'ok' };
          }),
        ].sort((a, b) => a.token.start - b.token.start);
        return caseFindings(doc, readings, language);
      }
      if (usesTheirTitle) {
        return caseFindings(
          doc,
          titleReadings.map(({ token, title }) => ({ token, status: title?.status ?? 'ok', expected: title?.expected })),
          language,
        );
      }
      if (mentions(doc, mentionForms(directForms(customerName, language)))) return [];
      if (mentions(doc, mentionForms(extendedForms(customerName, language)))) return [];
      if (mentions(doc, titleMentions(customer, language))) return [];
      return [
        {
          start: doc.opening.start,
          end: doc.opening.end,
          message: 'missing',
          data: { expected: inWritersStyle(doc, helperFor(language).addressForms(customer.parts[0])[0]), customer: customerName },
        },
      ];
    };
  },
};

const mentionForms = (forms: NameForms) => [...forms.correct, ...forms.wrongCase.keys()];

/** "pane inženýre", "pani doktorka": the customer's titles after the honorific, folded, for a reply that addresses them later on. */
function titleMentions(customer: CustomerName, language: Language): string[] {
  return customer.titles.flatMap((title) => {
    const address = titleAddress(title, language);
    return (['man', 'woman'] as const).flatMap((g) => {
      const before = honorific(language, g);
      return address[g] && before ? [fold(`${before} ${address[g]}`)] : [];
    });
  });
}
