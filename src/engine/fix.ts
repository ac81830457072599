// Applying fixes: non-overlapping ones in one pass, later passes for the rest (as ESLint).
import type { Fix } from '../types.js';

export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let cursor = 0;
  let applied = 0;
  for (const fix of sorted) {
    if (fix.range[0] < cursor) continue; // overlaps the previous fix: next pass
    out += text.slice(cursor, fix.range[0]) + fix.text;
    cursor = fix.range[1];
    applied++;
  }
  return { text: out + text.slice(cursor), applied };
}
