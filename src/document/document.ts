// The parsed reply, built once and shared by every rule: zones, sentences,
// placeholders and language. Rules read it; none re-parses the text.
import { insideAny, overlapsAny } from './spans.js';
import { compilePhrase, type Phrase } from '../phrases/phrase.js';
import { HELPERS } from '../language/index.js';
import { onLanguageFilesChanged } from '../language/data.js';
import { fold, isUpper } from '../text/fold.js';
import { LineIndex } from '../text/lines.js';
import type { Language, Span } from '../types.js';
import { detectLanguage } from './language.js';
import { findPlaceholders, type Placeholder } from './placeholders.js';
import { blankQuotedLines, historyStart } from './quoted.js';
import { findSalutation, type Salutation } from './salutation.js';
import { splitSentences, type Sentence } from './sentences.js';
import { tagSentences, type TaggedSentence, type Token } from './tagged.js';

export interface Document {
  /** The reply as given (NFC). Offsets everywhere point into it. */
  readonly text: string;
  /** `text` with quoted lines blanked and folded for matching (text/fold.ts). */
  readonly folded: string;
  /** The reply proper ends here; quoted history follows. */
  readonly end: number;
  /** The first non-empty line: where a greeting belongs. */
  readonly opening: Span;
  /** The agent's own words: the opening and what follows, without closing and signature. */
  readonly content: Span;
  /** The valediction line ("Kind regards,"), if any. */
  readonly closing?: Span;
  /** The lines after the valediction (or a trailing name block), if any. */
  readonly signature?: Span;
  readonly sentences: readonly Sentence[];
  readonly placeholders: readonly Placeholder[];
  /** Spans that are not prose: links, inline code, markup tags. Rules read past them. */
  readonly literals: readonly Span[];
  readonly language: Language;
  readonly lines: LineIndex;
  /** Non-empty lines in the reply proper, in order. */
  readonly lineZones: readonly Span[];
  /**
   * The words of the reply proper with grammatical tags (language/morphology.ts), in
   * order. Computed on first read, once per document: rules that never ask never pay.
   */
  readonly tokens: readonly Token[];
  /** `sentences`, each with its tokens and the union of their tags (lazy, as `tokens`). */
  readonly tagged: readonly TaggedSentence[];
  /** The salutation among the first lines and the names it addresses (salutation.ts; on first read). */
  readonly salutation: Salutation | undefined;
}

// Every language's valedictions, each as a whole line of its own ("Kind regards,"),
// compiled for the lines that hold one of its literals: one regex of them all cost a
// third of a millisecond to compile at every start, and a line rarely holds any.
interface Valediction {
  phrase: Phrase;
  line?: RegExp;
}
let valedictions: Valediction[] | undefined;
onLanguageFilesChanged(() => {
  valedictions = undefined;
});

function nonEmptyLines(text: string, end: number): Span[] {
  const zones: Span[] = [];
  let start = 0;
  while (start < end) {
    let stop = text.indexOf('\n', start);
    if (stop < 0 || stop > end) stop = end;
    let s = start;
    let e = stop;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) zones.push({ start: s, end: e });
    start = stop + 1;
  }
  return zones;
}

/** A line that is only a valediction: "Kind regards," / "S pozdravem" / "Díky!". */
function isValediction(folded: string, line: Span): boolean {
  if (line.end - line.start > 60) return false;
  const text = folded.slice(line.start, line.end);
  valedictions ??= Object.values(HELPERS).flatMap((h) => h.valedictions.map((v) => ({ phrase: compilePhrase(v, { trusted: true }) })));
  return valedictions.some((v) => {
    const { literals } = v.phrase;
    if (literals && !literals.some((l) => text.includes(l))) return false;
    v.line ??= new RegExp(`^(?:${(v.phrase.regex as RegExp).source})[\\s,.!:;–—-]*$`);
    return v.line.test(text);
  });
}

/** A short line that reads like a name or role, not a sentence. */
function isSignatureLine(text: string, line: Span): boolean {
  const s = text.slice(line.start, line.end);
  return s.length <= 60 && !/[.?!:]$/u.test(s) && s.split(/\s+/).length <= 6;
}

function findClosing(text: string, folded: string, lines: Span[]): { closing?: Span; signature?: Span } {
  // The valediction sits near the end: look at the last few lines only.
  for (let i = lines.length - 1; i >= Math.max(1, lines.length - 6); i--) {
    if (isValediction(folded, lines[i])) {
      const after = lines.slice(i + 1);
      const signature = after.length ? { start: after[0].start, end: after[after.length - 1].end } : undefined;
      return { closing: lines[i], signature };
    }
  }
  // Social replies sign with a caret: "… ^Amy".
  const last = lines[lines.length - 1];
  if (last) {
    // … or with a dash and initials: "… -AA", "– Becky".
    const caret = /(?:\^\s?|\s[-–—]\s?)([^\s^]+)(?:\s[^\s^]+)?\s*$/.exec(text.slice(last.start, last.end));
    if (caret && isUpper(caret[1][0]) && caret[1].length <= 15) {
      const start = last.start + caret.index + (caret[0].length - caret[0].trimStart().length);
      return { signature: { start, end: last.end } };
    }
  }
  // A trailing block of name-like lines after a blank line ("Jana Horská\nzákaznická péče").
  if (lines.length >= 3) {
    let i = lines.length;
    while (i > 1 && lines.length - i < 3 && isSignatureLine(text, lines[i - 1])) i--;
    const first = lines[i];
    const gap = first && text.slice(lines[i - 1].end, first.start).includes('\n\n');
    const words = first ? text.slice(first.start, first.end).split(/\s+/) : [];
    const name = words.length >= 2 && words.every((w) => w.length > 1 && isUpper(w[0]) && !/[\d,;:!?]/.test(w));
    if (first && gap && name) return { signature: { start: first.start, end: lines[lines.length - 1].end } };
  }
  return {};
}

// Linear on any text: a comment is read up to the next "<!--" at most (an unclosed "<!--"
// repeated made each scan to the end), and a file name starts where a run of its letters does.
const LITERALS =
  /<!--(?:(?!<!--|-->)[\s\S])*-->|\bhttps?:\/\/[^\s<>()"']+|\bwww\.[^\s<>()"']+|`[^`\n]+`|<\/?[a-zA-Z][^<>\n]*>|(?<![\w-])[\w-]+\.(?:md|txt|json|yml|yaml|js|ts|html|pdf|png|jpg)\b/g;

/** Links, inline code, markup tags and file names: not words a customer reads as prose. */
function findLiterals(text: string, end: number): Span[] {
  const zones: Span[] = [];
  LITERALS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LITERALS.exec(text)) !== null && m.index < end) zones.push({ start: m.index, end: m.index + m[0].length });
  return zones;
}

/** Whether [start, end) lies inside a placeholder or a literal span (both in order). */
export function inLiteral(doc: Document, start: number, end: number): boolean {
  return overlapsAny(doc.placeholders, start, end) || insideAny(doc.literals, start, end);
}

export interface DocumentOptions {
  language?: Language;
}

/**
 * The Document as built: its fields set once, what is computed on first read (tags,
 * tokens, the salutation) kept in fields of its own. A class, so that every document
 * has the same shape and its getters are shared, not closures made per reply.
 */
class BuiltDocument implements Document {
  private taggedSentences?: TaggedSentence[];
  private allTokens?: Token[];
  private foundSalutation?: { found: Salutation | undefined };
  readonly content: Span;
  readonly placeholders: readonly Placeholder[];
  readonly literals: readonly Span[];
  readonly lines: LineIndex;

  constructor(
    readonly text: string,
    readonly folded: string,
    readonly end: number,
    readonly opening: Span,
    bodyEnd: number,
    readonly closing: Span | undefined,
    readonly signature: Span | undefined,
    readonly sentences: readonly Sentence[],
    readonly language: Language,
    readonly lineZones: readonly Span[],
  ) {
    this.content = { start: 0, end: bodyEnd };
    this.placeholders = findPlaceholders(text, end);
    this.literals = findLiterals(text, end);
    this.lines = new LineIndex(text);
  }

  get tagged(): readonly TaggedSentence[] {
    return (this.taggedSentences ??= tagSentences(this.folded, this.sentences, this.language));
  }

  get tokens(): readonly Token[] {
    return (this.allTokens ??= this.tagged.flatMap((s) => s.tokens));
  }

  get salutation(): Salutation | undefined {
    return (this.foundSalutation ??= { found: findSalutation(this.text, this.lineZones) }).found;
  }
}

export function buildDocument(input: string, options: DocumentOptions = {}): Document {
  const text = input.normalize('NFC');
  const end = historyStart(text);
  const visible = blankQuotedLines(text.slice(0, end));
  const folded = fold(visible) + ' '.repeat(text.length - end);
  const lineZones = nonEmptyLines(folded, end);
  const opening = lineZones[0] ?? { start: 0, end: 0 };
  const { closing, signature } = findClosing(text, folded, lineZones);
  const bodyEnd = closing?.start ?? signature?.start ?? (lineZones.length ? lineZones[lineZones.length - 1].end : 0);
  const sentences = splitSentences(visible, 0, end);
  const detected = options.language ?? detectLanguage(text.slice(0, end), folded.slice(0, end));
  return new BuiltDocument(text, folded, end, opening, bodyEnd, closing, signature, sentences, detected, lineZones);
}
