// Inline directives in Markdown and HTML canned responses (never in plain-text drafts,
// which go to customers as they are):
//   <!-- replylint-disable no-jargon, sign-off -->   off from here (all rules when none named)
//   <!-- replylint-enable no-jargon -->              on again (all when none named)
//   <!-- replylint-disable-next-line greeting -->    off for the next line only
import type { Violation } from '../types.js';

interface Range {
  rules: Set<string> | 'all';
  from: number;
  to: number;
}

// The rule list is read at most 1,000 characters on: an unclosed directive repeated
// read to the end of the text from each one.
const DIRECTIVE = /<!--\s*replylint-(disable-next-line|disable|enable)\b([^>]{0,1000}?)-->/g;

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function parseDirectives(text: string): Range[] {
  const ranges: Range[] = [];
  const open = new Map<string, number>(); // rule (or *) -> line it was disabled on
  for (const m of text.matchAll(DIRECTIVE)) {
    const line = lineOf(text, m.index!);
    const names = m[2].split(/[\s,]+/).filter(Boolean);
    if (m[1] === 'disable-next-line') {
      ranges.push({ rules: names.length ? new Set(names) : 'all', from: line + 1, to: line + 1 });
    } else if (m[1] === 'disable') {
      for (const name of names.length ? names : ['*']) open.set(name, line);
    } else {
      for (const name of names.length ? names : [...open.keys()]) {
        const from = open.get(name);
        if (from === undefined) continue;
        ranges.push({ rules: name === '*' ? 'all' : new Set([name]), from, to: line });
        open.delete(name);
      }
    }
  }
  for (const [name, from] of open) ranges.push({ rules: name === '*' ? 'all' : new Set([name]), from, to: Infinity });
  return ranges;
}

/** The violations no directive turns off. */
export function applyDirectives(violations: Violation[], ranges: readonly Range[]): Violation[] {
  if (!ranges.length) return violations;
  return violations.filter((v) => !ranges.some((r) => v.line >= r.from && v.line <= r.to && (r.rules === 'all' || r.rules.has(v.rule))));
}
