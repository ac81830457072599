// Conversation data, read one way for `replylint` (lint) and `replylint audit`: what a JSON
// value holds (a conversation, a helpdesk export recognised by its shape or named with
// --from, or a macros export of canned responses), and the values of a JSON text, of
// JSONL lines and of CSV records. The commands differ in what they do with the items (lint
// turns conversations into replies at once, the audit hands them to its workers) and in
// how they get the bytes (lint reads synchronously and hashes them for its cache, the
// audit off the main thread), not in what a file means or in what a notice says of it.
import { readCsv, type CsvColumns, type CsvDialect, type ReadAt } from './importers/csv.js';
import { conversationsIn, type Helpdesk } from './importers/index.js';
import { isMacroExport } from './importers/macros.js';
import { jsonlLines, parseJsonlLine, type ByteReader } from './jsonl.js';
import type { Notice } from './notice.js';

export interface DataOptions {
  /** The helpdesk the data comes from (--from); "auto" recognises it by its shape. */
  from?: Helpdesk;
  csvColumns?: CsvColumns;
  /** The CSV's separator and role values (--csv-delimiter, --csv-roles). */
  csvDialect?: CsvDialect;
}

/**
 * One conversation as found (checked later by readConversation, which explains what is
 * wrong with it), a macros export as a whole, or a notice. `bytes`: how far into its
 * input the reader is, for a progress bar.
 */
export type DataItem =
  | { conversation: unknown; source: string; line?: number; bytes?: number }
  | { macros: unknown; source: string; line?: number }
  | { notice: Notice };

/** What one JSON value holds: a file's content, an element of its top-level array, a JSONL line. */
export function* itemsOfValue(value: unknown, source: string, line: number | undefined, options: DataOptions): Generator<DataItem> {
  const from = options.from ?? 'auto';
  if (from === 'auto' && isMacroExport(value)) {
    yield { macros: value, source, line };
    return;
  }
  let conversations: unknown[];
  try {
    conversations = conversationsIn(value, from);
  } catch (err) {
    yield { notice: { source, line, message: (err as Error).message } };
    return;
  }
  for (const conversation of conversations) yield { conversation, source, line };
}

/**
 * What a JSON text holds: a top-level array is a list of conversations or tickets (each
 * named by its place, as a line), anything else one value. `hint` follows the reason
 * when the text is no JSON.
 */
export function* itemsOfJsonText(text: string, source: string, options: DataOptions, hint = ''): Generator<DataItem> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    yield { notice: { source, message: `invalid JSON: ${(err as Error).message}${hint}` } };
    return;
  }
  yield* itemsOfParsedJson(value, source, options);
}

/** What a parsed JSON file holds (as itemsOfJsonText). */
function* itemsOfParsedJson(value: unknown, source: string, options: DataOptions): Generator<DataItem> {
  // A macros export is an object; an array of them would be read element by element.
  if (Array.isArray(value)) {
    for (const [i, element] of value.entries()) yield* itemsOfValue(element, source, i + 1, options);
  } else {
    yield* itemsOfValue(value, source, undefined, options);
  }
}

/** The values of JSONL, a line each, at flat memory: a broken or too long line is a notice and the rest is read. */
export async function* itemsOfJsonl(read: ByteReader, source: string, options: DataOptions): AsyncGenerator<DataItem> {
  for await (const line of jsonlLines(read, source)) {
    if ('notice' in line) {
      yield line;
      continue;
    }
    const parsed = parseJsonlLine(line.text, source, line.lineNumber);
    if (!parsed) continue;
    if ('notice' in parsed) {
      yield parsed;
      continue;
    }
    for (const item of itemsOfValue(parsed.value, source, line.lineNumber, options)) yield 'conversation' in item ? { ...item, bytes: line.bytes } : item;
  }
}

/** The conversations of a CSV export (columns from --csv-columns or the header's names); its problems are notices. */
export async function* itemsOfCsv(readAt: ReadAt, source: string, options: DataOptions): AsyncGenerator<DataItem> {
  try {
    for await (const record of readCsv(readAt, options.csvColumns, options.csvDialect)) {
      if (record.notice) yield { notice: { source, line: record.notice.line, message: record.notice.message } };
      else if (record.conversation) yield { conversation: record.conversation, source, line: record.line };
    }
  } catch (err) {
    yield { notice: { source, message: `cannot read the CSV: ${(err as Error).message}` } };
  }
}
