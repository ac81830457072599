// `replylint rules`: every rule with its level, kind, languages and description.
import { dirname, relative, resolve } from 'node:path';
import { ConfigError } from '../config/errors.js';
import { BUILTIN_RULES_DIR, type ResolvedConfig } from '../config/load-config.js';
import { Linter } from '../engine/lint.js';
import type { Rule } from '../engine/rule.js';
import { loadRuleSet } from '../engine/rule-set.js';
import { runRuleExamples } from '../run/rule-examples.js';
import { maxOf } from '../lists.js';
import { terminalText } from '../report/escape.js';
import { rulePage } from '../files/docs.js';

export function formatRules(rules: readonly Rule[], asJson: boolean): string {
  if (asJson) {
    return (
      JSON.stringify(
        rules.map((r) => {
          const docs = rulePage(r);
          return { id: r.id, level: r.level, kind: r.kind, languages: r.languages, description: r.description, fixable: r.fixable, ...(docs ? { docs } : {}) };
        }),
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

/** `replylint rules --test [FILES]`: each failing example said, then the count; exit 1 if any failed. */
export async function testRules(config: ResolvedConfig, ruleFiles: readonly string[], write: (text: string) => void): Promise<number> {
  // Team rule files named here are read from their folders, beside the config's.
  const files = ruleFiles.map((f) => resolve(f));
  for (const dir of new Set(files.map((f) => dirname(f))))
    if (dir !== resolve(BUILTIN_RULES_DIR) && !config.rulePaths.includes(dir)) config.rulePaths.push(dir);
  const all = loadRuleSet(config);
  const named = files.length ? all.filter((r) => files.includes(resolve(r.file))) : all;
  const unknown = files.filter((f) => !all.some((r) => resolve(r.file) === f));
  if (unknown.length)
    throw new ConfigError(`not a rule file replylint read: ${unknown.join(', ')}`, undefined, 'name YAML rule files (rules/*.yaml or a team folder)');
  // A rule that is off is tested only when named (spelling needs dictionaries a run may not have).
  const tested = named.filter((r) => r.level !== 'off' || files.length);
  const linter = new Linter(
    tested.map((r) => (r.level === 'off' ? { ...r, level: 'warning' as const } : r)),
    { locale: 'en' },
  );
  await linter.prepare();
  const outcomes = runRuleExamples(linter);
  const failed = outcomes.filter((o) => o.problem);
  for (const o of failed) {
    const e = o.example;
    write(
      `${terminalText(relative(process.cwd(), o.file))}: ${terminalText(o.rule)} example ${o.index} (${e.lang}, ${e.expect}): ${terminalText(o.problem!)}\n  ${terminalText(JSON.stringify(e.text))}\n`,
    );
  }
  const skipped = named.length - tested.length;
  write(
    `${failed.length ? '✖' : '✔'} ${outcomes.length - failed.length} of ${outcomes.length} examples of ${tested.length} rule${tested.length === 1 ? '' : 's'} pass${skipped ? ` (${skipped} off, not tested; name their files to test them)` : ''}\n`,
  );
  return failed.length ? 1 : 0;
}
