// --format github: workflow commands that GitHub Actions turns into annotations. GitHub
// shows at most 10 annotations of each type per step, so past that a line says how
// many more there are, and the full list goes to the job summary ($GITHUB_STEP_SUMMARY).
import type { LintResult, Severity, Violation } from '../types.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', suggestion: 'notice' };
const CAP = 10;

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function annotation(r: LintResult, v: Violation): string {
  const where = r.conversationId !== undefined ? ` (conversation ${r.conversationId}, message ${r.messageIndex})` : '';
  const properties = [`file=${escapeProperty(r.source)}`];
  if (r.conversationId === undefined) properties.push(`line=${v.line}`, `col=${v.column}`, `endLine=${v.endLine}`, `endColumn=${v.endColumn}`);
  properties.push(`title=${escapeProperty(`replylint ${v.rule}`)}`);
  return `::${COMMAND[v.severity]} ${properties.join(',')}::${escapeData(`${v.message}${v.hint ? ` ${v.hint}` : ''}${where}`)}`;
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
    if (hidden[type]) lines.push(`::notice title=replylint::${hidden[type]} more ${type}${hidden[type] > 1 ? 's' : ''} not annotated (GitHub shows ${CAP} per type); see the job summary`);
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The job summary: every violation, as a Markdown table. */
export function githubSummary(results: readonly LintResult[]): string {
  const rows = results.flatMap((r) =>
    r.violations.map((v) => `| ${cell(r.conversationId !== undefined ? `${r.source} (${r.conversationId}#${r.messageIndex})` : `${r.source}:${v.line}:${v.column}`)} | ${v.severity} | \`${v.rule}\` | ${cell(v.message)} |`),
  );
  const scores = results.map((r) => r.score);
  const mean = scores.length ? (scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(1) : '100';
  return [`## replylint`, '', `${results.length} replies, mean score ${mean}, ${rows.length} problems.`, '', ...(rows.length ? ['| where | severity | rule | message |', '| --- | --- | --- | --- |', ...rows] : []), ''].join('\n');
}
