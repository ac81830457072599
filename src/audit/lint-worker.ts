// A worker of the audit's pool: compiles the rules once, then lints batches of replies.
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/load-config.js';
import { Linter } from '../engine/lint.js';
import { loadRuleSet } from '../engine/rule-set.js';
import type { Locale, Reply } from '../types.js';

const { config, locale } = workerData as { config: ResolvedConfig; locale?: Locale };
const linter = new Linter(loadRuleSet(config), { locale });
const ready = linter.prepare();

parentPort!.on('message', async ({ id, replies }: { id: number; replies: Reply[] }) => {
  await ready;
  try {
    parentPort!.postMessage({ id, results: replies.map((r) => linter.lint(r)) });
  } catch (err) {
    parentPort!.postMessage({ id, error: (err as Error).message });
  }
});
