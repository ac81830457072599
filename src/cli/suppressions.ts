// A baseline of known violations for canned-response repositories (plain-text drafts
// carry no inline directives): --suppress-all records how many of each rule every
// reply has, later runs report only what goes beyond that, and --prune-suppressions
// drops the counts of violations since fixed. The same idea as ESLint's bulk suppressions.
// Counts are kept in Maps: reply keys are file names, which may be "__proto__".
import { relative } from 'node:path';
import type { Notice } from '../input/notice.js';
import { readRegularFile } from '../files/regular-file.js';
import type { LintResult } from '../types.js';
import { writeReport } from '../run/safe-write.js';

export const SUPPRESSIONS_FILE = 'replylint-suppressions.json';
/** Larger than any baseline of replies a team keeps in its repository. */
const MAX_SUPPRESSIONS_BYTES = 64 * 1024 * 1024;

/** reply key -> rule -> how many violations are known. */
export type Suppressions = Map<string, Map<string, number>>;

export function replyKey(r: LintResult, cwd: string): string {
  const source = relative(cwd, r.source) || r.source;
  return r.conversationId !== undefined ? `${source}#${r.conversationId}#${r.messageIndex}` : source;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : `a ${typeof v}`);

/** The baseline in a parsed file, or why it is not one. */
function suppressionsIn(value: unknown): Suppressions | string {
  if (!isObject(value)) return `it holds ${describe(value)}, not a mapping of replies to rules`;
  const out: Suppressions = new Map();
  for (const [key, rules] of Object.entries(value)) {
    if (!isObject(rules)) return `"${key}" holds ${describe(rules)}, not a mapping of rules to counts`;
    const counts = new Map<string, number>();
    for (const [rule, entry] of Object.entries(rules)) {
      const count = isObject(entry) ? entry.count : undefined;
      if (!Number.isInteger(count) || (count as number) < 0) return `"${key}" → "${rule}" has no whole "count"`;
      counts.set(rule, count as number);
    }
    out.set(key, counts);
  }
  return out;
}

/** The baseline on file: absent (undefined), read, or a notice saying why it is left out. */
export function readSuppressions(file: string): { suppressions?: Suppressions; notice?: Notice } {
  const read = readRegularFile(file, MAX_SUPPRESSIONS_BYTES, 'a suppressions file');
  if ('problem' in read) return read.problem.startsWith('no such file') ? {} : { notice: leftOut(file, `it ${read.problem}`) };
  let parsed: Suppressions | string;
  try {
    parsed = suppressionsIn(JSON.parse(read.bytes.toString('utf8')));
  } catch (err) {
    parsed = `it is not JSON (${(err as Error).message})`;
  }
  return typeof parsed === 'string' ? { notice: leftOut(file, parsed) } : { suppressions: parsed };
}

const leftOut = (file: string, why: string): Notice => ({
  source: file,
  message: `is not a suppressions baseline: ${why}; it is left out (every violation is reported) and left as it is; fix it, or delete it and run with --suppress-all`,
});

/** Add a result's violations to `counts`. */
export function countViolations(counts: Suppressions, r: LintResult, cwd: string): void {
  if (!r.violations.length) return;
  const key = replyKey(r, cwd);
  let rules = counts.get(key);
  if (!rules) counts.set(key, (rules = new Map()));
  for (const v of r.violations) rules.set(v.rule, (rules.get(v.rule) ?? 0) + 1);
}

/** The result without the violations the baseline knows of (the first `count` of each rule). */
export function applySuppressions(r: LintResult, suppressions: Suppressions, cwd: string): LintResult {
  const known = suppressions.get(replyKey(r, cwd));
  if (!known) return r;
  const used = new Map<string, number>();
  const violations = r.violations.filter((v) => {
    const n = (used.get(v.rule) ?? 0) + 1;
    used.set(v.rule, n);
    return n > (known.get(v.rule) ?? 0);
  });
  return violations.length === r.violations.length ? r : { ...r, violations };
}

/** The baseline with counts lowered to what remains (fixed violations pruned). */
export function pruneSuppressions(suppressions: Suppressions, current: Suppressions): Suppressions {
  const out: Suppressions = new Map();
  for (const [key, rules] of suppressions) {
    for (const [rule, count] of rules) {
      const now = Math.min(count, current.get(key)?.get(rule) ?? 0);
      if (now <= 0) continue;
      let kept = out.get(key);
      if (!kept) out.set(key, (kept = new Map()));
      kept.set(rule, now);
    }
  }
  return out;
}

/** The baseline as JSON, replies in sorted order: { "reply": { "rule": { "count": n } } }. */
export function writeSuppressions(file: string, suppressions: Suppressions): void {
  // Objects without a prototype: a key "__proto__" is then a key like any other.
  const json = Object.create(null) as Record<string, Record<string, { count: number }>>;
  for (const key of [...suppressions.keys()].sort()) {
    const rules = (json[key] = Object.create(null) as Record<string, { count: number }>);
    for (const [rule, count] of suppressions.get(key)!) rules[rule] = { count };
  }
  writeReport(file, JSON.stringify(json, null, 2) + '\n', 'the suppressions file');
}

export function total(suppressions: Suppressions): number {
  let n = 0;
  for (const rules of suppressions.values()) for (const count of rules.values()) n += count;
  return n;
}

/**
 * The baseline for one run, applied to results as they come: --suppress-all records each
 * result's violations (and so reports none), --prune-suppressions counts what is left, and
 * otherwise a baseline on file hides what it knows of.
 */
export class Baseline {
  private readonly counted: Suppressions = new Map();
  private readonly known?: Suppressions;
  /** Why the file on record was left out, if it was. */
  readonly notice?: Notice;

  constructor(
    private readonly options: { suppressAll?: boolean; pruneSuppressions?: boolean; suppressionsLocation?: string },
    private readonly cwd = process.cwd(),
  ) {
    if (options.suppressAll) return;
    const { suppressions, notice } = readSuppressions(this.file);
    this.known = suppressions;
    this.notice = notice;
  }

  get file(): string {
    return this.options.suppressionsLocation ?? SUPPRESSIONS_FILE;
  }

  apply(r: LintResult): LintResult {
    if (this.options.suppressAll || (this.known && this.options.pruneSuppressions)) countViolations(this.counted, r, this.cwd);
    if (this.options.suppressAll) return r.violations.length ? { ...r, violations: [] } : r;
    return this.known ? applySuppressions(r, this.known, this.cwd) : r;
  }

  /** Write the baseline where the run changes it; what to tell the user. */
  finish(): string | undefined {
    if (this.options.suppressAll) {
      writeSuppressions(this.file, this.counted);
      return `recorded ${total(this.counted)} violations in ${this.file}`;
    }
    if (this.known && this.options.pruneSuppressions) writeSuppressions(this.file, pruneSuppressions(this.known, this.counted));
    return undefined;
  }
}
