// Raw regexes from users' rule files run in a worker thread with a time limit, so that
// one that backtracks catastrophically (and slipped past safe-regex2's static check)
// stops the run with its name instead of hanging it. The lint API stays synchronous:
// the main thread waits on a shared buffer with Atomics.wait and a timeout.
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';

/** How long one raw regex may take on one reply. */
export const REGEX_TIME_LIMIT_MS = 1000;
const MAX_MATCHES = 4096;

// The worker: runs the regex it is sent and writes [count, start0, end0, …] to the buffer.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ source, flags, text, buffer }) => {
  const out = new Int32Array(buffer);
  const re = new RegExp(source, flags.includes('g') ? flags : flags + 'g');
  let n = 0, m;
  while (n < ${MAX_MATCHES} && (m = re.exec(text)) !== null) {
    out[2 + 2 * n] = m.index; out[3 + 2 * n] = m.index + m[0].length; n++;
    if (m[0].length === 0) re.lastIndex++;
  }
  out[1] = n;
  Atomics.store(out, 0, 1);
  Atomics.notify(out, 0);
});`;

export class RegexTimeout extends Error {
  constructor(readonly source: string) {
    super(`regex /${source}/ ran for over ${REGEX_TIME_LIMIT_MS} ms on one reply: it backtracks catastrophically`);
  }
}

let worker: Worker | undefined;

function getWorker(): Worker {
  if (!worker) {
    // Required here, not imported: only users' raw regexes need it, and every start would pay.
    const { Worker: WorkerThread } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
    worker = new WorkerThread(WORKER_SOURCE, { eval: true });
    worker.unref(); // never keeps the process alive
  }
  return worker;
}

/** Every match of `regex` in `text`, computed off-thread within the time limit. */
export function boundedMatches(regex: RegExp, text: string): { start: number; end: number }[] {
  const buffer = new SharedArrayBuffer(4 * (2 + 2 * MAX_MATCHES));
  const out = new Int32Array(buffer);
  getWorker().postMessage({ source: regex.source, flags: regex.flags, text, buffer });
  if (Atomics.wait(out, 0, 0, REGEX_TIME_LIMIT_MS) === 'timed-out') {
    void worker?.terminate();
    worker = undefined;
    throw new RegexTimeout(regex.source);
  }
  const matches = [];
  for (let i = 0; i < out[1]; i++) matches.push({ start: out[2 + 2 * i], end: out[3 + 2 * i] });
  return matches;
}
