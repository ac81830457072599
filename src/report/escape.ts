// Escaping shared by the reports. Replies, exports, file names, conversation ids and agent
// names come from strangers; whatever reads a report (a terminal, a CI log, a spreadsheet,
// an XML or Markdown parser, a SARIF viewer) must see them as text and nothing more.
// One function per target, each citing the rule it follows.
import { createRequire } from 'node:module';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { maxOf } from '../lists.js';

// Unicode's Cc (C0 controls, DEL, C1 controls) and Bidi_Control (the explicit embeddings,
// overrides and isolates, and the marks that steer them: U+061C, U+200E-F, U+202A-E,
// U+2066-9), spelt out: a \p{…} class costs V8 ~0.7 ms to compile, in every run that
// prints a report.
const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const CONTROLS = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${BIDI}]`, 'g');
const JSON_UNSAFE = new RegExp(`[\\u007f-\\u009f${BIDI}\\u2028\\u2029]`, 'g');
const XML_UNSAFE = new RegExp(`[\\u007f-\\u009f${BIDI}]`, 'g');
// Cc but tab, line feed and carriage return (a CSV cell may hold them), and Bidi_Control.
const CSV_UNSAFE = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${BIDI}]`, 'g');
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const hex = (c: string, width: number) => c.codePointAt(0)!.toString(16).padStart(width, '0');
/** A control character as an escape a reader sees: `\n`, `\x1b`, `\u202e`. */
const shown = (c: string) => NAMED[c] ?? (c <= '\u00ff' ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`);

/**
 * Text for a terminal or a CI log, made visible where it would act:
 * - C0, DEL and C1 controls (ECMA-48: ESC and CSI start escape sequences that recolour,
 *   move the cursor, retitle the window or write to the clipboard; BEL ends OSC; CR and
 *   LF start lines) and bidi controls (UAX #9; "Trojan Source", CVE-2021-42574: U+202E
 *   and friends reorder what is shown) become escapes such as `\x1b`, `\n`, `\u202e`.
 * - Workflow commands (actions/runner ActionCommand.cs): GitHub's runner reads every line
 *   of a step's stdout and stderr and runs `::command::` at the start of a line (leading
 *   white space trimmed) and the legacy `##[command]` anywhere in it; Azure Pipelines
 *   reads `##vso[command]`. A backslash breaks each: `:\:`, `#\#[`, `#\#vso[`.
 * Our own colours go on after this, around the escaped text.
 */
export function terminalText(s: string): string {
  return s
    .replace(CONTROLS, shown)
    .replace(/##(?=(?:vso)?\[)/g, '#\\#')
    .replace(/^(\s*):(?=:)/, '$1:\\');
}

/**
 * JSON text for a file or a terminal: JSON.stringify escapes C0 controls and lone
 * surrogates but writes DEL, C1 and bidi controls (and U+2028/U+2029, which end a line
 * in older JavaScript) as they are. RFC 8259 §7 lets any character in a string be
 * written as \uXXXX, so these are, and the parsed data is unchanged. (Outside strings
 * JSON has only white space and punctuation.)
 */
export function safeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(JSON_UNSAFE, (c) => `\\u${hex(c, 4)}`);
}

// XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// Anything else (other C0 controls, U+FFFE, U+FFFF, lone surrogates) makes a document not
// well-formed, even as a character reference; it becomes U+FFFD, so a reader sees that
// something stood there.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;', '\r': '&#13;', '\t': '&#9;', '\n': '&#10;' };
// Characters XML allows but a terminal acts on (DEL, C1, bidi) go as references: lossless, and inert.
const xmlReference = (c: string) => `&#x${hex(c, 1).toUpperCase()};`;

/** XML 1.0 element content: markup escaped (§2.4), CR as &#13; (§2.11 would turn it into LF). */
export function xmlText(s: string): string {
  return s
    .replace(NOT_XML_CHAR, '\uFFFD')
    .replace(/[<>&"'\r]/g, (c) => XML_ENTITY[c])
    .replace(XML_UNSAFE, xmlReference);
}

/** An XML 1.0 attribute value: as text, and tab and LF as references too, which §3.3.3 would turn into spaces. */
export function xmlAttribute(s: string): string {
  return xmlText(s).replace(/[\t\n]/g, (c) => XML_ENTITY[c]);
}

/**
 * HTML text and quoted attribute values (HTML Living Standard, "escapingString"): the five
 * characters that could end text or an attribute or start markup, as numeric references.
 * Right for inline SVG too, which the HTML parser reads by the same rules. (A report that
 * embeds a <script> or JSON would need more; ours has none.)
 */
export function htmlText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A GitHub-flavoured Markdown table cell of plain text. A row is one line, so CR and LF
 * (CommonMark §2.1: both end lines) become spaces; every ASCII punctuation character is
 * backslash-escaped (CommonMark §2.4), so nothing is read as emphasis, a link or image,
 * raw HTML, an entity, a code span, math or an autolink, and `\|` does not end the cell
 * (GFM §4.10).
 */
export function markdownText(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/**
 * A code span in a GFM table cell (CommonMark §6.1): fenced by one more backtick than the
 * longest run inside, padded with a space where the text starts or ends with a backtick.
 * Backslashes are literal in a code span, but `\|` still keeps a pipe inside the cell (GFM §4.10).
 */
export function markdownCode(s: string): string {
  const text = s.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
  const fence = '`'.repeat(
    maxOf(
      (text.match(/`+/g) ?? []).map((run) => run.length),
      0,
    ) + 1,
  );
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

type Stringify = (rows: unknown[][], options: object) => string;
let stringify: Stringify | undefined;

/**
 * CSV rows (RFC 4180, quoting by csv-stringify) that a spreadsheet opens as text:
 * - OWASP "CSV Injection": a cell starting with =, +, -, @, tab or CR (and their
 *   full-width forms) is read as a formula, so it gets a leading `'` (csv-stringify's
 *   escape_formulas). Only strings: a number we computed (a score, a count, a line) is a
 *   number, never a formula, and must stay one that sums and sorts. Ids, names and times
 *   are strings even when they look like numbers: "-1+1" from an export is text.
 * - OWASP again: a separator inside a cell can start a new cell where the cell is not
 *   quoted; Excel in Czech and Slovak locales splits on `;`, so a cell with `;` or a tab
 *   is quoted too.
 * - Other control characters are shown as escapes (as terminalText shows them): a
 *   spreadsheet hides them and a terminal would act on them.
 */
export function csvRows(rows: unknown[][]): string {
  stringify ??= (createRequire(import.meta.url)('csv-stringify/sync') as { stringify: Stringify }).stringify;
  const visible = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? cell.replace(CSV_UNSAFE, shown) : cell)));
  return stringify(visible, { escape_formulas: true, quoted_match: /[;\t]/ });
}

/**
 * A SARIF 2.1.0 artifactLocation for a file as we name it (relative to `root`, the
 * working directory, or absolute). A path is not a URI: `#`, `?`, `%` and spaces mean
 * something in a URI (RFC 3986), so each segment is percent-encoded, and a backslash
 * separates segments only on Windows. Inside `root` it is a relative reference with
 * uriBaseId %SRCROOT% (SARIF §3.4.4; §3.14.14 for the base): that is what GitHub code
 * scanning reads best, resolving relative URIs from the repository root, where the
 * action runs, and percent-decoding them, as CodeQL writes them. Outside `root` it is a
 * file: URL (node:url's pathToFileURL), which may carry no uriBaseId.
 */
export function artifactLocation(path: string, root: string): { uri: string; uriBaseId?: string } {
  const absolute = resolve(root, path);
  const inside = relative(root, absolute);
  if (!inside || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return { uri: pathToFileURL(absolute).href };
  // encodeURIComponent encodes ':' too, so a first segment such as "c:x" is no scheme.
  return { uri: inside.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** What %SRCROOT% stands for: `root` as a file: URL ending in "/" (SARIF §3.14.14). */
export function sourceRoot(root: string): { uri: string } {
  const href = pathToFileURL(root).href;
  return { uri: href.endsWith('/') ? href : `${href}/` };
}
