// --format stylish: grouped by file (and message of a conversation), coloured only
// when the terminal takes colour (chalk honours NO_COLOR and FORCE_COLOR). Every string
// from input goes through terminalText before our colours go around it. Each result is
// written as it comes; the skipped inputs and the totals close the report.
import type { ChalkInstance } from 'chalk';
import type { Notice } from '../input/notice.js';
import { maxOf } from '../lists.js';
import type { Language, LintResult, Locale, Severity } from '../types.js';
import { terminalText } from './escape.js';
import { SummaryTally } from './summary.js';
import { reportLanguage, wordsOf } from './words.js';

export class StylishReport {
  private readonly tally = new SummaryTally();
  private readonly paint: Record<Severity, (s: string) => string>;
  private started = false;
  /** Replies per language: under `auto`, the summary is in the language most are in. */
  private readonly languages: Partial<Record<Language, number>> = {};

  constructor(
    private readonly write: (text: string) => void,
    private readonly chalk: ChalkInstance,
    /** The language of the report's own words (words.ts): a reply's block is in its language under `auto`. */
    private readonly locale: Locale = 'auto',
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
    this.languages[r.language] = (this.languages[r.language] ?? 0) + 1;
    const { chalk } = this;
    const shown = r.violations;
    if (!shown.length) return;
    const words = wordsOf(this.locale === 'auto' ? r.language : this.locale);
    const where =
      r.conversationId !== undefined
        ? ` ${chalk.dim(`${words.word('conversation')} ${terminalText(r.conversationId)}, ${words.word('message')} ${r.messageIndex}`)}`
        : '';
    const lines = ['', `${chalk.underline(terminalText(r.source))}${where}  ${chalk.dim(`${r.language} · ${r.channel} · ${words.word('score')} ${r.score}`)}`];
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
    const words = wordsOf(reportLanguage(this.locale, this.languages));
    for (const n of notices)
      this.lines([
        '',
        `${chalk.underline(terminalText(n.source))}${n.line ? `:${n.line}` : ''}  ${chalk.magenta(words.word('skipped'))}  ${terminalText(n.message)}`,
      ]);
    const s = this.tally.summary(notices.length);
    const problems = s.errors + s.warnings + s.suggestions;
    if (!s.replies) {
      // Nothing linted is no clean run (the exit code is 2 when something was skipped).
      this.lines(['', (s.skipped ? chalk.red.bold : chalk.yellow.bold)(`✖ ${words.nothingLinted(s.skipped)}`), '']);
      return;
    }
    const tally = words.lintSummary(s);
    this.lines(['', (s.errors ? chalk.red.bold : problems ? chalk.yellow.bold : chalk.green.bold)(`${problems ? '✖' : '✔'} ${tally}`), '']);
  }
}
