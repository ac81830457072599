// JSONL, one conversation a line, for lint, the audit's reader and its workers alike:
// blocks of whole lines read at flat memory, a line over the limit skipped with its
// number, and one line parsed into its value or a notice.
import type { Notice } from './notice.js';

/** The longest line (one conversation) read: an audit worker (32 MB of heap) holds it several times over, and nothing a person wrote is that long. */
export const MAX_LINE_BYTES = 2 * 1024 * 1024;
/** Bytes read at a time: big enough to amortise, small enough to stay flat. */
const BLOCK = 1 << 18;

/** Reads up to `length` bytes into `buffer` at `offset`, from where the last read ended; 0 at the end. */
export type ByteReader = (buffer: Uint8Array, offset: number, length: number) => Promise<number> | number;

export interface JsonlBlock {
  /** Whole lines, in a buffer of their own (the audit hands it to a worker without a copy). */
  block: Uint8Array;
  source: string;
  firstLine: number;
  /** The block's last line (a skipped batch names its lines). */
  lastLine: number;
  /** How far into the input the block ends, in bytes (for progress). */
  bytes: number;
}

const tooLong = (source: string, line: number) => ({
  notice: { source, line, message: `line is over ${MAX_LINE_BYTES / 1048576} MB; a conversation that long is skipped` },
});

/** The input as blocks of whole lines; the reader only counts line breaks. A line's bytes are those before its line break. */
export async function* jsonlBlocks(read: ByteReader, source: string): AsyncGenerator<JsonlBlock | { notice: Notice }> {
  let carry = new Uint8Array(0);
  let line = 1;
  let bytes = 0;
  // Inside a line over the limit: its bytes are dropped up to its end.
  let skipping = false;
  for (;;) {
    // One buffer per block, read into behind the last block's unfinished line: only that line's bytes are copied.
    const data = new Uint8Array(carry.length + BLOCK);
    data.set(carry);
    const bytesRead = await read(data, carry.length, BLOCK);
    bytes += bytesRead;
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
    // Only the first line can be longer than a read (it holds the carry): over the limit,
    // it is skipped whichever read it ends in, not only when the limit is passed before its end.
    const firstBreak = data.subarray(0, filled).indexOf(10, start);
    if (firstBreak - start > MAX_LINE_BYTES) {
      yield tooLong(source, line);
      start = firstBreak + 1;
      line++;
    }
    let end = bytesRead === 0 ? filled : data.lastIndexOf(10, filled - 1) + 1;
    // A line longer than a block goes to a worker alone (the lines behind it are carried):
    // should it be too much for the worker, the batch skipped with it holds nothing else.
    const firstLineEnd = data.indexOf(10, start) + 1;
    if (bytesRead > 0 && firstLineEnd > 0 && firstLineEnd < end && firstLineEnd - start > BLOCK) end = firstLineEnd;
    if (end <= start && filled - start > MAX_LINE_BYTES) {
      yield tooLong(source, line);
      skipping = true;
      carry = new Uint8Array(0);
      continue;
    }
    // Everything needed of the buffer is taken before it is handed over (and perhaps detached).
    const firstLine = line;
    for (let i = data.indexOf(10, start); i >= 0 && i < end; i = data.indexOf(10, i + 1)) line++;
    carry = data.slice(Math.max(start, end), filled);
    // The last block of an input without a final line break ends inside its last line.
    const lastLine = data[end - 1] === 10 ? line - 1 : line;
    if (end > start) yield { block: data.subarray(start, end), source, firstLine, lastLine, bytes: bytes - (filled - end) };
    if (bytesRead === 0) break;
  }
}

const decoder = new TextDecoder();

/** The lines of a block that hold something, numbered from its first line. */
export function* blockLines(block: Uint8Array, firstLine: number): Generator<{ text: string; lineNumber: number }> {
  const text = decoder.decode(block);
  let start = 0;
  let lineNumber = firstLine;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    if (line) yield { text: line, lineNumber };
    lineNumber++;
    start = end + 1;
  }
}

/** The input's lines that hold something, each with its number, and notices for those skipped. */
export async function* jsonlLines(read: ByteReader, source: string): AsyncGenerator<{ text: string; lineNumber: number; bytes: number } | { notice: Notice }> {
  for await (const item of jsonlBlocks(read, source)) {
    if ('notice' in item) yield item;
    else for (const line of blockLines(item.block, item.firstLine)) yield { ...line, bytes: item.bytes };
  }
}

export function parseJsonlLine(raw: string, source: string, line: number): { value: unknown } | { notice: Notice } | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    return { notice: { source, line, message: `invalid JSON on this line (${(err as Error).message}); the line is skipped` } };
  }
}

/** The bytes of `head`, then the rest of `read`. */
export function after(head: Uint8Array, read: ByteReader): ByteReader {
  let served = 0;
  return (buffer, offset, length) => {
    if (served === head.length) return read(buffer, offset, length);
    const n = Math.min(length, head.length - served);
    buffer.set(head.subarray(served, served + n), offset);
    served += n;
    return n;
  };
}

/** Up to `limit` bytes from `read`. */
export async function readAtMost(read: ByteReader, limit: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(limit);
  let filled = 0;
  while (filled < limit) {
    const n = await read(buffer, filled, Math.min(limit - filled, 1 << 16));
    if (n === 0) break;
    filled += n;
  }
  return buffer.subarray(0, filled);
}

/** Whether the first line that holds anything is a JSON object on its own: JSONL. */
export function startsWithJsonLine(text: string): boolean {
  const rest = text.replace(/^\uFEFF/, '').trimStart();
  const end = rest.indexOf('\n');
  const first = end < 0 ? undefined : parseJsonlLine(rest.slice(0, end), '', 1);
  return rest.startsWith('{') && first !== undefined && 'value' in first;
}
