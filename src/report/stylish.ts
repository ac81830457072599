// --format stylish: grouped by file (and message of a conversation), coloured only
// when the terminal takes colour (chalk honours NO_COLOR and FORCE_COLOR). Every string
// from input goes through terminalText before our colours go around it.
import type { ChalkInstance } from 'chalk';
import type { Notice } from '../input/notice.js';
import { maxOf } from '../lists.js';
import type { LintResult, Severity } from '../types.js';
import { terminalText } from './escape.js';
import { summarize } from './summary.js';

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

export function formatStylish(results: readonly LintResult[], notices: readonly Notice[], chalk: ChalkInstance, options: { quiet?: boolean } = {}): string {
  const paint: Record<Severity, (s: string) => string> = { error: chalk.red, warning: chalk.yellow, suggestion: chalk.cyan };
  const lines: string[] = [];
  for (const r of results) {
    const shown = options.quiet ? r.violations.filter((v) => v.severity === 'error') : r.violations;
    if (!shown.length) continue;
    const where = r.conversationId !== undefined ? ` ${chalk.dim(`conversation ${terminalText(r.conversationId)}, message ${r.messageIndex}`)}` : '';
    lines.push('', `${chalk.underline(terminalText(r.source))}${where}  ${chalk.dim(`${r.language} · ${r.channel} · score ${r.score}`)}`);
    const width = maxOf(shown.map((v) => `${v.line}:${v.column}`.length));
    for (const v of shown) {
      lines.push(`  ${chalk.dim(`${v.line}:${v.column}`.padEnd(width))}  ${paint[v.severity](v.severity.padEnd(10))} ${terminalText(v.message)}  ${chalk.dim(terminalText(v.rule))}`);
      if (v.hint) lines.push(`  ${' '.repeat(width)}  ${' '.repeat(10)} ${chalk.dim(`→ ${terminalText(v.hint)}`)}`);
    }
  }
  for (const n of notices) lines.push('', `${chalk.underline(terminalText(n.source))}${n.line ? `:${n.line}` : ''}  ${chalk.magenta('skipped')}  ${terminalText(n.message)}`);
  const s = summarize(results, notices.length);
  const problems = s.errors + s.warnings + s.suggestions;
  const tally = `${plural(problems, 'problem')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.suggestions, 'suggestion')}) in ${plural(s.replies, 'reply', 'replies')}, mean score ${s.meanScore}${s.skipped ? `, ${s.skipped} skipped` : ''}`;
  lines.push('', (s.errors ? chalk.red.bold : problems ? chalk.yellow.bold : chalk.green.bold)(`${problems ? '✖' : '✔'} ${tally}`), '');
  return lines.join('\n');
}
