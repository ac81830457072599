// Standard output without Node's stream modules where they are not needed:
// process.stdout loads stream and net (~2 ms of a one-reply run) to move one string. The
// lint report goes out in synchronous writes to fd 1. (Standard input: input/stdin.ts.)
import { writeSync } from 'node:fs';

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
