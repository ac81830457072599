// --format stylish for audits: summary tables a lead reads in the terminal. Agent names,
// rule ids, sources and conversation ids go through terminalText before colour and padding.
import type { ChalkInstance } from 'chalk';
import type { AuditFigures } from '../audit/figures.js';
import { appendAll, maxOf } from '../lists.js';
import { terminalText } from './escape.js';
import { plural, replies } from './plural.js';

function table(rows: string[][], align: ('l' | 'r')[]): string[] {
  const widths = rows[0].map((_, i) => maxOf(rows.map((r) => r[i].length)));
  return rows.map((r) => '  ' + r.map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  '));
}

export function formatAuditStylish(f: AuditFigures, chalk: ChalkInstance): string {
  const lines: string[] = [];
  // No replies have no mean score: an audit of nothing says so (and exits 2).
  if (!f.replies) return chalk.bold(`Audit: nothing audited`) + (f.skipped ? chalk.magenta(`, ${f.skipped} skipped`) : '') + '\n';
  lines.push(
    chalk.bold(`Audit: ${replies(f.replies)}, mean score ${f.meanScore}, 10th percentile ${f.p10Score}`) +
      (f.skipped ? chalk.magenta(`, ${f.skipped} skipped`) : ''),
  );
  lines.push(`  ${plural(f.bySeverity.error, 'error')}, ${plural(f.bySeverity.warning, 'warning')}, ${plural(f.bySeverity.suggestion, 'suggestion')}`, '');
  lines.push(chalk.bold('Per agent'));
  const topRules = f.rules.slice(0, 5).map((r) => r.rule);
  appendAll(
    lines,
    table(
      [
        ['agent', 'replies', 'mean', 'p10', ...topRules.map(terminalText)],
        ...f.agents.map((a) => [
          terminalText(a.agent),
          String(a.replies),
          String(a.meanScore),
          String(a.p10Score),
          ...topRules.map((r) => String(a.violations[r] ?? 0)),
        ]),
      ],
      ['l', 'r', 'r', 'r', ...topRules.map(() => 'r' as const)],
    ),
  );
  lines.push('');
  lines.push(chalk.bold('Per rule'));
  appendAll(
    lines,
    table(
      [
        ['rule', 'violations', 'replies', 'share'],
        ...f.rules.map((r) => [terminalText(r.rule), String(r.violations), String(r.replies), `${(r.share * 100).toFixed(1)}%`]),
      ],
      ['l', 'r', 'r', 'r'],
    ),
  );
  lines.push('');
  if (f.days.length > 1) {
    lines.push(chalk.bold('Over time'));
    appendAll(lines, table([['day', 'replies', 'mean'], ...f.days.map((d) => [terminalText(d.day), String(d.replies), String(d.meanScore)])], ['l', 'r', 'r']));
    lines.push('');
  }
  lines.push(chalk.bold('Worst replies'));
  for (const w of f.worst) {
    const where = w.conversationId !== undefined ? `${w.source} ${w.conversationId}#${w.messageIndex}` : w.source;
    lines.push(
      `  ${chalk.red(String(w.score).padStart(3))}  ${terminalText(where)}${w.agent ? `  ${chalk.dim(terminalText(w.agent))}` : ''}  ${chalk.dim(terminalText([...new Set(w.violations.map((v) => v.rule))].join(', ')))}`,
    );
  }
  return lines.join('\n') + '\n';
}
