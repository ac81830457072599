// --format json: exactly the contract in conversation-format.md.
import type { Notice } from '../input/notice.js';
import type { LintResult } from '../types.js';
import { safeJson } from './escape.js';
import { summarize } from './summary.js';

/** One result as the contract has it (fixes stay internal; the fixed text is `output`). */
export function contractResult(r: LintResult & { agent?: string; time?: string }): object {
  return {
    source: r.source,
    ...(r.conversationId !== undefined ? { conversationId: r.conversationId, messageIndex: r.messageIndex } : {}),
    language: r.language,
    channel: r.channel,
    score: r.score,
    violations: r.violations.map(({ fix: _fix, ...v }) => v),
    ...(r.output !== undefined ? { output: r.output } : {}),
    ...(r.agent ? { agent: r.agent } : {}),
    ...(r.time ? { time: r.time } : {}),
  };
}

export function formatJson(results: readonly LintResult[], notices: readonly Notice[]): string {
  const report = {
    version: 1,
    results: results.map(contractResult),
    summary: summarize(results, notices.length),
  };
  return safeJson(report, 2) + '\n';
}
