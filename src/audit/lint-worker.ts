// A worker of the audit's pool: compiles the rules once, says it is ready, then processes
// batches one at a time (parse, lint, redact, format) and sends back the output bytes and
// the batch's figures.
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/load-config.js';
import { Linter } from '../engine/lint.js';
import { loadRuleSet } from '../engine/rule-set.js';
import { replyRow } from '../report/audit-csv.js';
import type { Locale } from '../types.js';
import { processBatch, type BatchSettings, type WorkItem } from './batch.js';
import { partBuffers } from './vocabulary.js';

const { config, locale, settings } = workerData as { config: ResolvedConfig; locale?: Locale; settings: BatchSettings };
const linter = new Linter(loadRuleSet(config), { locale });
// A worker that fails here dies before it holds a batch: the pool counts it, blames no input.
await linter.prepare();

parentPort!.on('message', ({ items }: { items: WorkItem[] }) => {
  try {
    const result = processBatch(items, linter, settings, replyRow);
    // The output's bytes move to the main thread rather than being copied.
    const moved = result.output.map((chunk) => chunk.buffer as ArrayBuffer);
    if (result.vocabulary) moved.push(...partBuffers(result.vocabulary));
    parentPort!.postMessage({ result }, moved);
  } catch (err) {
    parentPort!.postMessage({ error: (err as Error).message });
  }
});
parentPort!.postMessage({ ready: true });
