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
  if (
    (c >= 0xa0 && c <= 0xbf) ||
    (c >= 0x2000 && c <= 0x2bff) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff0f)
  )
    return false;
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

// biome-ignore lint/suspicious/noControlCharactersInRegex: the class is every character outside ASCII
const NON_ASCII = /[^\x00-\x7f]/;
// Latin-1 and Latin Extended-A/B (every Czech and Slovak letter) folded through a table.
const LATIN_END = 0x250;
const latin = new Uint16Array(LATIN_END);
let codes = new Uint16Array(1024);

/** Lower-cased, diacritics-free copy of `text` with the same length and offsets. */
export function fold(text: string): string {
  // Plain ASCII (most English replies): one native call, one string.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  // Otherwise fill a code buffer and make one string of it, instead of growing a
  // string a character at a time (an audit folds gigabytes; garbage is time there).
  if (codes.length < text.length) codes = new Uint16Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) codes[i] = code >= 65 && code <= 90 ? code + 32 : code;
    else if (code === 0x2018 || code === 0x2019)
      codes[i] = 39; // typographic apostrophes match the typed one: I’ve = I've
    else if (code < LATIN_END) codes[i] = latin[code] || (latin[code] = foldChar(text[i]).charCodeAt(0));
    else codes[i] = foldChar(text[i]).charCodeAt(0);
  }
  let out = '';
  for (let i = 0; i < text.length; i += 8192) out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(text.length, i + 8192)) as unknown as number[]);
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

/** Whether a character code is white space as JavaScript's \s reads it (by code: no string made per character). */
export function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
