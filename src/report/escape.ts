// Escaping shared by the reports. Replies, exports, file names, conversation ids and agent
// names come from strangers; whatever reads a report (a terminal, a CI log, a spreadsheet,
// an XML or Markdown parser, a SARIF viewer) must see them as text and nothing more.
// One function per target, each citing the rule it follows.
import { createRequire } from 'node:module';

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const hex = (c: string, width: number) => c.codePointAt(0)!.toString(16).padStart(width, '0');
/** A control character as an escape a reader sees: `\n`, `\x1b`, `\u202e`. */
const shown = (c: string) => NAMED[c] ?? (c <= '\u00ff' ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`);

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
 * - Other control characters are shown as escapes: a spreadsheet hides them and a
 *   terminal would act on them.
 */
export function csvRows(rows: unknown[][]): string {
  stringify ??= (createRequire(import.meta.url)('csv-stringify/sync') as { stringify: Stringify }).stringify;
  const visible = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? cell.replace(/[^\t\n\r\P{Cc}]/gu, shown) : cell)));
  return stringify(visible, { escape_formulas: true, quoted_match: /[;\t]/ });
}
