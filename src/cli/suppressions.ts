// A baseline of known violations for canned-response repositories (plain-text drafts
// carry no inline directives): --suppress-all records how many of each rule every
// reply has, later runs report only what goes beyond that, and --prune-suppressions
// drops the counts of violations since fixed. The same idea as ESLint's bulk suppressions.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ConfigError } from '../config/errors.js';
import type { LintResult } from '../types.js';

export const SUPPRESSIONS_FILE = 'replylint-suppressions.json';

/** reply key -> rule -> how many violations are known. */
export type Suppressions = Record<string, Record<string, { count: number }>>;

export function replyKey(r: LintResult, cwd: string): string {
  const source = relative(cwd, r.source) || r.source;
  return r.conversationId !== undefined ? `${source}#${r.conversationId}#${r.messageIndex}` : source;
}

export function readSuppressions(file: string): Suppressions {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Suppressions;
  } catch (err) {
    throw new ConfigError(`cannot read the suppressions file: ${(err as Error).message}`, { file }, `fix it, or delete it and run with --suppress-all again`);
  }
}

export function countViolations(results: readonly LintResult[], cwd: string): Suppressions {
  const out: Suppressions = {};
  for (const r of results) {
    for (const v of r.violations) {
      const entry = (out[replyKey(r, cwd)] ??= {});
      entry[v.rule] = { count: (entry[v.rule]?.count ?? 0) + 1 };
    }
  }
  return out;
}

/** The results without the violations the baseline knows of (the first `count` of each rule). */
export function applySuppressions(results: LintResult[], suppressions: Suppressions, cwd: string): LintResult[] {
  return results.map((r) => {
    const known = suppressions[replyKey(r, cwd)];
    if (!known) return r;
    const used: Record<string, number> = {};
    const violations = r.violations.filter((v) => {
      used[v.rule] = (used[v.rule] ?? 0) + 1;
      return used[v.rule] > (known[v.rule]?.count ?? 0);
    });
    return violations.length === r.violations.length ? r : { ...r, violations };
  });
}

/** The baseline with counts lowered to what remains (fixed violations pruned). */
export function pruneSuppressions(suppressions: Suppressions, current: Suppressions): Suppressions {
  const out: Suppressions = {};
  for (const [key, rules] of Object.entries(suppressions)) {
    for (const [rule, { count }] of Object.entries(rules)) {
      const now = Math.min(count, current[key]?.[rule]?.count ?? 0);
      if (now > 0) (out[key] ??= {})[rule] = { count: now };
    }
  }
  return out;
}

export function writeSuppressions(file: string, suppressions: Suppressions): void {
  const sorted = Object.fromEntries(Object.keys(suppressions).sort().map((k) => [k, suppressions[k]]));
  writeFileSync(file, JSON.stringify(sorted, null, 2) + '\n');
}
