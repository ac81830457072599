// --format github: workflow commands that GitHub Actions turns into annotations. GitHub
// shows at most 10 annotations of each type per step, so past that a line says how
// many more there are, and the full list goes to the job summary ($GITHUB_STEP_SUMMARY).
import type { LintResult, Severity, Violation } from '../types.js';
import { markdownCode, markdownText, terminalText } from './escape.js';
import { plural, replies } from './plural.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', suggestion: 'notice' };
const CAP = 10;

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts. The message
// and title are shown in the log, which renders escape sequences: they are made inert
// first (report/escape.ts); the file property must name the real file, so it is only escaped.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function annotation(r: LintResult, v: Violation): string {
  const where = r.conversationId !== undefined ? ` (conversation ${r.conversationId}, message ${r.messageIndex})` : '';
  const properties = [`file=${escapeProperty(r.source)}`];
  if (r.conversationId === undefined) properties.push(`line=${v.line}`, `col=${v.column}`, `endLine=${v.endLine}`, `endColumn=${v.endColumn}`);
  properties.push(`title=${escapeProperty(terminalText(`replylint ${v.rule}`))}`);
  return `::${COMMAND[v.severity]} ${properties.join(',')}::${escapeData(terminalText(`${v.message}${v.hint ? ` ${v.hint}` : ''}${where}`))}`;
}

export function formatGithub(results: readonly LintResult[]): string {
  const lines: string[] = [];
  const shown: Record<string, number> = { error: 0, warning: 0, notice: 0 };
  const hidden: Record<string, number> = { error: 0, warning: 0, notice: 0 };
  for (const r of results) {
    for (const v of r.violations) {
      const type = COMMAND[v.severity];
      if (shown[type] < CAP) {
        lines.push(annotation(r, v));
        shown[type]++;
      } else hidden[type]++;
    }
  }
  for (const type of ['error', 'warning', 'notice'] as const) {
    if (hidden[type])
      lines.push(
        `::notice title=replylint::${hidden[type]} more ${type}${hidden[type] > 1 ? 's' : ''} not annotated (GitHub shows ${CAP} per type); see the job summary`,
      );
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

/** The job summary: every violation, as a Markdown table whose cells are text (report/escape.ts). */
export function githubSummary(results: readonly LintResult[]): string {
  const rows = results.flatMap((r) =>
    r.violations.map(
      (v) =>
        `| ${markdownText(r.conversationId !== undefined ? `${r.source} (${r.conversationId}#${r.messageIndex})` : `${r.source}:${v.line}:${v.column}`)} | ${v.severity} | ${markdownCode(v.rule)} | ${markdownText(v.message)} |`,
    ),
  );
  const scores = results.map((r) => r.score);
  const mean = scores.length ? (scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(1) : '100';
  return [
    `## replylint`,
    '',
    `${replies(results.length)}, mean score ${mean}, ${plural(rows.length, 'problem')}.`,
    '',
    ...(rows.length ? ['| where | severity | rule | message |', '| --- | --- | --- | --- |', ...rows] : []),
    '',
  ].join('\n');
}
