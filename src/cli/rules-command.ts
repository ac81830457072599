// `replylint rules`: every rule with its level, kind, languages and description.
import type { Rule } from '../engine/rule.js';
import { maxOf } from '../lists.js';
import { terminalText } from '../report/escape.js';

export function formatRules(rules: readonly Rule[], asJson: boolean): string {
  if (asJson) {
    return (
      JSON.stringify(
        rules.map((r) => ({ id: r.id, level: r.level, kind: r.kind, languages: r.languages, description: r.description, fixable: r.fixable })),
        null,
        2,
      ) + '\n'
    );
  }
  // Rules may come from a shared config package: ids and descriptions are printed inert.
  const width = maxOf(
    rules.map((r) => terminalText(r.id).length),
    0,
  );
  return (
    rules
      .map((r) => `${terminalText(r.id).padEnd(width)}  ${r.level.padEnd(10)}  ${r.languages.join(',').padEnd(8)}  ${terminalText(r.description)}`)
      .join('\n') + '\n'
  );
}
