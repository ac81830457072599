// `replylint rules`: every rule with its level, kind, languages and description.
import type { Rule } from '../engine/rule.js';

export function formatRules(rules: readonly Rule[], asJson: boolean): string {
  if (asJson) {
    return JSON.stringify(rules.map((r) => ({ id: r.id, level: r.level, kind: r.kind, languages: r.languages, description: r.description, fixable: r.kind === 'forbid' || r.kind === 'address' })), null, 2) + '\n';
  }
  const width = Math.max(...rules.map((r) => r.id.length));
  return rules.map((r) => `${r.id.padEnd(width)}  ${r.level.padEnd(10)}  ${r.languages.join(',').padEnd(8)}  ${r.description}`).join('\n') + '\n';
}
