// Reading audit inputs: the conversation format and helpdesk exports (JSON, JSONL, CSV),
// one conversation at a time. Anything unreadable becomes a notice and the rest goes on.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { readCsv, type CsvColumns } from '../input/importers/csv.js';
import { conversationsIn, type Conversation, type Source } from '../input/importers/index.js';
import type { Notice } from '../input/notice.js';

export interface AuditInputOptions {
  from: Source;
  csvColumns?: CsvColumns;
}

/** A conversation, with how far into its file the reader is (bytes, for progress). */
export type AuditItem = { conversation: Conversation; source: string; line?: number; bytes?: number } | { notice: Notice };

/** JSON files above this are read as JSONL would be: one record per line, if they are. */
const WHOLE_JSON_LIMIT = 256 * 1024 * 1024;

function* fromValue(value: unknown, source: string, line: number | undefined, options: AuditInputOptions): Generator<AuditItem> {
  let conversations: Conversation[];
  try {
    conversations = conversationsIn(value, options.from);
  } catch (err) {
    yield { notice: { source, line, message: (err as Error).message } };
    return;
  }
  for (const conversation of conversations) yield { conversation, source, line };
}

export async function* readAuditFile(path: string, options: AuditInputOptions): AsyncGenerator<AuditItem> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      yield { notice: { source: path, message: 'is a directory; name the export files in it' } };
      return;
    }
    size = info.size;
  } catch {
    yield { notice: { source: path, message: 'no such file; check the path' } };
    return;
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || options.from === 'csv') {
    if (!options.csvColumns) {
      yield { notice: { source: path, message: 'a CSV export needs --csv-columns conversation=…,role=…,text=… (and optionally author=, time=)' } };
      return;
    }
    try {
      for await (const record of readCsv(path, options.csvColumns)) {
        if (record.notice) yield { notice: { source: path, line: record.notice.line, message: record.notice.message } };
        else if (record.conversation) yield { conversation: record.conversation, source: path };
      }
    } catch (err) {
      yield { notice: { source: path, message: `cannot read the CSV: ${(err as Error).message}` } };
    }
    return;
  }
  if (ext === '.json' && size <= WHOLE_JSON_LIMIT) {
    let value: unknown;
    try {
      value = JSON.parse(await readFile(path, 'utf8'));
    } catch (err) {
      yield { notice: { source: path, message: `invalid JSON: ${(err as Error).message}` } };
      return;
    }
    // A top-level array is a list of conversations or tickets; an object is one export.
    if (Array.isArray(value)) {
      for (const [i, element] of value.entries()) yield* fromValue(element, path, i + 1, options);
    } else {
      yield* fromValue(value, path, undefined, options);
    }
    return;
  }
  // JSONL (and anything larger): line by line, at flat memory.
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  let bytes = 0;
  for await (const raw of lines) {
    n++;
    bytes += Buffer.byteLength(raw) + 1;
    const line = raw.trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      yield { notice: { source: path, line: n, message: `invalid JSON on this line (${(err as Error).message}); the line is skipped` } };
      continue;
    }
    for (const item of fromValue(value, path, n, options)) yield 'conversation' in item ? { ...item, bytes } : item;
  }
}
