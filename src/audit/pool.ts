// Auditing on every core: a pool of worker threads, each with its own compiled rules.
// Batches go to whichever worker is free, one at a time, and come back as promises that
// the caller awaits in submission order, so the output order is the input order
// whatever the pool does. A worker that dies (out of memory, a crash) is replaced, and
// the batch it held comes back as skipped, with its file and lines (issue 10, item 5).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ConfigError } from '../config/errors.js';
import type { ResolvedConfig } from '../config/load-config.js';
import { Linter } from '../engine/lint.js';
import { loadRuleSet } from '../engine/rule-set.js';
import type { Locale } from '../types.js';
import { processBatch, type BatchResult, type BatchSettings, type WorkItem } from './batch.js';
import { batchExtent, skippedBatch, type BatchExtent } from './skipped-batch.js';
import { builtUrl } from '../files/built.js';

// The compiled worker, found from src/ (tests) and dist/ alike.
const WORKER = builtUrl('audit/lint-worker.js');

// A worker's live data is ~15 MB (compiled rules, compromise, one batch). Measured on a
// 1 GB audit on two workers: old generation 32 MB and young 12 MB, 130.7 s at 190 MB
// peak RSS; young 16 MB was faster (129.5 s) but peaked at 214 MB, over the 200 MB the
// audit is held to. A young generation much smaller than this makes scavenges cost a
// worker more than the in-process linter pays.
const HEAP_MB = Number(process.env.REPLYLINT_WORKER_HEAP_MB) || 32;
const YOUNG_MB = Number(process.env.REPLYLINT_WORKER_YOUNG_MB) || 12;

export function defaultWorkers(): number {
  return Math.max(1, Math.min(availableParallelism(), 16));
}

export interface Processing {
  process(batch: WorkItem[]): Promise<BatchResult>;
  /** How many batches may be under way at once before the reader should wait. */
  readonly capacity: number;
  close(): Promise<void>;
}

/** In the main thread: for --workers 0 or 1. */
export async function inProcess(config: ResolvedConfig, settings: BatchSettings, locale?: Locale): Promise<Processing> {
  const linter = new Linter(loadRuleSet(config), { locale });
  await linter.prepare();
  const csvRow = settings.format === 'csv' ? (await import('../report/audit-csv.js')).replyRow : undefined;
  return { process: async (batch) => processBatch(batch, linter, settings, csvRow), capacity: 1, close: async () => {} };
}

/** What a worker thread sends: that it is ready, or a batch's result or failure. */
type WorkerMessage = { ready: true } | { result: BatchResult } | { error: string };

interface Job {
  /** Dropped once posted: the JSONL bytes have moved to the worker. */
  items?: WorkItem[];
  extent: BatchExtent[];
  resolve(result: BatchResult): void;
  reject(err: Error): void;
}

/** A worker and the one batch it holds: if it dies, that batch and no other is the one lost. */
interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
}

/**
 * Workers that die one after another with no batch finished between them are not being
 * killed by one bad conversation: the audit stops rather than skip batch after batch.
 */
const DEATHS_IN_A_ROW = 3;

const OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY';
const MORE_HEAP = `--workers 1 (no worker threads), or give each worker more heap with REPLYLINT_WORKER_HEAP_MB (now ${HEAP_MB})`;

const outOfMemory = (err: Error | undefined) => (err as NodeJS.ErrnoException | undefined)?.code === OUT_OF_MEMORY;
/** How a worker died, as "the worker thread …". */
const cause = (err: Error | undefined, exitCode: number) =>
  outOfMemory(err) ? 'ran out of memory' : `stopped (${err ? err.message : `exit code ${exitCode}`})`;

export function workerPool(config: ResolvedConfig, settings: BatchSettings, size: number, locale?: Locale): Processing {
  const queue: Job[] = [];
  let deathsInARow = 0;
  let failure: Error | undefined;
  let closing = false;

  const start = (): Slot => {
    // Capped heaps keep a pool's memory flat instead of letting every thread grow its own.
    const worker = new Worker(WORKER, {
      workerData: { config, locale, settings },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: YOUNG_MB },
    });
    const slot: Slot = { worker, ready: false };
    let death: Error | undefined;
    worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) slot.ready = true;
      else {
        const job = slot.job!;
        slot.job = undefined;
        if ('error' in message) job.reject(new Error(message.error));
        else {
          deathsInARow = 0;
          job.resolve(message.result);
        }
      }
      dispatch();
    });
    // ERR_WORKER_OUT_OF_MEMORY and uncaught errors come here first, then 'exit'.
    worker.on('error', (err) => (death = err));
    worker.on('exit', (code) => {
      if (!closing) replace(slot, death, code);
    });
    return slot;
  };
  const slots = Array.from({ length: size }, start);

  function dispatch(): void {
    for (const slot of slots) {
      if (!queue.length) return;
      if (!slot.ready || slot.job) continue;
      const job = queue.shift()!;
      slot.job = job;
      // JSONL blocks move to the worker without a copy.
      const transfer = job.items!.flatMap((i) => ('block' in i ? [i.block.buffer as ArrayBuffer] : []));
      slot.worker.postMessage({ items: job.items }, transfer);
      job.items = undefined;
    }
  }

  /** A dead worker's batch is reported skipped and a new worker takes its place, unless workers keep dying. */
  function replace(slot: Slot, err: Error | undefined, exitCode: number): void {
    const how = cause(err, exitCode);
    if (slot.job) slot.job.resolve(skippedBatch(slot.job.extent, `the worker thread ${how}${outOfMemory(err) ? `; audit the file with ${MORE_HEAP}` : ''}`));
    slot.job = undefined;
    if (++deathsInARow < DEATHS_IN_A_ROW) {
      slots[slots.indexOf(slot)] = start();
      return;
    }
    const stopped = `the audit stopped: ${deathsInARow} worker threads in a row died before finishing a batch`;
    // Too small a heap is the user's to change; a crash is ours to hear about.
    fail(
      outOfMemory(err) ? new ConfigError(`${stopped}: they ran out of memory`, undefined, `audit with ${MORE_HEAP}`) : new Error(`${stopped}; the last ${how}`),
    );
  }

  function fail(err: Error): void {
    failure = err;
    closing = true;
    for (const job of [...queue.splice(0), ...slots.flatMap((s) => (s.job ? [s.job] : []))]) job.reject(err);
    for (const slot of slots) void slot.worker.terminate();
  }

  return {
    capacity: size * 2,
    process(items) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        queue.push({ items, extent: batchExtent(items), resolve, reject });
        dispatch();
      });
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
