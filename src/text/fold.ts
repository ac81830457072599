// Folding for matching: lower case and no diacritics, with every UTF-16 unit kept in
// place, so an offset found in the folded text is the same offset in the original.
// (NFC text assumed: "ř" is one unit that folds to "r".)

const cache = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = cache.get(ch);
  if (folded === undefined) {
    const base = ch.normalize('NFD').charAt(0).toLowerCase();
    folded = base.length === 1 ? base : ch;
    cache.set(ch, folded);
  }
  return folded;
}

/** Lower-cased, diacritics-free copy of `text` with the same length and offsets. */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i];
    } else if (code === 0x2018 || code === 0x2019) {
      out += "'"; // typographic apostrophes match the typed one: I’ve = I've
    } else {
      out += foldChar(text[i]);
    }
  }
  return out;
}

/** Word characters for Unicode-aware boundaries (JavaScript's \b is ASCII-only). */
export const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]';
export const BEFORE_WORD = `(?<!${WORD_CHAR})`;
export const AFTER_WORD = `(?!${WORD_CHAR})`;
