// signature: an e-mail closes with a sign-off signed by a person ("Best wishes,\nMark"),
// not only by a team ("Your Support Team"), and not with nothing at all.
//
// The sign-off is read off the last lines of the reply proper (quoted history is not
// there), in every shape agents write it (issue 11):
//   a closing, then a name block          "Kind regards,\nMark Taylor\nCustomer Care"
//   a closing and a name on one line      "Thanks, Mark", "Díky, Jana", "S pozdravem Jana Nováková"
//   a line ending in a comma, then a name "Thank you for your patience,\nMark"
//   a delimiter, then a name block        "--\nJana Nováková\nzákaznická podpora"
//   a name block after a blank line       "Petr, tým podpory", "Mark Taylor | Customer Care"
//   a caret or dash on a social reply     "… ^Amy", "… – Becky"
// A closing alone ("Have a nice day!") is unsigned; a team or company alone ("Tým XY",
// "The Acme Team") is the team message. The first line is never read as a name: there it
// is the greeting ("Anna Smith,"). A closing mid-text is not one: a name must follow it,
// and a name is a few capitalised words, not a sentence.
import type { Document } from '../../document/document.js';
import type { Span } from '../../types.js';
import { fold, isUpper } from '../../text/fold.js';
import { matchEntry, PHRASE_LIST_SCHEMA, type PhraseEntry } from '../phrase-list.js';
import { candidateEntries } from '../entry-filter.js';
import type { Language } from '../../types.js';
import type { RuleKind } from '../rule.js';

type Verdict = 'person' | 'team' | undefined;

/** How far up from the end a sign-off is looked for, in non-empty lines. */
const TAIL_LINES = 8;
/** A sign-off block (name and role or contact lines) has at most this many lines. */
const BLOCK_LINES = 5;
/** How far up from the end a sign-off is looked for, in characters. */
const TAIL_CHARS = 500;

const AGENT_FIELD = /your[ _]?name|agent|current_user|user\.|sender|signature|podpis|operator|assignee|author|staff|rep\b/;
const NOT_AGENT_FIELD = /customer|client|requester|zakaznik|zákazník|url|link|tracking|order|ticket|date|datum|amount|xxx|^$/;
const DELIMITER = /^(?:-{2,}|—|–|_{2,}|={2,}|\*{3,})\s*$/;
// Where a name ends and a role, a company or contact details begin.
const NAME_END = /[,|/(@·•]|\s[-–—]\s|\s(?:from|at|of|z|ze|zo|za|for|pro|pre)\s/u;
/** A cased letter (written without a \p{L} regex: compiling one cost half a millisecond of every start). */
const isLetter = (ch: string) => ch.toLowerCase() !== ch.toUpperCase();

/** A word of a name: a capital, then letters, apostrophes, dots or hyphens ("Nováková", "O'Neil", "J."). */
function isNameWord(word: string): boolean {
  if (!isUpper(word[0])) return false;
  for (let i = 1; i < word.length; i++) if (!isLetter(word[i]) && !"'’.-".includes(word[i])) return false;
  return true;
}
// Lower-case name particles: "Ludwig van Beethoven", "Maria de la Cruz".
const PARTICLE = /^(?:van|von|de|der|den|la|le|da|di|du|del|ml\.|st\.)$/;

interface Tools {
  doc: Document;
  teamWords: () => TeamWords;
  closings: () => readonly PhraseEntry[];
  agent?: string;
  /** Where the tail (the lines a sign-off may be on) starts. */
  from: number;
  /** Per start offset, the end of the longest closing there; filled once per reply. */
  closingAt?: Map<number, number>;
}

interface TeamWords {
  exact: Set<string>;
  /** The stems of entries written with a *: "zakaznick". */
  prefixes: string[];
}

function teamWordsOf(entries: readonly string[]): TeamWords {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const entry of entries) {
    const folded = fold(entry.trim());
    if (folded.endsWith('*')) prefixes.push(folded.slice(0, -1));
    else exact.add(folded);
  }
  return { exact, prefixes };
}

/** Every entry run once over the whole tail, not once per line: a reply costs one pass. */
function closingsAt(t: Tools): Map<number, number> {
  if (t.closingAt) return t.closingAt;
  const at = new Map<number, number>();
  for (const entry of candidateEntries(t.closings(), t.doc.text, t.doc.folded)) {
    for (const m of matchEntry(entry, t.doc.text, t.doc.folded, t.from, t.doc.end)) if ((at.get(m.start) ?? -1) < m.end) at.set(m.start, m.end);
  }
  return (t.closingAt = at);
}

/**
 * Whether [start, end) holds a team word. Team words are single words ("team", "tým",
 * "zákaznick*", "s.r.o."), so they are looked up word by word in a set: a name segment is
 * a few words, and a phrase search per team word cost more than the rest of the rule.
 */
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

function hasTeamWord(t: Tools, start: number, end: number): boolean {
  const { exact, prefixes } = t.teamWords();
  for (const raw of fold(t.doc.text.slice(start, end)).split(/[\s,;:|/()]+/)) {
    let a = 0;
    let b = raw.length;
    while (a < b && !isWordChar(raw.charCodeAt(a))) a++;
    while (b > a && !isWordChar(raw.charCodeAt(b - 1)) && raw[b - 1] !== '.') b--;
    const word = raw.slice(a, b);
    let bare = b;
    while (bare > a && raw[bare - 1] === '.') bare--;
    if (!word) continue;
    if (exact.has(word) || exact.has(raw.slice(a, bare)) || prefixes.some((p) => word.startsWith(p))) return true;
  }
  return false;
}

const lineText = (doc: Document, z: Span) => doc.text.slice(z.start, z.end);

/** The line with leading delimiters ("-- Mark", "^Amy", "— Jana") stripped, as a zone. */
function trimLead(doc: Document, z: Span): Span {
  let s = z.start;
  while (s < z.end && /[\s^~*>–—-]/.test(doc.text[s])) s++;
  return { start: s, end: z.end };
}

/**
 * Whether [start, end) names a person, a team, or neither: its name part (up to a comma,
 * a bar, " – ", "from"…) is one to four capitalised words; a team word in it makes a team.
 */
function nameAt(t: Tools, start: number, end: number, capitalised = false): Verdict {
  const { doc } = t;
  let s = start;
  let e = end;
  while (s < e && /[\s^~*>–—:-]/.test(doc.text[s])) s++;
  while (e > s && /\s/.test(doc.text[e - 1])) e--;
  if (e <= s || e - s > 80) return undefined;
  // In a canned response the agent's name is a placeholder: {{current_user.first_name}}
  // (not the customer's, nor a link's: "{{tracking_url}}").
  // Under a closing any other field is the agent's too ("Best,\n[Name]").
  if (doc.placeholders.some((p) => p.start >= s && p.end <= e && (AGENT_FIELD.test(p.field) || (!capitalised && !NOT_AGENT_FIELD.test(p.field)))))
    return 'person';
  // A sentence is no name ("Done."; "Mark!" and "Jana N." are names).
  // A line ending in a stop is a sentence, unless the stop ends an initial ("Jana K.").
  const initial = e - s >= 3 && doc.text[e - 1] === '.' && isUpper(doc.text[e - 2]) && /\s/.test(doc.text[e - 3]);
  if (/[.?:;]$/.test(doc.text.slice(s, e)) && !initial) return undefined;
  while (e > s && /[\s,.!;:]/.test(doc.text[e - 1])) e--;
  // A bare trailing line names someone only if it starts with a capital.
  if (capitalised && !isUpper(doc.text[s])) return undefined;
  const line = doc.text.slice(s, e);
  const cut = NAME_END.exec(line);
  const name = (cut ? line.slice(0, cut.index) : line).trim();
  const words = name.split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 5) return undefined;
  const nameEnd = s + name.length;
  // "Tým XY", "Zákaznické centrum Modino", "The Acme Team": a team, capitalised or not.
  if (hasTeamWord(t, s, nameEnd)) return 'team';
  if (words.length > 4) return undefined;
  if (!words.every((w, i) => isNameWord(w) || (i > 0 && PARTICLE.test(w)))) return undefined;
  if (!words.some((w) => /^[a-z'’-]{2,}$/.test(fold(w)))) return undefined; // initials only: "AA", "J."
  // A closing written with capitals ("Best Regards", "Have A Nice Day") is no name.
  if ((closingsAt(t).get(s) ?? -1) >= 0) return undefined;
  return 'person';
}

/** Where a closing starts [from, to): the end of the closing, or -1. */
function closingEnd(t: Tools, from: number, to: number): number {
  const end = closingsAt(t).get(from) ?? -1;
  return end <= to ? end : -1;
}

/** Where the last sentence of a line starts, if the line holds more than one. */
function lastSentence(doc: Document, z: Span): number {
  // A stop, spaces, a capital: the last such capital starts it.
  const { text } = doc;
  for (let i = z.end - 1; i > z.start; i--) {
    if (!isUpper(text[i]) || !/\s/.test(text[i - 1])) continue;
    let j = i - 1;
    while (j > z.start && /\s/.test(text[j - 1])) j--;
    if (j > z.start && '.!?'.includes(text[j - 1])) return i;
  }
  return -1;
}

/** The best verdict of a name block: its first line, or the agent's name anywhere in it. */
function blockVerdict(t: Tools, lines: readonly Span[], capitalised = false): Verdict {
  if (!lines.length || lines.length > BLOCK_LINES) return undefined;
  const first = nameAt(t, lines[0].start, lines[0].end, capitalised);
  if (first === 'person') return first;
  if (
    t.agent &&
    lines.some((z) =>
      fold(lineText(t.doc, z))
        .split(/[^a-z]+/)
        .includes(t.agent!),
    )
  )
    return 'person';
  return first;
}

function best(a: Verdict, b: Verdict): Verdict {
  return a === 'person' || b === 'person' ? 'person' : (a ?? b);
}

/** The sign-off of the reply: whom it is signed by, and where it is. */
function readSignOff(t: Tools): { verdict: Verdict; closing: boolean; zone?: Span } {
  const { doc } = t;
  // Only the tail's lines are read (and trimmed): a long reply costs no more than a short one.
  const n = doc.lineZones.length;
  const base = Math.max(0, n - TAIL_LINES - 1);
  const tail = doc.lineZones.slice(base).map((z) => trimLead(doc, z));
  const line = (k: number) => tail[k - base];
  // A sign-off is short: its words are looked for in the last TAIL_CHARS characters only
  // (a line that starts before them is a paragraph, not a closing or a name).
  t.from = Math.max(line(Math.max(1, n - TAIL_LINES))?.start ?? doc.end, doc.end - TAIL_CHARS);
  let verdict: Verdict;
  let closing = false;
  let zone: Span | undefined;
  const note = (v: Verdict, z: Span) => {
    if (v && (verdict !== 'person' || !zone)) zone = z;
    verdict = best(verdict, v);
  };
  // Social replies sign at the end of the last line: "… ^Amy", "… *JohnWard", "… -AA",
  // "… Cheers!- Anwar", "… /CH" (a link or "2/2" may follow).
  const last = doc.lineZones[doc.lineZones.length - 1];
  if (last && n > 0) {
    // The mark and the name are within the line's last 100 characters (past its trailing
    // spaces): only those are read, not a long paragraph from every position.
    let lastEnd = last.end;
    while (lastEnd > last.start && /\s/.test(doc.text[lastEnd - 1])) lastEnd--;
    const window = Math.max(last.start, lastEnd - 100);
    const caret = /(?:[\^*]\s?|(?:\s|(?<=[.!?,)]))[-–—~]\s?|\s\/)([^\s^*/]{1,20})(?:\s[^\s^*]{1,40})?\s*$/.exec(doc.text.slice(window, last.end));
    if (caret && isUpper(caret[1][0]) && caret[1].length <= 15) {
      const start = window + caret.index + (caret[0].length - caret[0].trimStart().length);
      note('person', { start, end: last.end });
    }
  }
  for (let k = n - 1; k >= Math.max(1, n - TAIL_LINES) && verdict !== 'person'; k--) {
    const z = line(k);
    const text = lineText(doc, doc.lineZones[k]);
    const after = tail.slice(k + 1 - base);
    if (z.end <= z.start || DELIMITER.test(text.trim())) {
      note(blockVerdict(t, after), after[0] ?? z);
      continue;
    }
    let from = z.start;
    let end = closingEnd(t, from, z.end);
    // The last line may end with a closing after the last sentence: "… zítra. Pěkný den přeje Jana".
    if (end < 0 && k === n - 1 && (from = lastSentence(doc, z)) >= 0) end = closingEnd(t, from, z.end);
    if (end >= 0) {
      // "Thanks, Mark" / "S pozdravem Jana Nováková": the name on the closing's line.
      let rest = end;
      while (rest < z.end && /[\s,.!:;–—-]/.test(doc.text[rest])) rest++;
      if (rest < z.end) {
        const v = nameAt(t, rest, z.end);
        if (v) {
          closing = true;
          note(v, { start: rest, end: z.end });
        }
        // Otherwise a sentence that starts like a closing ("Thanks for waiting, …").
        continue;
      }
      closing = true;
      note(blockVerdict(t, after), after[0] ?? z);
      continue;
    }
    // A name block after a blank line, after a line ending in a comma ("Thank you for
    // your patience,"), or as the very last line after a sentence.
    const gap = doc.text.slice(doc.lineZones[k - 1].end, doc.lineZones[k].start).includes('\n\n');
    const prev = lineText(doc, doc.lineZones[k - 1]).trimEnd();
    if (gap || (k > 1 && prev.endsWith(',')) || (k === n - 1 && /[.!?)]$/.test(prev))) note(blockVerdict(t, tail.slice(k - base), true), z);
  }
  return { verdict, closing, zone };
}

export const signature: RuleKind = {
  name: 'signature',
  doc: 'A reply closes with a sign-off signed by a person, not only by a team or company, and not with nothing at all. The sign-off is looked for in the last lines of the reply.',
  fields: {
    teamWords: {
      ...PHRASE_LIST_SCHEMA,
      required: true,
      doc: "Single words that make a name line a team's or company's (a trailing * matches a word's start); the reply's language's list, English and any are read, as plain words, not phrases.",
    },
    closings: {
      ...PHRASE_LIST_SCHEMA,
      required: true,
      doc: 'Sign-off phrases ("Kind regards"); the reply\'s language\'s and English ones are read.',
    },
  },
  messages: ['missing', 'team', 'unsigned'],
  fixable: () => false,
  compile(tools) {
    const { spec } = tools;
    // Checked as phrases (a mistake in one names its file and line), looked up as words.
    tools.phraseLists(['teamWords']);
    const rawTeam = spec.teamWords as Record<string, unknown[]>;
    const teamFor = (language: string) => (rawTeam[language] ?? []).filter((w): w is string => typeof w === 'string');
    const closingLists = tools.phraseLists(['closings']);
    // The reply's language's words and English ones (a Czech reply may sign "Thanks,
    // Jana" or "Customer Care"), compiled when a reply in that language is first read.
    const cache = new Map<string, { team: TeamWords; closings: readonly PhraseEntry[] }>();
    const words = (language: Language) => {
      let w = cache.get(language);
      if (!w) {
        w = { team: teamWordsOf([...teamFor(language), ...teamFor('en'), ...teamFor('any')]), closings: closingLists.withEnglish(language) };
        cache.set(language, w);
      }
      return w;
    };
    return ({ doc, reply, language }) => {
      const agentFirst = reply.context.agentName?.trim().split(/\s+/)[0];
      const t: Tools = {
        doc,
        teamWords: () => words(language).team,
        closings: () => words(language).closings,
        agent: agentFirst && agentFirst.length > 1 ? fold(agentFirst) : undefined,
        from: 0,
      };
      const { verdict, closing, zone } = readSignOff(t);
      if (verdict === 'person') return [];
      const where = zone ?? doc.lineZones[doc.lineZones.length - 1] ?? doc.opening;
      return [{ start: where.start, end: where.end, message: verdict === 'team' ? 'team' : closing ? 'unsigned' : 'missing' }];
    };
  },
};
