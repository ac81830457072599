// Inline directives in Markdown and HTML canned responses (never in plain-text drafts,
// which go to customers as they are):
//   <!-- replylint-disable no-jargon, sign-off -->   off from here (all rules when none named)
//   <!-- replylint-enable no-jargon -->              on again (all when none named)
//   <!-- replylint-disable-next-line greeting -->    off for the next line only
import { firstAtLeast } from '../lists.js';
import type { Violation } from '../types.js';

interface Range {
  rules: Set<string> | 'all';
  from: number;
  to: number;
  /** The line of the directive that opened it (1-based). */
  line: number;
}

// The rule list is read at most 1,000 characters on: an unclosed directive repeated
// read to the end of the text from each one.
const DIRECTIVE = /<!--\s*replylint-(disable-next-line|disable|enable)\b([^>]{0,1000}?)-->/g;

interface Directive {
  kind: 'disable-next-line' | 'disable' | 'enable';
  /** The rules it names (none: all). */
  names: string[];
  /** Its line, 1-based. */
  line: number;
}

/** The directives of a text, in order, each with its line. */
function* directivesIn(text: string): Generator<Directive> {
  // Lines are counted on from the last directive, not from the start for each one (a
  // file of directives was quadratic: 2 MB took 19 s).
  let line = 1;
  let counted = 0;
  for (const m of text.matchAll(DIRECTIVE)) {
    for (let i = text.indexOf('\n', counted); i >= 0 && i < m.index!; i = text.indexOf('\n', i + 1)) line++;
    counted = m.index!;
    yield { kind: m[1] as Directive['kind'], names: m[2].split(/[\s,]+/).filter(Boolean), line };
  }
}

export function parseDirectives(text: string): Range[] {
  const ranges: Range[] = [];
  const open = new Map<string, number>(); // rule (or *) -> line it was disabled on
  for (const { kind, names, line } of directivesIn(text)) {
    if (kind === 'disable-next-line') {
      ranges.push({ rules: names.length ? new Set(names) : 'all', from: line + 1, to: line + 1, line });
    } else if (kind === 'disable') {
      for (const name of names.length ? names : ['*']) open.set(name, line);
    } else {
      for (const name of names.length ? names : [...open.keys()]) {
        const from = open.get(name);
        if (from === undefined) continue;
        ranges.push({ rules: name === '*' ? 'all' : new Set([name]), from, to: line, line: from });
        open.delete(name);
      }
    }
  }
  for (const [name, from] of open) ranges.push({ rules: name === '*' ? 'all' : new Set([name]), from, to: Infinity, line: from });
  return ranges;
}

/** The rules directives name, each with its directive's line (1-based), in order. */
export function directiveRuleNames(text: string): { name: string; line: number }[] {
  return [...directivesIn(text)].flatMap(({ names, line }) => names.map((name) => ({ name, line })));
}

/** Each rule's (and "*" for all rules') lines turned off, as sorted disjoint spans. */
function spansByRule(ranges: readonly Range[]): Map<string, [number, number][]> {
  const spans = new Map<string, [number, number][]>();
  for (const r of ranges) {
    for (const key of r.rules === 'all' ? ['*'] : r.rules) {
      let list = spans.get(key);
      if (!list) spans.set(key, (list = []));
      list.push([r.from, r.to]);
    }
  }
  for (const [key, list] of spans) {
    list.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const span of list) {
      const last = merged[merged.length - 1];
      if (last && span[0] <= last[1] + 1) last[1] = Math.max(last[1], span[1]);
      else merged.push([...span]);
    }
    spans.set(key, merged);
  }
  return spans;
}

/** Whether `line` lies in one of the sorted disjoint spans: a binary search. */
function covered(spans: readonly [number, number][] | undefined, line: number): boolean {
  if (!spans) return false;
  const i = firstAtLeast(spans, line, (span) => span[1]);
  return i < spans.length && spans[i][0] <= line;
}

/** The violations no directive turns off (each looked up, not tried against every directive). */
export function applyDirectives(violations: Violation[], ranges: readonly Range[]): Violation[] {
  if (!ranges.length) return violations;
  const spans = spansByRule(ranges);
  return violations.filter((v) => !covered(spans.get('*'), v.line) && !covered(spans.get(v.rule), v.line));
}

/** A directive that turned off nothing: its line, and the rule it named (none: all rules). */
export interface UnusedDirective {
  line: number;
  rule?: string;
}

/**
 * The directives under which no violation was found, as ESLint's
 * --report-unused-disable-directives: `violations` are all that were found, before the
 * directives took any out. A directive naming several rules is unused for each of them
 * that found nothing; one naming a rule that does not exist is left out (it is said
 * already). Each range is looked up among its rule's lines: no quadratic walk.
 */
export function unusedDirectives(violations: readonly Violation[], ranges: readonly Range[], known: (rule: string) => boolean): UnusedDirective[] {
  const lines = new Map<string, number[]>([['*', []]]);
  for (const v of violations) {
    lines.get('*')!.push(v.line);
    let list = lines.get(v.rule);
    if (!list) lines.set(v.rule, (list = []));
    list.push(v.line);
  }
  for (const list of lines.values()) list.sort((a, b) => a - b);
  const found = (key: string, from: number, to: number) => {
    const list = lines.get(key);
    if (!list) return false;
    const i = firstAtLeast(list, from, (line) => line);
    return i < list.length && list[i] <= to;
  };
  const unused: UnusedDirective[] = [];
  for (const r of ranges) {
    if (r.rules === 'all') {
      if (!found('*', r.from, r.to)) unused.push({ line: r.line });
      continue;
    }
    for (const rule of r.rules) if (known(rule) && !found(rule, r.from, r.to)) unused.push({ line: r.line, rule });
  }
  return unused.sort((a, b) => a.line - b.line);
}
