// The lexicon's key table: 32-bit FNV-1a hashes of folded keys in an open-addressing
// table, built at build time (scripts/build-lexicon.mjs) and read as two typed arrays.
// It answers "might this token start a lexicon term, is it a known acronym, is it a
// common word" for every token of every reply without loading the lexicon itself,
// which is loaded only when a token may be one of its keys.

export const FNV_OFFSET = 0x811c9dc5;

/** One step of FNV-1a over a UTF-16 unit. */
export function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193) >>> 0;
}

export function fnv(text: string, hash = FNV_OFFSET): number {
  for (let i = 0; i < text.length; i++) hash = fnvStep(hash, text.charCodeAt(i));
  return hash;
}

/** What a key is (bits of a slot's flags). */
export const KEY = {
  /** A lexicon index key: a whole word, a stem ("stem*") or a pair of words ("a b"). */
  lexicon: 1,
  /** An acronym customers know (folded): never reported as an unknown one. */
  knownAcronym: 2,
  /** A common English word (folded): in capitals it is emphasis, not an acronym. */
  englishWord: 4,
  /** A common Czech or Slovak word (folded). */
  czechWord: 8,
  /** A lexicon key of an English, Czech or Slovak form: a reply probes its own language's bit only. */
  lexiconEn: 16,
  lexiconCs: 32,
  lexiconSk: 64,
  /** A Slovak word (folded), from a spelling dictionary: in capitals it is emphasis in a Slovak reply. */
  slovakWord: 128,
} as const;

/** The hash of a stem key: the stem, then "*". */
export const STEM_MARK = 42; // '*'
/** Between the words of a pair key. */
export const PAIR_MARK = 32; // ' '

/** Bits of the filter of lexicon keys (64 KB: it stays in the processor's cache). */
const FILTER_BITS = 1 << 19;
const LEXICON_KEY = KEY.lexicon | KEY.lexiconEn | KEY.lexiconCs | KEY.lexiconSk;

export class KeyTable {
  private readonly mask: number;
  /**
   * One bit per lexicon key's hash: every token of every reply is probed for its word and
   * each of its stems, and almost none is a key. The table, with the common words it
   * holds for telling acronyms from shouting, is far larger than a cache; the filter
   * answers most probes without touching it.
   */
  private readonly filter: Uint32Array;

  /** `filter`: as toBytes() wrote it; made from the table when not given. */
  constructor(
    private readonly hashes: Uint32Array,
    private readonly flags: Uint8Array,
    filter?: Uint32Array,
  ) {
    this.mask = hashes.length - 1;
    this.filter = filter ?? new Uint32Array(FILTER_BITS / 32);
    if (filter) return;
    for (let i = 0; i < hashes.length; i++) {
      if (flags[i] & LEXICON_KEY) {
        const bit = (hashes[i] >>> 7) & (FILTER_BITS - 1);
        this.filter[bit >>> 5] |= 1 << (bit & 31);
      }
    }
  }

  /** The flags of a hash when it may be a lexicon key (0 for most hashes, from the filter alone). */
  lexicon(hash: number): number {
    const bit = ((hash || 1) >>> 7) & (FILTER_BITS - 1);
    return this.filter[bit >>> 5] & (1 << (bit & 31)) ? this.get(hash) : 0;
  }

  /** The flags of a hash (0: not a key). A hash of 0 is stored as 1: 0 marks an empty slot. */
  get(hash: number): number {
    const h = hash || 1;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const stored = this.hashes[i];
      if (stored === h) return this.flags[i];
      if (stored === 0) return 0;
    }
  }

  /** A table of keys with their flags (a key added twice keeps both flags). */
  static build(keys: Iterable<[string, number]>): KeyTable {
    const merged = new Map<number, number>();
    for (const [key, flag] of keys) {
      const h = fnv(key) || 1;
      merged.set(h, (merged.get(h) ?? 0) | flag);
    }
    let size = 16;
    // At most half full. A miss walks the run of filled slots, which grows fast past that;
    // but the filter answers most probes (a token's stems) before the table, and every
    // reply on stdin reads the table whole: a quarter full, it took a millisecond to read.
    while (size < merged.size * 2) size *= 2;
    const hashes = new Uint32Array(size);
    const flags = new Uint8Array(size);
    for (const [h, f] of merged) {
      let i = h & (size - 1);
      while (hashes[i] !== 0) i = (i + 1) & (size - 1);
      hashes[i] = h;
      flags[i] = f;
    }
    return new KeyTable(hashes, flags);
  }

  /** As bytes: the filter, the hashes (little-endian, as every machine Node runs on), then the flags. */
  toBytes(): Uint8Array {
    const out = new Uint8Array(FILTER_BITS / 8 + this.hashes.length * 5);
    out.set(new Uint8Array(this.filter.buffer, this.filter.byteOffset, FILTER_BITS / 8));
    out.set(new Uint8Array(this.hashes.buffer, this.hashes.byteOffset, this.hashes.length * 4), FILTER_BITS / 8);
    out.set(this.flags, FILTER_BITS / 8 + this.hashes.length * 4);
    return out;
  }

  /** The table toBytes() wrote, read in place: loaded for every reply, so no copy and no pass over it. */
  static fromBytes(bytes: Uint8Array): KeyTable {
    const filterBytes = FILTER_BITS / 8;
    const size = (bytes.length - filterBytes) / 5;
    // Views need 4-byte alignment; a file read whole is its own buffer, else copied once.
    const own = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
    const filter = new Uint32Array(own.buffer, own.byteOffset, filterBytes / 4);
    const hashes = new Uint32Array(own.buffer, own.byteOffset + filterBytes, size);
    return new KeyTable(hashes, own.subarray(filterBytes + size * 4), filter);
  }
}
