// Which pairs of adjacent characters a text holds, to rule a phrase out before any search:
// a literal with a pair the text lacks is not in it. A reply meets several hundred phrases
// of which a few dozen can match; one pass over the text and a table lookup per pair
// replace an indexOf per literal per phrase (and let a phrase list dozens of literals).

/**
 * A pair of characters as an index into the table: code units folded to 7 bits (folded
 * text is ASCII; a collision only lets a literal through), so that the table (16 KB)
 * stays in the processor's cache while a reply's few hundred pairs are written to it.
 */
const pairKey = (a: number, b: number) => ((a & 0x7f) << 7) | (b & 0x7f);
const PAIRS = 1 << 14;

export interface PairTable {
  text: string;
  /** seen[key] === stamp: the pair is in `text`. A new text takes a new stamp, not a cleared table. */
  seen: Uint8Array;
  stamp: number;
}

// The rules ask about a handful of texts per reply (folded, original, the customer's
// messages), in turn: a few tables, reused round-robin.
const TABLES = 4;
const tables: PairTable[] = [];
let oldest = 0;

/** The pair table of a text, built on first use. */
export function pairsIn(text: string): PairTable {
  for (const table of tables) if (table.text === text) return table;
  let table: PairTable;
  if (tables.length < TABLES) {
    table = { text, seen: new Uint8Array(PAIRS), stamp: 0 };
    tables.push(table);
  } else {
    table = tables[oldest];
    oldest = (oldest + 1) % TABLES;
  }
  table.text = text;
  // The stamp wraps after 255 texts; the table is then cleared once.
  if (table.stamp === 0xff) {
    table.seen.fill(0);
    table.stamp = 0;
  }
  const stamp = ++table.stamp;
  const { seen } = table;
  for (let i = 1; i < text.length; i++) seen[pairKey(text.charCodeAt(i - 1), text.charCodeAt(i))] = stamp;
  return table;
}

/** The pair keys of a literal (none for a single character: it is always searched). */
export function literalPairs(literal: string): Int32Array {
  // A pair that repeats is looked up twice: cheaper than a set for a few letters.
  const keys = new Int32Array(Math.max(0, literal.length - 1));
  for (let i = 1; i < literal.length; i++) keys[i - 1] = pairKey(literal.charCodeAt(i - 1), literal.charCodeAt(i));
  return keys;
}

/** Whether every pair of a literal is in the table's text (so the literal may be). */
export function hasPairs(table: PairTable, keys: Int32Array): boolean {
  const { seen, stamp } = table;
  for (let i = 0; i < keys.length; i++) if (seen[keys[i]] !== stamp) return false;
  return true;
}
