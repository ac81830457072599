// forbid-paired: `phrases` are violations on their own (forbid); a phrase of `first` is
// one only when a phrase of `second` stands in its sentence or within `within` sentences
// of it, before or after. No-deflection needs both halves of a construction that spans
// sentences: "We are only the marketplace. Please contact them directly." Neither half
// alone bounces the customer ("we are only the marketplace, so I've asked the seller…";
// "please contact them" after "our courier will call you"), the two together do (issue 11).
import { entriesFor, PHRASE_LIST_SCHEMA } from '../phrase-list.js';
import type { Finding, RuleKind } from '../rule.js';
import { fold } from '../../text/fold.js';
import { findEntryMatches } from './shared.js';

/** The index of the sentence holding an offset (sentences are in order: a binary search). */
function sentenceIndex(starts: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < starts[mid].start) hi = mid - 1;
    else if (offset >= starts[mid].end) lo = mid + 1;
    else return mid;
  }
  return lo; // between sentences: the next one
}

/** Folded (as the rules read text), words separated by single spaces and padded: " acme mobile ". */
function words(text: string): string {
  return ` ${fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

export const forbidPaired: RuleKind = {
  name: 'forbid-paired',
  doc: "Phrases that are reported on their own, and pairs of phrases reported only together: a phrase of first with a phrase of second near it. A match that holds one of the config's brand names is never reported.",
  fields: {
    phrases: {
      ...PHRASE_LIST_SCHEMA,
      required: true,
      doc: "Phrases reported wherever they match in the agent's own words (without the closing and signature).",
    },
    first: {
      ...PHRASE_LIST_SCHEMA,
      doc: 'One half of a pair: a phrase of first and a phrase of second in one sentence, or up to `within` sentences apart either way, are reported as one finding.',
      default: 'none: no pairs are reported',
    },
    second: {
      ...PHRASE_LIST_SCHEMA,
      doc: 'The other half of a pair (see first); a pair that overlaps a phrase already reported is skipped.',
      default: 'none: no pairs are reported',
    },
    within: {
      type: 'number',
      min: 0,
      max: 5,
      doc: 'How many sentences apart the two halves of a pair may stand; 0 means the same sentence.',
      default: '1',
    },
  },
  messages: ['found'],
  fixable: () => false,
  compile(tools) {
    const { spec } = tools;
    const phrases = tools.phraseLists(['phrases']);
    const first = tools.phraseLists(['first']);
    const second = tools.phraseLists(['second']);
    const within = (spec.within as number | undefined) ?? 1;
    // The company itself (config `brand`) is no third party: "contact Apple Support" is no
    // deflection in Apple's own replies, even though {third-party} names Apple.
    const brandNames = tools.brand.names.map(words).filter((n) => n.trim());
    const isBrand = brandNames.length
      ? (doc: { folded: string }, m: { start: number; end: number }) => {
          const w = words(doc.folded.slice(m.start, m.end));
          return brandNames.some((n) => w.includes(n));
        }
      : () => false;
    return ({ doc, language }) => {
      const zone = doc.content;
      const findings: Finding[] = [];
      const taken: [number, number][] = [];
      let lastEnd = -1;
      for (const m of findEntryMatches(doc, entriesFor(phrases, language), zone)) {
        if (m.start < lastEnd || isBrand(doc, m)) continue;
        lastEnd = m.end;
        taken.push([m.start, m.end]);
        findings.push({ start: m.start, end: m.end, message: 'found', messageText: m.entry.message, data: { match: doc.text.slice(m.start, m.end) } });
      }
      // `second` first: its phrases carry literals to look for, `first` names whole classes
      // ({third-party} beside {liability}), and most replies hold neither.
      const seconds = findEntryMatches(doc, entriesFor(second, language), zone).filter((m) => !isBrand(doc, m));
      if (!seconds.length) return findings;
      const firsts = findEntryMatches(doc, entriesFor(first, language), zone).filter((m) => !isBrand(doc, m));
      if (!firsts.length) return findings;
      const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && a < e);
      const sentences = doc.sentences;
      const secondAt = seconds.map((m) => sentenceIndex(sentences, m.start));
      for (const f of firsts) {
        const at = sentenceIndex(sentences, f.start);
        const k = secondAt.findIndex((s, i) => Math.abs(s - at) <= within && (seconds[i].start >= f.end || seconds[i].end <= f.start));
        if (k < 0) continue;
        const s = seconds[k];
        // One finding per pair, and none where a phrase found on its own already stands.
        if (overlaps(f.start, f.end) || overlaps(s.start, s.end)) continue;
        taken.push([f.start, f.end], [s.start, s.end]);
        const [a, b] = f.start < s.start ? [f, s] : [s, f];
        findings.push({
          start: a.start,
          end: a.end,
          message: 'found',
          data: { match: `${doc.text.slice(a.start, a.end)} … ${doc.text.slice(b.start, b.end)}` },
        });
      }
      return findings.sort((x, y) => x.start - y.start);
    };
  },
};
