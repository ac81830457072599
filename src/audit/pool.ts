// Auditing on every core: a pool of worker threads, each with its own compiled rules.
// Batches go out round-robin and come back as promises that the caller awaits in
// submission order, so the output order is the input order whatever the pool does.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/load-config.js';
import { Linter } from '../engine/lint.js';
import { loadRuleSet } from '../engine/rule-set.js';
import type { Locale } from '../types.js';
import { processBatch, type BatchResult, type BatchSettings, type WorkItem } from './batch.js';

// The compiled worker (dist/audit/lint-worker.js), found from src/ (tests) and dist/ alike.
const WORKER = new URL('../../dist/audit/lint-worker.js', import.meta.url);

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

export function workerPool(config: ResolvedConfig, settings: BatchSettings, size: number, locale?: Locale): Processing {
  // Capped heaps keep a pool's memory flat instead of letting every thread grow its own.
  const workers = Array.from({ length: size }, () => new Worker(WORKER, { workerData: { config, locale, settings }, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: YOUNG_MB } }));
  const pending = new Map<number, { resolve: (r: BatchResult) => void; reject: (e: Error) => void }>();
  for (const worker of workers) {
    worker.on('message', ({ id, result, error }: { id: number; result?: BatchResult; error?: string }) => {
      const p = pending.get(id);
      pending.delete(id);
      if (error) p?.reject(new Error(error));
      else p?.resolve(result!);
    });
    worker.on('error', (err) => {
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    });
  }
  let next = 0;
  return {
    capacity: size * 2,
    process(items) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        // JSONL blocks move to the worker without a copy.
        const transfer = items.flatMap((i) => ('block' in i ? [i.block.buffer as ArrayBuffer] : []));
        workers[id % size].postMessage({ id, items }, transfer);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
