// --format csv: one row per violation (replies without any get one row with no rule).
import type { LintResult } from '../types.js';
import { csvRows } from './escape.js';

export function formatCsv(results: readonly LintResult[]): string {
  const rows: unknown[][] = [['source', 'conversation', 'message', 'language', 'channel', 'score', 'rule', 'severity', 'line', 'column', 'endLine', 'endColumn', 'text']];
  for (const r of results) {
    const base = [r.source, r.conversationId ?? '', r.messageIndex ?? '', r.language, r.channel, r.score];
    if (!r.violations.length) rows.push([...base, '', '', '', '', '', '', '']);
    for (const v of r.violations) rows.push([...base, v.rule, v.severity, v.line, v.column, v.endLine, v.endColumn, v.message]);
  }
  return csvRows(rows);
}
