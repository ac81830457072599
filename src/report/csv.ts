// --format csv: one row per violation (replies without any get one row with no rule),
// written a result at a time.
import type { LintResult } from '../types.js';
import { csvRows } from './escape.js';

const HEADER = ['source', 'conversation', 'message', 'language', 'channel', 'score', 'rule', 'severity', 'line', 'column', 'endLine', 'endColumn', 'text'];

export class CsvReport {
  constructor(private readonly write: (text: string) => void) {
    write(csvRows([HEADER]));
  }

  add(r: LintResult): void {
    const base = [r.source, r.conversationId ?? '', r.messageIndex ?? '', r.language, r.channel, r.score];
    const rows: unknown[][] = r.violations.length
      ? r.violations.map((v) => [...base, v.rule, v.severity, v.line, v.column, v.endLine, v.endColumn, v.message])
      : [[...base, '', '', '', '', '', '', '']];
    this.write(csvRows(rows));
  }

  end(): void {}
}
