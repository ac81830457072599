// A worker of the audit's pool: compiles the rules once, then processes batches
// (parse, lint, redact, format) and sends back the output bytes and the batch's figures.
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/load-config.js';
import { Linter } from '../engine/lint.js';
import { loadRuleSet } from '../engine/rule-set.js';
import { replyRow } from '../report/audit-csv.js';
import type { Locale } from '../types.js';
import { processBatch, type BatchSettings, type WorkItem } from './batch.js';

const { config, locale, settings } = workerData as { config: ResolvedConfig; locale?: Locale; settings: BatchSettings };
const linter = new Linter(loadRuleSet(config), { locale });
const ready = linter.prepare();

parentPort!.on('message', async ({ id, items }: { id: number; items: WorkItem[] }) => {
  try {
    await ready;
    const result = processBatch(items, linter, settings, replyRow);
    // The output's bytes move to the main thread rather than being copied.
    parentPort!.postMessage({ id, result }, result.output.map((chunk) => chunk.buffer as ArrayBuffer));
  } catch (err) {
    parentPort!.postMessage({ id, error: (err as Error).message });
  }
});
