// --format junit: one test suite per source, one test case per reply, a failure per
// error or warning (suggestions are listed in system-out), for CI dashboards.
import type { LintResult } from '../types.js';

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function formatJunit(results: readonly LintResult[]): string {
  const bySource = new Map<string, LintResult[]>();
  for (const r of results) bySource.set(r.source, [...(bySource.get(r.source) ?? []), r]);
  const suites = [...bySource].map(([source, list]) => {
    const failing = list.filter((r) => r.violations.some((v) => v.severity !== 'suggestion')).length;
    const cases = list
      .map((r) => {
        const name = r.conversationId !== undefined ? `conversation ${r.conversationId}, message ${r.messageIndex}` : 'reply';
        const problems = r.violations.filter((v) => v.severity !== 'suggestion');
        const notes = r.violations.filter((v) => v.severity === 'suggestion');
        const failure = problems.length
          ? `\n      <failure message="${xml(`${problems.length} problem${problems.length > 1 ? 's' : ''}, score ${r.score}`)}" type="replylint">${xml(problems.map((v) => `${v.line}:${v.column} ${v.severity} ${v.message} (${v.rule})`).join('\n'))}</failure>`
          : '';
        const out = notes.length ? `\n      <system-out>${xml(notes.map((v) => `${v.line}:${v.column} suggestion ${v.message} (${v.rule})`).join('\n'))}</system-out>` : '';
        return `    <testcase name="${xml(name)}" classname="${xml(source)}">${failure}${out}${failure || out ? '\n    ' : ''}</testcase>`;
      })
      .join('\n');
    return `  <testsuite name="${xml(source)}" tests="${list.length}" failures="${failing}" errors="0">\n${cases}\n  </testsuite>`;
  });
  const failures = results.filter((r) => r.violations.some((v) => v.severity !== 'suggestion')).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="replylint" tests="${results.length}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>\n`;
}
