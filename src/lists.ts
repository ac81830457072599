// Lists appended to and measured without spreading them into a call's arguments: the
// arguments go on the stack, and push(...list) or Math.max(...list) of some 120,000
// items (160,000 files named, a config list of 1.5 million words, a reply with that many
// findings) overflows it.

/** Append every item of `items` to `target`. */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}

/** The largest of `values`, or `floor` when none is larger. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}

/**
 * The index of the first item of the sorted `list` whose key is not below `value`
 * (list.length when every key is): a binary search, for lookups among places in order.
 */
export function firstAtLeast<T>(list: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whole numbers in ascending order as runs: 1, 2, 3, 7 as "1-3, 7" (a hundred missing shards make one short line). */
export function numberRuns(numbers: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    runs.push(j > i + 1 ? `${numbers[i]}-${numbers[j]}` : j === i + 1 ? `${numbers[i]}, ${numbers[j]}` : `${numbers[i]}`);
    i = j;
  }
  return runs.join(', ');
}
