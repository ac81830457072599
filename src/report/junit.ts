// --format junit: one test suite per source, one test case per reply, a failure per
// error or warning (suggestions are listed in system-out), for CI dashboards.
// Text and attribute values are escaped by report/escape.ts (XML 1.0 chars and references).
import type { LintResult } from '../types.js';
import { xmlAttribute as attr, xmlText as text } from './escape.js';

export function formatJunit(results: readonly LintResult[]): string {
  const bySource = new Map<string, LintResult[]>();
  for (const r of results) {
    const list = bySource.get(r.source);
    if (list) list.push(r);
    else bySource.set(r.source, [r]);
  }
  const suites = [...bySource].map(([source, list]) => {
    const failing = list.filter((r) => r.violations.some((v) => v.severity !== 'suggestion')).length;
    const cases = list
      .map((r) => {
        const name = r.conversationId !== undefined ? `conversation ${r.conversationId}, message ${r.messageIndex}` : 'reply';
        const problems = r.violations.filter((v) => v.severity !== 'suggestion');
        const notes = r.violations.filter((v) => v.severity === 'suggestion');
        const failure = problems.length
          ? `\n      <failure message="${attr(`${problems.length} problem${problems.length > 1 ? 's' : ''}, score ${r.score}`)}" type="replylint">${text(problems.map((v) => `${v.line}:${v.column} ${v.severity} ${v.message} (${v.rule})`).join('\n'))}</failure>`
          : '';
        const out = notes.length
          ? `\n      <system-out>${text(notes.map((v) => `${v.line}:${v.column} suggestion ${v.message} (${v.rule})`).join('\n'))}</system-out>`
          : '';
        return `    <testcase name="${attr(name)}" classname="${attr(source)}">${failure}${out}${failure || out ? '\n    ' : ''}</testcase>`;
      })
      .join('\n');
    return `  <testsuite name="${attr(source)}" tests="${list.length}" failures="${failing}" errors="0">\n${cases}\n  </testsuite>`;
  });
  const failures = results.filter((r) => r.violations.some((v) => v.severity !== 'suggestion')).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="replylint" tests="${results.length}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>\n`;
}
