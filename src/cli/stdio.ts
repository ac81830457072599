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

/** Write text to standard output now; a slow pipe (EAGAIN) gets the rest through process.stdout. */
export function writeStdout(text: string): void {
  // Windows consoles want process.stdout's conversion of the text.
  if (process.platform === 'win32') {
    stdout().write(text);
    return;
  }
  const bytes = Buffer.from(text);
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(1, bytes, written);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN') stdout().write(bytes.subarray(written));
    else if (code !== 'EPIPE') throw err;
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
