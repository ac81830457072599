// Lookups in lists of spans that are in order and do not overlap (literals, placeholders,
// a syntax's matches): a binary search each, where trying every span made a long reply
// with thousands of them quadratic (issue 10).

import type { Span } from '../types.js';

/** The index of the first span that ends after `offset` (sorted.length if none). */
function firstEndingAfter(sorted: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether [start, end) overlaps one of the spans. */
export function overlapsAny(sorted: readonly Span[], start: number, end: number): boolean {
  const i = firstEndingAfter(sorted, start);
  return i < sorted.length && sorted[i].start < end;
}

/** Whether [start, end) lies wholly inside one of the spans. */
export function insideAny(sorted: readonly Span[], start: number, end: number): boolean {
  const i = firstEndingAfter(sorted, start);
  return i < sorted.length && sorted[i].start <= start && end <= sorted[i].end;
}
