// Linting on every core: a pool of worker threads, each with its own compiled rules.
// Batches go out round-robin and come back as promises that the caller awaits in
// submission order, so the output order is the input order whatever the pool does.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/load-config.js';
import { Linter } from '../engine/lint.js';
import { loadRuleSet } from '../engine/rule-set.js';
import type { LintResult, Locale, Reply } from '../types.js';

// The compiled worker (dist/audit/lint-worker.js), found from src/ (tests) and dist/ alike.
const WORKER = new URL('../../dist/audit/lint-worker.js', import.meta.url);

export function defaultWorkers(): number {
  return Math.max(1, Math.min(availableParallelism(), 16));
}

export interface Linting {
  lint(batch: Reply[]): Promise<LintResult[]>;
  /** How many batches may be under way at once before the reader should wait. */
  readonly capacity: number;
  close(): Promise<void>;
}

/** In the main thread: for one worker's worth of work, or --workers 0. */
export async function inProcess(config: ResolvedConfig, locale?: Locale): Promise<Linting> {
  const linter = new Linter(loadRuleSet(config), { locale });
  await linter.prepare();
  return { lint: async (batch) => batch.map((r) => linter.lint(r)), capacity: 1, close: async () => {} };
}

export function workerPool(config: ResolvedConfig, size: number, locale?: Locale): Linting {
  const workers = Array.from({ length: size }, () => new Worker(WORKER, { workerData: { config, locale } }));
  const pending = new Map<number, { resolve: (r: LintResult[]) => void; reject: (e: Error) => void }>();
  for (const worker of workers) {
    worker.on('message', ({ id, results, error }: { id: number; results?: LintResult[]; error?: string }) => {
      const p = pending.get(id);
      pending.delete(id);
      if (error) p?.reject(new Error(error));
      else p?.resolve(results!);
    });
    worker.on('error', (err) => {
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    });
  }
  let next = 0;
  return {
    capacity: size * 2,
    lint(batch) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[id % size].postMessage({ id, replies: batch });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
