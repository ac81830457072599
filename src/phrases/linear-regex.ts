// Patterns that users write (a team's phrases, vocabulary terms, raw regexes) run on
// RE2 (re2js, a pure-JS port), whose matching time is linear in the text whatever the
// pattern: no pattern from a config can hang a run, on any thread, in any host (the
// browser has no worker to time a regex out in). The built-in phrases run on V8's
// faster backtracking engine instead: they are fixed, and checked at build
// (scripts/check-regexes.mjs). RE2 has no lookahead and no backreferences; re2js's
// captureless lookbehinds (LOOKBEHINDS) also run in linear time.
import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';

// Loaded on first use: most runs have no pattern of a user's.
let re2: typeof RE2JS | undefined;
const load = () => (re2 ??= (createRequire(import.meta.url)('re2js') as typeof import('re2js')).RE2JS);

export class LinearRegexError extends Error {}

/** A compiled user pattern; `source` is what was compiled, in RE2's syntax. */
export class LinearRegex {
  private constructor(
    readonly source: string,
    private readonly re: RE2JS,
  ) {}

  /**
   * Compile a pattern written in JavaScript's regex syntax (a user's raw regex, or a
   * compiled phrase) to RE2, with JavaScript's meaning of \s.
   */
  static compile(source: string, options: { ignoreCase?: boolean } = {}): LinearRegex {
    const unsupported = unsupportedReason(source);
    if (unsupported) throw new LinearRegexError(unsupported);
    const RE2 = load();
    const translated = withJavaScriptSpaces(RE2.translateRegExp(source));
    try {
      return new LinearRegex(translated, RE2.compile(translated, RE2.LOOKBEHINDS | (options.ignoreCase ? RE2.CASE_INSENSITIVE : 0)));
    } catch (err) {
      throw new LinearRegexError((err as Error).message.replace(/^error parsing regexp: /, ''));
    }
  }

  /**
   * Matches in haystack[from, to), leftmost first, as a global JavaScript regex finds
   * them; `to` may be followed by one character the pattern can look at. Only the zone
   * (and one character either side, for boundaries) is searched.
   */
  matches(haystack: string, from: number, to: number, out: { start: number; end: number }[] = []): { start: number; end: number }[] {
    // One character before the zone for a lookbehind, one after for an end boundary.
    const offset = Math.max(0, from - 1);
    const zone = haystack.slice(offset, Math.min(haystack.length, to + 1));
    const matcher = this.re.matcher(zone);
    let pos = from - offset;
    while (pos <= zone.length && matcher.find(pos)) {
      const start = matcher.start() + offset;
      const end = matcher.end() + offset;
      if (start >= to) break;
      if (end <= to && end > start) out.push({ start, end });
      pos = matcher.end() > matcher.start() ? matcher.end() : matcher.end() + 1;
    }
    return out;
  }
}

// JavaScript's \s is Unicode white space; RE2's is ASCII only. Folded text keeps the
// no-break space (U+00A0) that replies are full of, so \s means JavaScript's here.
const JS_SPACES = '\\s\\x{0b}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';

/** RE2 source with every \s (and \S outside a class) widened to JavaScript's white space. */
function withJavaScriptSpaces(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\' && i + 1 < source.length) {
      const next = source[++i];
      if (next === 's') out += inClass ? JS_SPACES : `[${JS_SPACES}]`;
      else if (next === 'S' && !inClass) out += `[^${JS_SPACES}]`;
      else out += c + next;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return out;
}

/** What a user's regex asks of RE2 that RE2 cannot give, in words (before it is translated). */
function unsupportedReason(source: string): string | undefined {
  if (/\(\?[=!]/.test(source))
    return 'lookahead (?=…) and (?!…) is not supported: replylint runs your regexes on a linear-time engine (RE2) so that no text can hang a run; use \\b for a word boundary, or a phrase';
  if (/\\[1-9]|\\k</.test(source))
    return 'backreferences (\\1, \\k<name>) are not supported: replylint runs your regexes on a linear-time engine (RE2) so that no text can hang a run';
  if (/\(\?<[=!][^)]*\((?!\?:)/.test(source)) return 'a lookbehind may not hold a capturing group; write (?:…) inside it';
  return undefined;
}
