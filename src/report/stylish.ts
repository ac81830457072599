// --format stylish: grouped by file (and message of a conversation), coloured only
// when the terminal takes colour (chalk honours NO_COLOR and FORCE_COLOR). Every string
// from input goes through terminalText before our colours go around it. Each result is
// written as it comes; the skipped inputs and the totals close the report.
import type { ChalkInstance } from 'chalk';
import type { Notice } from '../input/notice.js';
import { maxOf } from '../lists.js';
import type { LintResult, Severity } from '../types.js';
import { terminalText } from './escape.js';
import { SummaryTally } from './summary.js';
import { plural, replies } from './plural.js';

export class StylishReport {
  private readonly tally = new SummaryTally();
  private readonly paint: Record<Severity, (s: string) => string>;
  private started = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly chalk: ChalkInstance,
  ) {
    this.paint = { error: chalk.red, warning: chalk.yellow, suggestion: chalk.cyan };
  }

  /** Lines of the report, each after a line break but the first. */
  private lines(lines: readonly string[]): void {
    if (!lines.length) return;
    this.write((this.started ? '\n' : '') + lines.join('\n'));
    this.started = true;
  }

  add(r: LintResult): void {
    this.tally.add(r);
    const { chalk } = this;
    const shown = r.violations;
    if (!shown.length) return;
    const where = r.conversationId !== undefined ? ` ${chalk.dim(`conversation ${terminalText(r.conversationId)}, message ${r.messageIndex}`)}` : '';
    const lines = ['', `${chalk.underline(terminalText(r.source))}${where}  ${chalk.dim(`${r.language} · ${r.channel} · score ${r.score}`)}`];
    const width = maxOf(shown.map((v) => `${v.line}:${v.column}`.length));
    for (const v of shown) {
      lines.push(
        `  ${chalk.dim(`${v.line}:${v.column}`.padEnd(width))}  ${this.paint[v.severity](v.severity.padEnd(10))} ${terminalText(v.message)}  ${chalk.dim(terminalText(v.rule))}`,
      );
      if (v.hint) lines.push(`  ${' '.repeat(width)}  ${' '.repeat(10)} ${chalk.dim(`→ ${terminalText(v.hint)}`)}`);
    }
    this.lines(lines);
  }

  end(notices: readonly Notice[]): void {
    const { chalk } = this;
    for (const n of notices)
      this.lines(['', `${chalk.underline(terminalText(n.source))}${n.line ? `:${n.line}` : ''}  ${chalk.magenta('skipped')}  ${terminalText(n.message)}`]);
    const s = this.tally.summary(notices.length);
    const problems = s.errors + s.warnings + s.suggestions;
    if (!s.replies) {
      // Nothing linted is no clean run (the exit code is 2 when something was skipped).
      this.lines(['', (s.skipped ? chalk.red.bold : chalk.yellow.bold)(`✖ nothing linted${s.skipped ? `: ${plural(s.skipped, 'input')} skipped` : ''}`), '']);
      return;
    }
    const tally = `${plural(problems, 'problem')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.suggestions, 'suggestion')}) in ${replies(s.replies)}, mean score ${s.meanScore}${s.skipped ? `, ${s.skipped} skipped` : ''}`;
    this.lines(['', (s.errors ? chalk.red.bold : problems ? chalk.yellow.bold : chalk.green.bold)(`${problems ? '✖' : '✔'} ${tally}`), '']);
  }
}
