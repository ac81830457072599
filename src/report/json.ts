// --format json: exactly the contract in conversation-format.md, written a result at a time.
import type { Notice } from '../input/notice.js';
import type { LintResult } from '../types.js';
import { JsonArrayWriter, STREAMED_ARRAY } from './json-stream.js';
import { SummaryTally, type Summary } from './summary.js';

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
    ...(r.unusedDirectives ? { unusedDirectives: r.unusedDirectives } : {}),
    ...(r.agent ? { agent: r.agent } : {}),
    ...(r.time ? { time: r.time } : {}),
  };
}

const document = (summary?: Summary) => ({ version: 1, results: STREAMED_ARRAY, summary });

export class JsonReport {
  private readonly tally = new SummaryTally();
  private readonly results: JsonArrayWriter;

  constructor(write: (text: string) => void) {
    this.results = new JsonArrayWriter(write, document());
  }

  add(result: LintResult): void {
    this.tally.add(result);
    this.results.add(contractResult(result));
  }

  end(notices: readonly Notice[]): void {
    this.results.end(document(this.tally.summary(notices.length)));
  }
}
