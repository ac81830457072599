// `replylint rules --test`: every rule's YAML examples run, built-in and team rules alike,
// as ESLint's RuleTester and Vale's style tests do. An example passes when its rule stays
// silent ("pass") or fires ("fail"), and, where it says so, with that message key, on
// that text, and with that fixed reply.
import { Linter } from '../engine/lint.js';
import { LineIndex } from '../text/lines.js';
import type { RuleExample } from '../engine/rule.js';
import { defaultContext, type ContextInput } from '../types.js';

export interface ExampleOutcome {
  rule: string;
  file: string;
  /** The example's place in its rule's list, from 1. */
  index: number;
  example: RuleExample;
  /** Why it failed; undefined when it passed. */
  problem?: string;
}

/**
 * Run the examples of the linter's rules (of `only`, when given), each rule on its own as
 * RuleTester runs one (another rule's fix would change the fixed reply); the outcomes in
 * rule order.
 */
export function runRuleExamples(all: Linter, only?: ReadonlySet<string>): ExampleOutcome[] {
  const outcomes: ExampleOutcome[] = [];
  for (const rule of all.rules) {
    if (only && !only.has(rule.id)) continue;
    const linter = new Linter([rule]);
    for (const [i, example] of rule.examples.entries()) {
      const context = defaultContext({ ...(example.context as ContextInput | undefined), language: example.lang });
      const reply = { text: example.text, source: rule.file, context };
      const result = linter.lint(reply);
      const fired = result.violations.filter((v) => v.rule === rule.id);
      let problem: string | undefined;
      if (example.expect === 'pass' && fired.length) problem = `expected no ${rule.id}, got: ${fired.map((v) => v.message).join(' | ')}`;
      else if (example.expect === 'fail' && !fired.length) problem = `expected ${rule.id} to fire; it stayed silent`;
      else if (example.message !== undefined && !fired.some((v) => v.messageId === example.message))
        problem = `expected the message "${example.message}", got ${fired.map((v) => `"${v.messageId}"`).join(', ')}`;
      else if (example.match !== undefined && !fired.some((v) => matched(example.text, v) === example.match))
        problem = `expected a match on ${JSON.stringify(example.match)}, got ${fired.map((v) => JSON.stringify(matched(example.text, v))).join(', ')}`;
      else if (example.output !== undefined) {
        // Fixed, the reply no longer shows what was fixed: the fix is a second run's.
        const fixed = linter.lint(reply, { fix: true }).output ?? example.text;
        if (fixed !== example.output) problem = `expected the fixed reply ${JSON.stringify(example.output)}, got ${JSON.stringify(fixed)}`;
      }
      outcomes.push({ rule: rule.id, file: rule.file, index: i + 1, example, problem });
    }
  }
  return outcomes;
}

/** The text a violation spans, by its lines and columns (1-based, end exclusive). */
function matched(text: string, v: { line: number; column: number; endLine: number; endColumn: number }): string {
  const lines = new LineIndex(text);
  return text.slice(lines.line(v.line).start + v.column - 1, lines.line(v.endLine).start + v.endColumn - 1);
}
