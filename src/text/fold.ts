// Folding for matching: lower case and no diacritics, with every UTF-16 unit kept in
// place, so an offset found in the folded text is the same offset in the original.
// (NFC text assumed: "ř" is one unit that folds to "r".)

const cache = new Map<string, string>();
// Compiled only for the rare character that is neither a cased letter nor punctuation.
let wordlike: RegExp | undefined;

/** Letters with case (most of the world's alphabets) are words; dashes and quotes are not. */
function isWordlike(ch: string): boolean {
  if (ch.toLowerCase() !== ch.toUpperCase()) return true;
  const c = ch.charCodeAt(0);
  if ((c >= 0xa0 && c <= 0xbf) || (c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xd800 && c <= 0xdfff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff0f)) return false;
  wordlike ??= /[\p{L}\p{M}\p{N}]/u;
  return wordlike.test(ch);
}

/** Whether a character is an upper-case letter (without a \p{Lu} regex to compile). */
export function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase();
}

// Latin letters lose their diacritics ("ř" → "r"); any other letter, mark or digit
// (Cyrillic, "ł", "ß") becomes "x". Folded text is then plain ASCII wherever it is
// wordy, so phrase regexes can use the cheap [a-z0-9_] instead of \p{L}: V8 needs
// about 0.7 ms to compile each regex holding a Unicode property class, far too much
// for a few hundred phrases at every start.
function foldChar(ch: string): string {
  let folded = cache.get(ch);
  if (folded === undefined) {
    const base = ch.normalize('NFD').charAt(0).toLowerCase();
    if (base.length === 1 && base.charCodeAt(0) < 0x80) folded = base;
    else folded = isWordlike(ch) ? 'x' : ch;
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

/**
 * Word boundaries in folded text. JavaScript's \b is ASCII-only even with the u flag;
 * folded text maps every Unicode letter, mark and digit to ASCII (see foldChar), so
 * this ASCII class is a true Unicode word boundary there.
 */
export const WORD_CHAR = '[a-z0-9_]';
export const BEFORE_WORD = `(?<!${WORD_CHAR})`;
export const AFTER_WORD = `(?!${WORD_CHAR})`;
/** Letters of folded text, for inflection wildcards. */
export const FOLDED_LETTERS = '[a-z]*';

/** Whether the character at `i` of folded text is part of a word. */
export function isWordAt(folded: string, i: number): boolean {
  const c = folded.charCodeAt(i);
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}
