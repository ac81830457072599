// --format stylish for audits: summary tables a lead reads in the terminal. Agent names,
// rule ids, sources and conversation ids go through terminalText before colour and padding.
import type { ChalkInstance } from 'chalk';
import type { AuditFigures } from '../audit/figures.js';
import { appendAll, maxOf } from '../lists.js';
import { terminalText } from './escape.js';
import type { Locale } from '../types.js';
import { reportLanguage, wordsOf } from './words.js';

function table(rows: string[][], align: ('l' | 'r')[]): string[] {
  const widths = rows[0].map((_, i) => maxOf(rows.map((r) => r[i].length)));
  return rows.map((r) => '  ' + r.map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  '));
}

/** The audit's tables; its words in `locale`'s language (under auto, that of most replies: words.ts). */
export function formatAuditStylish(f: AuditFigures, chalk: ChalkInstance, locale?: Locale): string {
  const w = wordsOf(reportLanguage(locale, f.byLanguage));
  const skipped = (n: number) => (w.language === 'en' ? `${n} skipped` : `${w.word('skipped')}: ${n}`);
  const lines: string[] = [];
  const incomplete = f.incomplete ? `\n  ${chalk.yellow(w.incomplete(f.incomplete.missing, f.incomplete.shards))}` : '';
  // No replies have no mean score: an audit of nothing says so (and exits 2).
  if (!f.replies)
    return chalk.bold(`${w.word('audit')}: ${w.word('nothingAudited')}`) + (f.skipped ? chalk.magenta(`, ${skipped(f.skipped)}`) : '') + incomplete + '\n';
  lines.push(
    chalk.bold(`${w.word('audit')}: ${w.count(f.replies, 'replies')}, ${w.word('meanScore')} ${f.meanScore}, ${w.word('p10')} ${f.p10Score}`) +
      (f.skipped ? chalk.magenta(`, ${skipped(f.skipped)}`) : ''),
  );
  lines.push(`  ${w.severities({ errors: f.bySeverity.error, warnings: f.bySeverity.warning, suggestions: f.bySeverity.suggestion })}`);
  if (incomplete) lines.push(incomplete.slice(1));
  lines.push('');
  lines.push(chalk.bold(w.word('perAgent')));
  const topRules = f.rules.slice(0, 5).map((r) => r.rule);
  appendAll(
    lines,
    table(
      [
        [w.word('agent'), w.word('replies'), w.word('mean'), 'p10', ...topRules.map(terminalText)],
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
  lines.push(chalk.bold(w.word('perRule')));
  appendAll(
    lines,
    table(
      [
        [w.word('rule'), w.word('violations'), w.word('replies'), w.word('share')],
        ...f.rules.map((r) => [terminalText(r.rule), String(r.violations), String(r.replies), `${(r.share * 100).toFixed(1)}%`]),
      ],
      ['l', 'r', 'r', 'r'],
    ),
  );
  lines.push('');
  if (f.days.length > 1) {
    lines.push(chalk.bold(w.word('overTime')));
    appendAll(
      lines,
      table(
        [[w.word('day'), w.word('replies'), w.word('mean')], ...f.days.map((d) => [terminalText(d.day), String(d.replies), String(d.meanScore)])],
        ['l', 'r', 'r'],
      ),
    );
    lines.push('');
  }
  lines.push(chalk.bold(w.word('worstReplies')));
  for (const w of f.worst) {
    const where = w.conversationId !== undefined ? `${w.source} ${w.conversationId}#${w.messageIndex}` : w.source;
    lines.push(
      `  ${chalk.red(String(w.score).padStart(3))}  ${terminalText(where)}${w.agent ? `  ${chalk.dim(terminalText(w.agent))}` : ''}  ${chalk.dim(terminalText([...new Set(w.violations.map((v) => v.rule))].join(', ')))}`,
    );
  }
  return lines.join('\n') + '\n';
}
