// Reading audit inputs: the conversation format and helpdesk exports (JSON, JSONL, CSV),
// one conversation at a time. Anything unreadable becomes a notice and the rest goes on.
import { close, closeSync, createReadStream, read, readSync } from 'node:fs';
import { extname } from 'node:path';
import { readCsv, type CsvColumns, type CsvDialect, type ReadAt } from '../input/importers/csv.js';
import { conversationsIn, type Conversation, type Source } from '../input/importers/index.js';
import type { Notice } from '../input/notice.js';
import { jsonlBlocks, jsonlLines, parseJsonlLine, type ByteReader, type JsonlBlock } from '../input/jsonl.js';
import { limitText, megabytes, openRegularFile, readUpTo } from '../files/regular-file.js';

export interface AuditInputOptions {
  from: Source;
  csvColumns?: CsvColumns;
  /** The CSV's separator and role values (--csv-delimiter, --csv-roles). */
  csvDialect?: CsvDialect;
  /** Hand JSONL over as blocks of whole lines, unparsed and undecoded (the pool's workers take them). */
  rawBlocks?: boolean;
  /** JSON files larger than this are streamed element by element (default 64 MB). */
  streamJsonOver?: number;
}

/** A conversation or a block of raw JSONL lines, with how far into its file the reader is (bytes, for progress). */
export type AuditItem = { conversation: Conversation; source: string; line?: number; bytes?: number } | JsonlBlock | { notice: Notice };

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
    for await (const { key, value } of elements as AsyncIterable<{ key: number; value: unknown }>) yield* fromValue(value, path, key + 1, options);
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

async function* readOpenedFile(fd: number, size: number, path: string, options: AuditInputOptions): AsyncGenerator<AuditItem> {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || options.from === 'csv') {
    try {
      for await (const record of readCsv(readerAt(fd), options.csvColumns, options.csvDialect)) {
        if (record.notice) yield { notice: { source: path, line: record.notice.line, message: record.notice.message } };
        else if (record.conversation) yield { conversation: record.conversation, source: path, line: record.line };
      }
    } catch (err) {
      yield { notice: { source: path, message: `cannot read the CSV: ${(err as Error).message}` } };
    }
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
    let value: unknown;
    try {
      value = JSON.parse(readUpTo(fd, STREAM_JSON_OVER).toString('utf8'));
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
  if (options.rawBlocks) {
    yield* jsonlBlocks(fileReader(fd), path);
    return;
  }
  for await (const line of jsonlLines(fileReader(fd), path)) {
    if ('notice' in line) {
      yield line;
      continue;
    }
    const parsed = parseJsonlLine(line.text, path, line.lineNumber);
    if (!parsed) continue;
    if ('notice' in parsed) {
      yield parsed;
      continue;
    }
    for (const item of fromValue(parsed.value, path, line.lineNumber, options)) yield 'conversation' in item ? { ...item, bytes: line.bytes } : item;
  }
}
