// Reading audit inputs: the conversation format and helpdesk exports (JSON, JSONL, CSV),
// one conversation at a time. Anything unreadable becomes a notice and the rest goes on.
import { close, closeSync, createReadStream, read, readSync } from 'node:fs';
import { extname } from 'node:path';
import type { CsvColumns, CsvDialect, ReadAt } from '../input/importers/csv.js';
import { itemsOfCsv, itemsOfJsonl, itemsOfJsonText, itemsOfValue, type DataItem } from '../input/conversation-data.js';
import { memoryReadAt } from '../input/importers/csv.js';
import type { Helpdesk } from '../input/importers/index.js';
import type { Notice } from '../input/notice.js';
import { after, jsonlBlocks, readAtMost, startsWithJsonLine, type ByteReader, type JsonlBlock } from '../input/jsonl.js';
import { limitText, megabytes, openRegularFile, readUpTo } from '../files/regular-file.js';

export interface AuditInputOptions {
  from: Helpdesk;
  csvColumns?: CsvColumns;
  /** The CSV's separator and role values (--csv-delimiter, --csv-roles). */
  csvDialect?: CsvDialect;
  /** Hand JSONL over as blocks of whole lines, unparsed and undecoded (the pool's workers take them). */
  rawBlocks?: boolean;
  /** JSON files larger than this are streamed element by element (default 64 MB). */
  streamJsonOver?: number;
}

/** A conversation or a block of raw JSONL lines, with how far into its file the reader is (bytes, for progress). */
export type AuditItem = { conversation: unknown; source: string; line?: number; bytes?: number } | JsonlBlock | { notice: Notice };

/**
 * An item of conversation data as the audit takes it: a macros export holds canned
 * responses, no conversations (no agents, no times), so it is skipped with a notice
 * that names the command for it.
 */
export function auditItem(item: DataItem): AuditItem {
  if (!('macros' in item)) return item;
  const { source, line } = item;
  return { notice: { source, line, message: `is a macros export (canned responses, not conversations); lint it: replylint ${source}; skipped` } };
}

/** Reads a file from its start on, through an open descriptor, off the main thread (the pool's messages go on meanwhile). */
function fileReader(fd: number): ByteReader {
  let position = 0;
  return (buffer, offset, length) =>
    new Promise((resolve, reject) =>
      read(fd, buffer, offset, length, position, (err, n) => {
        if (err) reject(err);
        else {
          position += n;
          resolve(n);
        }
      }),
    );
}

/** Reads a file at any position, off the main thread (the CSV reader starts again past a broken record). */
export const readerAt =
  (fd: number): ReadAt =>
  (buffer, position) =>
    new Promise((resolve, reject) => read(fd, buffer, 0, buffer.length, position, (err, n) => (err ? reject(err) : resolve(n))));

/** JSON files larger than this are streamed element by element when they hold an array, and refused when not. */
const STREAM_JSON_OVER = 64 * 1024 * 1024;

/** A large JSON array, one element at a time (stream-json), at flat memory. */
async function* jsonArrayElements(fd: number, path: string, options: AuditInputOptions): AsyncGenerator<AuditItem> {
  const { default: streamArray } = await import('stream-json/streamers/stream-array.js');
  const input = fromStart(fd);
  const elements = input.pipe(streamArray.withParserAsStream());
  input.on('error', (err) => elements.destroy(err));
  try {
    for await (const { key, value } of elements as AsyncIterable<{ key: number; value: unknown }>)
      for (const item of itemsOfValue(value, path, key + 1, options)) yield auditItem(item);
  } catch (err) {
    yield { notice: { source: path, message: `invalid JSON: ${(err as Error).message}; the rest of the file is skipped` } };
  }
}

/** The open file as a stream from its start; the descriptor stays open, for readAuditFile to close. */
const fromStart = (fd: number) => createReadStream('', { fd, start: 0, autoClose: false });

/** The first character that is not white space: "[" for an array. */
function firstCharacter(fd: number): string {
  const head = Buffer.alloc(4096);
  const bytesRead = readSync(fd, head, 0, head.length, 0);
  return (
    head
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart()[0] ?? ''
  );
}

/** Why a file named for the audit cannot be read at all, in words. */
const unreadable = (problem: string) => (problem === 'is a directory' ? 'is a directory; name the export files in it' : problem);

/**
 * The size of a file named for the audit, or why it cannot be read at all: asked of every
 * file before the audit starts, so that the progress knows the total and a run whose
 * every file is unreadable can stop as the usage error it is.
 */
export function auditInputSize(path: string): { size: number } | { problem: string } {
  const opened = openRegularFile(path);
  if ('problem' in opened) return { problem: unreadable(opened.problem) };
  closeSync(opened.fd);
  return { size: opened.size };
}

export async function* readAuditFile(path: string, options: AuditInputOptions): AsyncGenerator<AuditItem> {
  const opened = openRegularFile(path);
  if ('problem' in opened) {
    yield { notice: { source: path, message: unreadable(opened.problem) } };
    return;
  }
  // Read through the descriptor opened and checked, never by the name again.
  const { fd, size } = opened;
  try {
    yield* readOpenedFile(fd, size, path, options);
  } finally {
    close(fd, () => {});
  }
}

// Files the audit is named that hold replies, not conversations: what lint reads.
const REPLY_FILES = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.yaml', '.yml']);

async function* readOpenedFile(fd: number, size: number, path: string, options: AuditInputOptions): AsyncGenerator<AuditItem> {
  const ext = extname(path).toLowerCase();
  if (REPLY_FILES.has(ext)) {
    yield { notice: { source: path, message: `is a reply file, not a conversation export (JSON, JSONL or CSV); lint it: replylint ${path}; skipped` } };
    return;
  }
  if (ext === '.csv' || options.from === 'csv') {
    for await (const item of itemsOfCsv(readerAt(fd), path, options)) yield auditItem(item);
    return;
  }
  if (ext === '.json' && size > (options.streamJsonOver ?? STREAM_JSON_OVER) && firstCharacter(fd) === '[') {
    yield* jsonArrayElements(fd, path, options);
    return;
  }
  if (ext === '.json') {
    if (size > STREAM_JSON_OVER) {
      yield {
        notice: {
          source: path,
          message: `is ${megabytes(size)} of JSON that is not an array, too large to read as one value (limit ${limitText(STREAM_JSON_OVER)}); export it as JSONL, one conversation a line; skipped`,
        },
      };
      return;
    }
    for (const item of itemsOfJsonText(readUpTo(fd, STREAM_JSON_OVER).toString('utf8'), path, options)) yield auditItem(item);
    return;
  }
  // JSONL (and anything larger): line by line, at flat memory.
  if (options.rawBlocks) {
    yield* jsonlBlocks(fileReader(fd), path);
    return;
  }
  for await (const item of itemsOfJsonl(fileReader(fd), path, options)) yield auditItem(item);
}

/** What the audit names standard input by ("-" on the command line). */
export const STDIN_SOURCE = '<stdin>';

/**
 * Standard input ("-": `zcat export.jsonl.gz | replylint audit -`): JSONL a line at a time
 * when its first line is a JSON object of its own, else one JSON value (a list of
 * conversations, an export), and CSV when named with --from csv, those two read whole up
 * to the size a JSON file is read whole.
 */
export async function* readAuditStdin(read: ByteReader, options: AuditInputOptions): AsyncGenerator<AuditItem> {
  const source = STDIN_SOURCE;
  const head = await readAtMost(read, 1 << 16);
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (!text) {
    yield { notice: { source, message: 'is empty; nothing to audit' } };
    return;
  }
  const rest = after(head, read);
  if (options.from !== 'csv' && startsWithJsonLine(text)) {
    if (options.rawBlocks) yield* jsonlBlocks(rest, source);
    else for await (const item of itemsOfJsonl(rest, source, options)) yield auditItem(item);
    return;
  }
  if (options.from !== 'csv' && !/^[[{]/.test(text)) {
    yield { notice: { source, message: 'is not JSON or JSONL; for a CSV export, add --from csv; skipped' } };
    return;
  }
  const whole = await readAtMost(rest, STREAM_JSON_OVER + 1);
  if (whole.length > STREAM_JSON_OVER) {
    yield {
      notice: {
        source,
        message: `is over ${limitText(STREAM_JSON_OVER)}, too large to read as one value; give conversations as JSONL (one a line) or name the file; skipped`,
      },
    };
    return;
  }
  const items = options.from === 'csv' ? itemsOfCsv(memoryReadAt(whole), source, options) : itemsOfJsonText(whole.toString('utf8'), source, options);
  for await (const item of items) yield auditItem(item);
}
