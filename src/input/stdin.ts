// Standard input without Node's stream modules: process.stdin loads stream and net (~2 ms
// of a one-reply run) to move one string. Stdin is read with readSync(0) in chunks, once
// known not to be a terminal, and only as far as the reader asks (read.ts: readStdin).
import { fstatSync, readSync } from 'node:fs';
import type { ByteReader } from './jsonl.js';

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
