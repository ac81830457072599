// The jargon lexicon: data in rules/lexicons/, compiled at build (scripts/build-lexicon.mjs),
// matched by tokens (match.ts). See README "The jargon lexicon".
export { findJargon, tokenize, type JargonMatch, type JargonOptions } from './match.js';
export { Exemptions, normalizeTerm, usedByCustomer } from './exempt.js';
export { lexiconData } from './load.js';
