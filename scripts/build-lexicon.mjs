#!/usr/bin/env node
// Build step: the jargon lexicon (rules/lexicons/) compiled into dist/lexicon/ for the
// no-jargon rule (src/engine/lexicon/): the compiled terms (lexicon.json, read only for
// a reply that has a candidate token), the key table every reply's tokens are probed in
// (keys.bin), and what the lexicon was made from (manifest.json).
//
// Some lists come from registry packages (devDependencies), read here and kept in
// derived.json:
// - common English words, most frequent first: @zxcvbn-ts/language-en (MIT; the list is
//   derived from OpenSubtitles via OPUS, ODC-BY): a common word in capitals is shouting,
//   not an acronym; a common word does not key a multi-word term alone.
// - common Czech words: @zxcvbn-ts/language-cs (MIT): the same for Czech, and the Czech
//   words an inflected English stem must not reach ("case+" would read "časem").
// - Slovak words: @cspell/dict-sk-sk (MPL-2.0; hunspell-sk's words, every inflected
//   form), read with cspell-trie-lib (MIT). A spelling list, not a frequency list: only
//   its words of 3 to 5 letters are kept, written in lower case in the dictionary, so that
//   a Slovak word in capitals ("ŽIAĽ", "NIE") is shouting, not an acronym.
// - currency codes (currency-codes, MIT) and company names in capitals
//   (@cspell/dict-companies, MIT): acronyms customers know.
// Without them (an install without devDependencies) the lexicon is built from its YAML
// alone, with a warning.
//
//   node scripts/build-lexicon.mjs [--list-dropped]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const { compileLexiconFolder, LEXICON_DIST } = await import(join(root, 'dist/engine/lexicon/load.js'));
const { KeyTable } = await import(join(root, 'dist/engine/lexicon/hash.js'));
const { fold } = await import(join(root, 'dist/text/fold.js'));

/** Words of letters only (folded), most frequent first, each once. */
const words = (list, limit) => [...new Set(list.map((w) => fold(w)).filter((w) => /^[a-z]+$/.test(w)))].slice(0, limit);

const derived = {};
const missing = [];
try {
  const { dictionary } = await import(require.resolve('@zxcvbn-ts/language-en'));
  derived.englishWords = words(dictionary['commonWords-en'], 25000);
} catch {
  missing.push('@zxcvbn-ts/language-en');
}
try {
  const { dictionary } = require('@zxcvbn-ts/language-cs');
  // Subtitles (spoken Czech) first, then Wikipedia's words not among them.
  derived.czechWords = words([...dictionary.commonWords.slice(0, 25000), ...dictionary.wikipedia.slice(0, 25000)], 40000);
} catch {
  missing.push('@zxcvbn-ts/language-cs');
}
try {
  const { importTrie, iteratorTrieWords } = await import('cspell-trie-lib');
  const { gunzipSync } = await import('node:zlib');
  const file = join(dirname(require.resolve('@cspell/dict-sk-sk/cspell-ext.json')), 'Slovak.trie.gz');
  const trie = importTrie(gunzipSync(readFileSync(file)).toString('utf8').split('\n'));
  const short = [];
  for (const w of iteratorTrieWords(trie)) if (w.length >= 3 && w.length <= 5 && w === w.toLowerCase()) short.push(w);
  derived.slovakWords = words(short).sort();
} catch {
  missing.push('@cspell/dict-sk-sk and cspell-trie-lib');
}
derived.knownAcronyms = [];
try {
  derived.knownAcronyms.push(...require('currency-codes').codes());
} catch {
  missing.push('currency-codes');
}
try {
  // The package exports only its cspell config; the word list sits beside it.
  const companies = readFileSync(join(dirname(require.resolve('@cspell/dict-companies/cspell-ext.json')), 'dict', 'companies.txt'), 'utf8');
  derived.knownAcronyms.push(
    ...companies
      .split('\n')
      .map((l) => l.trim())
      .filter((c) => /^[A-Z]{3,5}$/.test(c)),
  );
} catch {
  missing.push('@cspell/dict-companies');
}
if (missing.length) console.warn(`build-lexicon: ${missing.join(', ')} not installed (devDependencies): the lexicon is built without the lists they give`);

let result;
try {
  result = compileLexiconFolder(undefined, derived);
} catch (err) {
  console.error(`build-lexicon: ${err.format ? err.format() : err.stack}`);
  process.exit(1);
}
const { lexicon, keys, dropped, sources } = result;
mkdirSync(LEXICON_DIST, { recursive: true });
writeFileSync(join(LEXICON_DIST, 'lexicon.json'), JSON.stringify(lexicon));
writeFileSync(join(LEXICON_DIST, 'keys.bin'), KeyTable.build(keys).toBytes());
writeFileSync(join(LEXICON_DIST, 'derived.json'), JSON.stringify(derived));
writeFileSync(join(LEXICON_DIST, 'manifest.json'), JSON.stringify({ sources, prefixes: lexicon.prefixes, acronymHint: lexicon.acronymHint }));

// Concepts per domain and language: a concept counts for a language when it has a form there.
const counts = {};
for (const form of lexicon.forms) {
  const domain = lexicon.domains[lexicon.concepts[form.c].d];
  counts[domain] ??= { en: new Set(), cs: new Set(), sk: new Set() };
  for (const [lang, bit] of [
    ['en', 1],
    ['cs', 2],
    ['sk', 4],
  ])
    if (form.l & bit) counts[domain][lang].add(form.c);
}
const summary = Object.entries(counts)
  .map(([d, c]) => `${d} ${c.en.size}/${c.cs.size}/${c.sk.size}`)
  .join(', ');
console.log(
  `build-lexicon: ${lexicon.concepts.length} terms, ${lexicon.forms.length} forms (en/cs/sk per domain: ${summary}); ${lexicon.knownAcronyms.length} known acronyms; ${dropped.length} inflected forms dropped as Czech words`,
);
if (process.argv.includes('--list-dropped')) console.log(dropped.join(' '));
