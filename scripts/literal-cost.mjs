// Build helper: how often a phrase's literal occurs in replies, estimated from the word
// frequency lists the lexicon build derives (dist/lexicon/derived.json: English and Czech
// words, commonest first). The phrase compiler picks, of the sets of texts a match must
// hold, the one least often in a reply (src/phrases/phrase.ts, useLiteralCost): its
// regex then runs on the few replies that hold one. A literal is looked for anywhere in
// the text, so it counts every listed word that contains it; a literal of several words
// ("do not", "don't") is as rare as its rarest word. Each literal also costs a lookup.
const TOP = 8000;
const LOOKUP = 1e-4;

/** Zipf's law: the word of rank r (from 0) is 1/((r + 1) H) of the running words. */
function zipf(words) {
  const n = Math.min(words.length, TOP);
  let harmonic = 0;
  for (let r = 1; r <= n; r++) harmonic += 1 / r;
  return words.slice(0, n).map((w, r) => [w, 1 / ((r + 1) * harmonic)]);
}

/** The cost function, or undefined without frequency lists (the compiler's default applies). */
export function literalCostFrom(derived) {
  const lists = [derived.englishWords, derived.czechWords].filter((l) => Array.isArray(l) && l.length).map(zipf);
  if (!lists.length) return undefined;
  const cache = new Map();
  const share = (piece) => {
    let p = cache.get(piece);
    if (p === undefined) {
      // The share of running words holding the piece, in the language where it is commonest.
      p = Math.max(...lists.map((list) => list.reduce((sum, [w, f]) => (w.includes(piece) ? sum + f : sum), 0)));
      cache.set(piece, p);
    }
    return p;
  };
  return (literal) => {
    const pieces = literal.split(/[^a-z]+/).filter(Boolean);
    return LOOKUP + (pieces.length ? Math.min(...pieces.map(share)) : 0);
  };
}
