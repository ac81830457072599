// Standard input and output without Node's stream modules where they are not needed:
// process.stdout and process.stdin load stream and net (~2 ms of a one-reply run) to
// move one string each way. The lint report goes out in synchronous writes to fd 1;
// stdin is read with readSync(0) in chunks, once known not to be a terminal, and only as
// far as the reader asks (input/read.ts: readStdin).
import { fstatSync, readSync, writeSync } from 'node:fs';
import type { ByteReader } from '../input/jsonl.js';

let guarded = false;

/** process.stdout, quiet when its reader stops early (| head): that is no error of ours. */
export function stdout(): NodeJS.WriteStream {
  if (!guarded) {
    guarded = true;
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      throw err;
    });
  }
  return process.stdout;
}

/**
 * Standard output written as a report comes: synchronous writes to fd 1 while they go
 * through; once the pipe is full and non-blocking (EAGAIN), everything after goes through
 * process.stdout, in order, and `drained()` waits while its buffer is full, so a slow
 * reader holds the run back instead of filling memory. A reader that stops early (| head)
 * is no error: the rest is dropped.
 */
export class StdoutWriter {
  private viaStream = process.platform === 'win32'; // Windows consoles want process.stdout's conversion of the text
  private full = false;
  private closed = false;

  write = (text: string | Uint8Array): void => {
    if (this.closed) return;
    if (this.viaStream) {
      if (!stdout().write(text)) this.full = true;
      return;
    }
    const bytes = typeof text === 'string' ? Buffer.from(text) : text;
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(1, bytes, written);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') this.closed = true;
      else if (code !== 'EAGAIN') throw err;
      else {
        this.viaStream = true;
        if (!stdout().write(bytes.subarray(written))) this.full = true;
      }
    }
  };

  async drained(): Promise<void> {
    if (!this.full) return;
    this.full = false;
    await new Promise((resolve) => stdout().once('drain', resolve));
  }
}

/** Sleep `ms` milliseconds, synchronously (stdin is read synchronously). */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Stdin as a ByteReader: synchronous reads of fd 0. A non-blocking stdin with nothing in
 * it yet reads as empty, as before any byte (no stdin at all); once some came, the reader
 * waits for the rest.
 */
export function stdinReader(): ByteReader {
  let any = false;
  return (buffer, offset, length) => {
    for (;;) {
      try {
        const n = readSync(0, buffer, offset, length, null);
        any ||= n > 0;
        return n;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EOF' || (code === 'EAGAIN' && !any)) return 0;
        if (code !== 'EAGAIN') throw err;
        pause(10);
      }
    }
  };
}

/** Whether stdin is a terminal (a person typing, not a pipe or a file). */
export function stdinIsTerminal(): boolean {
  try {
    // Pipes, files and sockets are never terminals; a character device may be one
    // (or /dev/null), which only process.stdin can tell.
    if (!fstatSync(0).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return Boolean(process.stdin.isTTY);
}
