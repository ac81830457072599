// --format json for audits: the lint contract (conversation-format.md), results written
// as they come so a month of transcripts never sits in memory, then the summary and an
// `audit` section with the figures.
import type { AuditFigures } from '../audit/figures.js';
import type { AuditedReply } from '../types.js';

export class AuditJsonWriter {
  private first = true;
  constructor(private readonly write: (chunk: string) => void) {
    write('{\n  "version": 1,\n  "results": [');
  }

  add(r: AuditedReply): void {
    const result = {
      source: r.source,
      ...(r.conversationId !== undefined ? { conversationId: r.conversationId, messageIndex: r.messageIndex } : {}),
      language: r.language,
      channel: r.channel,
      score: r.score,
      violations: r.violations.map(({ fix: _fix, ...v }) => v),
      ...(r.agent ? { agent: r.agent } : {}),
      ...(r.time ? { time: r.time } : {}),
    };
    this.write(`${this.first ? '\n' : ',\n'}    ${JSON.stringify(result)}`);
    this.first = false;
  }

  end(figures: AuditFigures): void {
    const e = figures.bySeverity;
    const summary = { replies: figures.replies, errors: e.error, warnings: e.warning, suggestions: e.suggestion, meanScore: figures.meanScore, skipped: figures.skipped };
    const audit = { ...figures, worst: figures.worst.map((w) => ({ source: w.source, conversationId: w.conversationId, messageIndex: w.messageIndex, agent: w.agent, score: w.score, text: w.text, violations: w.violations.map(({ fix: _f, ...v }) => v) })) };
    this.write(`${this.first ? '' : '\n  '}],\n  "summary": ${JSON.stringify(summary)},\n  "audit": ${JSON.stringify(audit, null, 2).replace(/\n/g, '\n  ')}\n}\n`);
  }
}
