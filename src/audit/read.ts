// Reading audit inputs: the conversation format and helpdesk exports (JSON, JSONL, CSV),
// one conversation at a time. Anything unreadable becomes a notice and the rest goes on.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { readCsv, type CsvColumns } from '../input/importers/csv.js';
import { conversationsIn, type Conversation, type Source } from '../input/importers/index.js';
import type { Notice } from '../input/notice.js';
import { parseJsonlLine } from '../input/jsonl.js';
import { sizeOrNotice } from '../input/read.js';

export interface AuditInputOptions {
  from: Source;
  csvColumns?: CsvColumns;
  /** Hand JSONL over as blocks of whole lines, unparsed and undecoded (the pool's workers take them). */
  rawBlocks?: boolean;
  /** JSON files larger than this are streamed element by element (default 64 MB). */
  streamJsonOver?: number;
}

/** Bytes per block of JSONL handed to a worker: big enough to amortise, small enough to stay flat. */
const BLOCK = 1 << 18;
/** The longest JSONL line (one conversation) the audit reads: a worker (32 MB of heap) holds it several times over. */
const MAX_LINE_BYTES = 2 * 1024 * 1024;

/** A conversation or a raw JSONL line, with how far into its file the reader is (bytes, for progress). */
export type AuditItem =
  | { conversation: Conversation; source: string; line?: number; bytes?: number }
  | { block: Uint8Array; source: string; firstLine: number; lastLine: number; bytes: number }
  | { notice: Notice };

/**
 * A JSONL file as blocks of whole lines. Each block is a fresh buffer of its own, so it
 * can be handed to a worker thread without a copy; the reader only counts line breaks.
 */
async function* jsonlBlocks(path: string): AsyncGenerator<Exclude<AuditItem, { conversation: Conversation }>> {
  const { open } = await import('node:fs/promises');
  const file = await open(path, 'r');
  try {
    let carry = new Uint8Array(0);
    let line = 1;
    let offset = 0;
    // Inside a line over the limit: its bytes are dropped up to its end.
    let skipping = false;
    for (;;) {
      // One buffer per block, read into behind the last block's unfinished line: it goes
      // to a worker as it is (transferred), and only that line's bytes are copied.
      const data = new Uint8Array(carry.length + BLOCK);
      data.set(carry);
      const { bytesRead } = await file.read(data, carry.length, BLOCK, offset);
      offset += bytesRead;
      const filled = carry.length + bytesRead;
      let start = 0;
      if (skipping) {
        // (Nothing is carried while skipping: the buffer holds only what was just read.)
        const lineEnd = data.subarray(0, filled).indexOf(10);
        if (lineEnd < 0) {
          if (bytesRead === 0) break;
          continue;
        }
        skipping = false;
        start = lineEnd + 1;
        line++;
      }
      let end = bytesRead === 0 ? filled : data.lastIndexOf(10, filled - 1) + 1;
      // A line longer than a block goes to a worker alone (the lines behind it are carried):
      // should it be too much for the worker, the batch skipped with it holds nothing else.
      const firstLineEnd = data.indexOf(10, start) + 1;
      if (bytesRead > 0 && firstLineEnd > 0 && firstLineEnd < end && firstLineEnd - start > BLOCK) end = firstLineEnd;
      if (end <= start && filled - start > MAX_LINE_BYTES) {
        // A worker would hold this line several times over; nothing a person wrote is that long.
        yield { notice: { source: path, line, message: `line is over ${MAX_LINE_BYTES / 1048576} MB; a conversation that long is skipped` } };
        skipping = true;
        carry = new Uint8Array(0);
        continue;
      }
      // Everything needed of the buffer is taken before it is handed over (and detached).
      const firstLine = line;
      for (let i = data.indexOf(10, start); i >= 0 && i < end; i = data.indexOf(10, i + 1)) line++;
      carry = data.slice(Math.max(start, end), filled);
      // The last block of a file without a final line break ends inside its last line.
      const lastLine = data[end - 1] === 10 ? line - 1 : line;
      if (end > start) yield { block: data.subarray(start, end), source: path, firstLine, lastLine, bytes: offset - (filled - end) };
      if (bytesRead === 0) break;
    }
  } finally {
    await file.close();
  }
}

const STREAM_JSON_OVER = 64 * 1024 * 1024;

/** A large JSON array, one element at a time (stream-json), at flat memory. */
async function* jsonArrayElements(path: string, options: AuditInputOptions): AsyncGenerator<AuditItem> {
  const { default: streamArray } = await import('stream-json/streamers/stream-array.js');
  const elements = createReadStream(path).pipe(streamArray.withParserAsStream()) as AsyncIterable<{ key: number; value: unknown }>;
  try {
    for await (const { key, value } of elements) yield* fromValue(value, path, key + 1, options);
  } catch (err) {
    yield { notice: { source: path, message: `invalid JSON: ${(err as Error).message}; the rest of the file is skipped` } };
  }
}

/** The first character that is not white space: "[" for an array. */
async function firstCharacter(path: string): Promise<string> {
  const { open } = await import('node:fs/promises');
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart()[0] ?? '';
  } finally {
    await file.close();
  }
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

export async function* readAuditFile(path: string, options: AuditInputOptions): AsyncGenerator<AuditItem> {
  const size = await sizeOrNotice(path, 'the export files in it');
  if (typeof size !== 'number') {
    yield { notice: size };
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
  if (ext === '.json' && size > (options.streamJsonOver ?? STREAM_JSON_OVER) && (await firstCharacter(path)) === '[') {
    yield* jsonArrayElements(path, options);
    return;
  }
  if (ext === '.json') {
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
  if (options.rawBlocks) {
    yield* jsonlBlocks(path);
    return;
  }
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  let bytes = 0;
  for await (const raw of lines) {
    bytes += Buffer.byteLength(raw) + 1;
    const parsed = parseJsonlLine(raw, path, ++n);
    if (!parsed) continue;
    if ('notice' in parsed) {
      yield parsed;
      continue;
    }
    for (const item of fromValue(parsed.value, path, n, options)) yield 'conversation' in item ? { ...item, bytes } : item;
  }
}
