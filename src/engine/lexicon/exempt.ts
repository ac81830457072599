// What is never jargon whatever the lexicon says: the company's own names (config
// `brand.names`) and the words a team allows (config `vocabulary.allow`).
import type { Document } from '../../document/document.js';
import { insideAny } from '../../document/spans.js';
import { fold, isWordAt } from '../../text/fold.js';

/** Folded, with runs of spaces and hyphens as one space: "Back-end" and "back end" are one entry. */
export function normalizeTerm(text: string): string {
  return fold(text)
    .replace(/[\s-]+/g, ' ')
    .trim();
}

/** A written lexicon form as a plain term: "backend+" → "backend". */
const bare = (form: string) => normalizeTerm(form.replace(/[*+]/g, ''));

export class Exemptions {
  private readonly allowed: ReadonlySet<string>;
  private readonly brands: readonly string[];
  private readonly spans = new WeakMap<Document, { start: number; end: number }[]>();

  constructor(allow: readonly string[], brandNames: readonly string[]) {
    this.allowed = new Set(allow.map(normalizeTerm).filter(Boolean));
    this.brands = [...new Set(brandNames.map((n) => fold(n).trim()).filter(Boolean))];
  }

  /** A match is exempt when its text or its term is allowed, or it lies in the company's own name. */
  exempt(doc: Document, start: number, end: number, term?: string): boolean {
    if (this.allowed.size && (this.allowed.has(normalizeTerm(doc.text.slice(start, end))) || (term !== undefined && this.allowed.has(bare(term))))) return true;
    return this.brands.length > 0 && insideAny(this.brandSpans(doc), start, end);
  }

  /** Where the brand's names stand in the reply (whole words), found once per reply: in order, overlaps merged. */
  private brandSpans(doc: Document): { start: number; end: number }[] {
    let spans = this.spans.get(doc);
    if (!spans) {
      const found: { start: number; end: number }[] = [];
      for (const name of this.brands) {
        for (let i = doc.folded.indexOf(name); i >= 0; i = doc.folded.indexOf(name, i + 1)) {
          if (!isWordAt(doc.folded, i - 1) && !isWordAt(doc.folded, i + name.length)) found.push({ start: i, end: i + name.length });
        }
      }
      found.sort((a, b) => a.start - b.start);
      spans = [];
      for (const s of found) {
        const last = spans[spans.length - 1];
        if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
        else spans.push({ ...s });
      }
      this.spans.set(doc, spans);
    }
    return spans;
  }
}

/** The customer's latest messages read for their own acronyms. */
const CUSTOMER_TURNS = 5;

/**
 * The customer wrote this acronym themselves ("AMZL", "YPP", the name of their app): it
 * is their word, not our jargon. Case as written, as a whole word, in their last few
 * messages.
 */
export function usedByCustomer(messages: { slice(start?: number): string[] }, word: string): boolean {
  if (!word) return false;
  for (const message of messages.slice(-CUSTOMER_TURNS)) {
    for (let i = message.indexOf(word); i >= 0; i = message.indexOf(word, i + 1)) {
      const before = i > 0 ? message[i - 1] : ' ';
      const after = i + word.length < message.length ? message[i + word.length] : ' ';
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    }
  }
  return false;
}
