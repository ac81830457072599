// --format json for audits: the lint contract (conversation-format.md), results written
// as they come so a month of transcripts never sits in memory, then the summary and an
// `audit` section with the figures.
import type { AuditFigures } from '../audit/figures.js';
import { safeJson } from './escape.js';

export class AuditJsonWriter {
  private first = true;
  constructor(private readonly write: (chunk: string | Uint8Array) => void) {
    write('{\n  "version": 1,\n  "results": [');
  }

  /** Results already serialised by a batch (report/json.ts: contractResult), each after ",\n    ". */
  addResults(bytes: Uint8Array): void {
    if (!bytes.length) return;
    // The array's first result takes no comma.
    this.write(this.first ? bytes.subarray(1) : bytes);
    this.first = false;
  }

  end(figures: AuditFigures): void {
    const e = figures.bySeverity;
    const summary = {
      replies: figures.replies,
      errors: e.error,
      warnings: e.warning,
      suggestions: e.suggestion,
      meanScore: figures.meanScore,
      skipped: figures.skipped,
    };
    const audit = {
      ...figures,
      worst: figures.worst.map((w) => ({
        source: w.source,
        conversationId: w.conversationId,
        messageIndex: w.messageIndex,
        agent: w.agent,
        score: w.score,
        text: w.text,
        violations: w.violations.map(({ fix: _f, ...v }) => v),
      })),
    };
    this.write(`${this.first ? '' : '\n  '}],\n  "summary": ${safeJson(summary)},\n  "audit": ${safeJson(audit, 2).replace(/\n/g, '\n  ')}\n}\n`);
  }
}
