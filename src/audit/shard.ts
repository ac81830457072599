// `audit --shard i/n` (issue 16): the i-th of n shards of the input, so that n processes,
// on one machine or many, together audit every conversation exactly once, and decide it
// while streaming, without a pass over the whole input first.
//
// The rule, to be reproducible anywhere (docs/audit-at-scale.md gives a shell check):
//   key   = the conversation's id as reports show it (a string, or a number as
//           JavaScript writes it), else "<file name>:<line>/<index>": the input's base
//           name ("<stdin>" for standard input), the JSONL line or JSON array element
//           (0 for a file that is one value), and the conversation's place among those
//           that line or value holds, from 0
//   h     = the first 4 bytes of SHA-256(key as UTF-8), as a big-endian unsigned number
//   shard = floor(h × n / 2^32) + 1
// Shards count from 1. A conversation's messages travel together, as one key. What a
// reader says about a place in the input (a broken line, a file that holds replies, not
// conversations) belongs to the shard of that place's key with index 0, so it is said
// and counted once.
import { createRequire } from 'node:module';
import { basename } from 'node:path';

export interface Shard {
  /** From 1 to `count`. */
  index: number;
  count: number;
}

/** More shards than this could not be computed exactly in a double; no fleet comes near. */
export const MAX_SHARDS = 1_000_000;

// node:crypto costs over a millisecond to load: only a sharded audit pays it.
type Crypto = typeof import('node:crypto');
let crypto: Crypto | undefined;
const load = (): Crypto => (crypto ??= createRequire(import.meta.url)('node:crypto') as Crypto);

/** The first 4 bytes of the key's SHA-256, as a number below 2^32. */
export function keyHash(key: string): number {
  const c = load();
  // crypto.hash (Node 20.12+) is one call; older Node 20 builds an object per key.
  const hex = typeof c.hash === 'function' ? c.hash('sha256', key, 'hex') : c.createHash('sha256').update(key).digest('hex');
  return Number.parseInt(hex.slice(0, 8), 16);
}

/** The shard (from 1) a key falls in: the hash's range cut into n equal parts, so any n spreads evenly. */
export function shardOfKey(key: string, count: number): number {
  return Math.floor((keyHash(key) * count) / 2 ** 32) + 1;
}

/** A conversation's key: its id, else its place in the input. */
export function conversationKey(id: string | undefined, source: string, line: number | undefined, index: number): string {
  return id ?? placeKey(source, line, index);
}

/** A place in the input, for conversations without an id and for what readers say about a line. */
export const placeKey = (source: string, line: number | undefined, index = 0): string => `${basename(source)}:${line ?? 0}/${index}`;

/** Whether this process audits what has this key. */
export const ownsKey = (shard: Shard, key: string): boolean => shard.count === 1 || shardOfKey(key, shard.count) === shard.index;

/**
 * `--shard i/n` read, or the problem in words: "1/4" to "4/4". Kubernetes numbers its
 * indexed Jobs' pods from 0 (JOB_COMPLETION_INDEX): a 0 says how to count from 1.
 */
export function parseShard(value: string): Shard | { problem: string } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const expected = `i/n, the i-th of n shards with 1 ≤ i ≤ n (as --shard 2/4)`;
  if (!m) return { problem: `--shard takes ${expected}, not "${value}".` };
  const [index, count] = [Number(m[1]), Number(m[2])];
  if (count < 1 || count > MAX_SHARDS) return { problem: `--shard ${value}: n is the number of shards, from 1 to ${MAX_SHARDS}, not ${count}.` };
  if (index === 0)
    return {
      problem: `--shard ${value}: shards count from 1 (1/${count} to ${count}/${count}); for a 0-based index such as Kubernetes' JOB_COMPLETION_INDEX, pass --shard $((JOB_COMPLETION_INDEX + 1))/${count}.`,
    };
  if (index > count) return { problem: `--shard ${value}: there is no shard ${index} of ${count}; i runs from 1 to ${count}.` };
  return { index, count };
}
