// forbid: every match of a phrase is a violation (jargon, clutter, condescension…),
// with the entry's replacement as the way out, and an optional fix that removes it.
import { compileEntry, entriesFor, matchEntry, PHRASE_LIST_SCHEMA, type PhraseEntry } from '../phrase-list.js';
import type { Finding, RuleKind } from '../rule.js';
import type { Document } from '../../document/document.js';
import type { Fix } from '../../types.js';
import { findEntryMatches } from './shared.js';
import { Exemptions, findJargon, usedByCustomer, type JargonOptions } from '../lexicon/index.js';

// What may stand beside a removed match on a line that then goes whole.
const SEPARATOR = /[\s|·•:;,.#*_=~<>[\]()–—-]/;

/**
 * Whether text[from, to) holds separators only, read outwards from the match (from its
 * start back, or from its end on) and stopping at the first other character: a long line
 * of many matches costs each match a few characters, not the whole line.
 */
function separatorsOnly(text: string, from: number, to: number, backwards: boolean): boolean {
  if (backwards) {
    for (let i = to - 1; i >= from; i--) if (!SEPARATOR.test(text[i])) return false;
  } else {
    for (let i = from; i < to; i++) if (!SEPARATOR.test(text[i])) return false;
  }
  return true;
}

/**
 * Removing a match must not leave an empty line or dangling punctuation: when nothing
 * but separators would remain on its line, the whole line goes, with one of the blank
 * lines around it.
 */
export function removalFix(doc: Document, start: number, end: number): Fix {
  const { text } = doc;
  const lineStart = doc.lines.bounds(start).start;
  const lineEnd = doc.lines.bounds(end).end;
  if (separatorsOnly(text, lineStart, start, true) && separatorsOnly(text, end, lineEnd, false)) {
    // Drop the line with its line break; if that leaves two blank lines, drop one more.
    const afterContent = text.slice(lineEnd).trim() === '';
    if (afterContent) {
      // The last line: remove it and the blank lines above it, keeping the file's own
      // final line break (CRLF stays CRLF).
      let from = lineStart;
      while (from > 0 && /[\r\n \t]/.test(text[from - 1])) from--;
      const to = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
      return { range: [from, to], text: '' };
    }
    const from = lineStart;
    let to = lineEnd + 1;
    // A blank line above and one below: drop one of them too. (The line above is read on
    // its own: a regex anchored at the end of all the text before would scan it all, for
    // every fix in a long reply.)
    const above = from > 0 && text[from - 1] === '\n' ? text.slice(text.lastIndexOf('\n', from - 2) + 1, from - 1) : undefined;
    const below = /^[ \t]*\r?\n/.exec(text.slice(to));
    if (above !== undefined && /^[ \t]*\r?$/.test(above) && below) to += below[0].length;
    return { range: [from, to], text: '' };
  }
  // Inline: take the match and the separator on one side of it.
  let s = start;
  let e = end;
  const after = /^[ \t]*[|·•:;,–—-]?[ \t]*/.exec(text.slice(e))![0];
  if (after.length) e += after.length;
  else while (s > lineStart && /[ \t|·•:;,–—-]/.test(text[s - 1])) s--;
  return { range: [s, e], text: '' };
}

export const forbid: RuleKind = {
  name: 'forbid',
  doc: "Every match of a phrase is reported (jargon, clutter, condescension), with the entry's replacement as the way out and, if asked, a fix.",
  fields: {
    phrases: {
      ...PHRASE_LIST_SCHEMA,
      required: true,
      doc: "Phrases reported wherever they match in the zone; an entry's replace is offered as the replacement, and an html entry is also looked for in the HTML source or typed markup.",
    },
    zone: {
      type: 'enum',
      values: ['content', 'reply'],
      doc: "Where phrases are looked for: content is the agent's own words without the closing and signature; reply is the whole reply before the quoted history.",
      default: 'content',
    },
    fix: {
      type: 'enum',
      values: ['none', 'remove', 'replace'],
      doc: "The fix offered: remove deletes the match (its whole line when only separators would remain); replace puts in the entry's replacement, where it has one.",
      default: 'none',
    },
    teamVocabulary: {
      type: 'boolean',
      doc: "Whether the config's vocabulary applies: its jargon terms are added as phrases in every language, and a match written as one of its allow words is not reported.",
      default: 'false',
    },
    lexicon: {
      type: 'object',
      fields: { terms: { type: 'boolean' }, acronyms: { type: 'boolean' } },
      doc: 'The jargon lexicon (rules/lexicons/): terms: true reports its terms, acronyms: true reports acronyms customers do not know; brand names are exempt, and so is an acronym the customer used.',
      default: 'none: the lexicon is not used',
    },
  },
  messages: ['found'],
  fixable: (spec) => spec.fix === 'remove' || spec.fix === 'replace',
  compile(tools) {
    const { spec, vocabulary, brand } = tools;
    const lists = tools.phraseLists(['phrases']);
    if (spec.teamVocabulary) {
      // A team's own internal words apply in every language.
      const team: PhraseEntry[] = vocabulary.jargon.map((j, i) =>
        compileEntry({ match: j.term, replace: j.replace }, ['vocabulary', 'jargon', i], { ...tools, trusted: false }),
      );
      lists.add('any', team);
    }
    const allowed = new Set(spec.teamVocabulary ? vocabulary.allow.map((a) => a.toLowerCase()) : []);
    const zoneName = (spec.zone as string | undefined) ?? 'content';
    const fixMode = (spec.fix as string | undefined) ?? 'none';
    const lexicon = spec.lexicon as Partial<JargonOptions> | undefined;
    const jargon: JargonOptions | undefined =
      lexicon && (lexicon.terms || lexicon.acronyms) ? { terms: Boolean(lexicon.terms), acronyms: Boolean(lexicon.acronyms) } : undefined;
    // The company's own names are never jargon; nor is what the team allows.
    const exemptions = jargon ? new Exemptions(spec.teamVocabulary ? vocabulary.allow : [], brand.names) : undefined;
    return ({ doc, reply, language }) => {
      const zone = zoneName === 'reply' ? { start: 0, end: doc.end } : doc.content;
      const findings: Finding[] = [];
      // Markup is gone from text extracted out of HTML: look for it in the source, and
      // report it on the opening line (the text has no place for it).
      if (reply.html) {
        const source = reply.html;
        const lowered = source.toLowerCase();
        for (const entry of entriesFor(lists, language).filter((e) => e.html)) {
          for (const m of matchEntry(entry, source, lowered, 0, source.length)) {
            findings.push({
              start: doc.opening.start,
              end: doc.opening.end,
              message: 'found',
              messageText: entry.message,
              data: { match: source.slice(m.start, m.end), replacement: '' },
            });
          }
        }
      }
      let matches: { start: number; end: number; replace?: string; message?: string }[] = findEntryMatches(doc, entriesFor(lists, language), zone).map((m) => ({
        start: m.start,
        end: m.end,
        replace: m.entry.replace,
        message: m.entry.message,
      }));
      // Markup typed or pasted into a plain-text reply ('<font color="red">') reaches the
      // customer as it is: look for it in the text, where tags are literals that the
      // entries above skip (markup entries only; a reply from HTML was read above).
      if (!reply.html && doc.text.includes('<', zone.start)) {
        const markup = entriesFor(lists, language).filter((e) => e.html);
        if (markup.length) {
          for (const entry of markup)
            for (const m of matchEntry(entry, doc.text, doc.folded, zone.start, zone.end))
              matches.push({ start: m.start, end: m.end, replace: entry.replace, message: entry.message });
          matches.sort((a, b) => a.start - b.start || b.end - a.end);
        }
      }
      if (jargon) {
        // An unknown acronym the customer wrote themselves is their word, not our jargon.
        const found = findJargon(doc, zone, language, jargon).filter(
          (j) =>
            !exemptions!.exempt(doc, j.start, j.end, j.term) &&
            !(j.concept === undefined && usedByCustomer(reply.context.customerMessages, doc.text.slice(j.start, j.end))),
        );
        if (found.length)
          matches = [...matches, ...found.map((j) => ({ start: j.start, end: j.end, replace: j.replacement }))].sort(
            (a, b) => a.start - b.start || b.end - a.end,
          );
      }
      let lastEnd = -1;
      for (const m of matches) {
        const matched = doc.text.slice(m.start, m.end);
        if (m.start < lastEnd || allowed.has(matched.toLowerCase())) continue;
        lastEnd = m.end;
        const fix =
          fixMode === 'remove'
            ? removalFix(doc, m.start, m.end)
            : fixMode === 'replace' && m.replace !== undefined
              ? { range: [m.start, m.end] as [number, number], text: m.replace }
              : undefined;
        findings.push({
          start: m.start,
          end: m.end,
          message: 'found',
          messageText: m.message,
          data: { match: matched, replacement: m.replace ?? '' },
          fix,
        });
      }
      return findings;
    };
  },
};
