// Which of en/cs/sk a reply is written in. Short replies make statistical detectors
// unreliable (and the good ones cost a quarter second to load), so this scores letters
// that only Czech or only Slovak has and the frequent words that tell the three apart,
// on folded text, so replies typed without diacritics are read too.
import { languageList, onLanguageFilesChanged } from '../language/data.js';
import type { Language } from '../types.js';

const CS_LETTERS = /[ěřůĚŘŮ]/g;
const SK_LETTERS = /[äľĺŕôÄĽĹŔÔ]/g;

// The frequent words that tell the languages apart (rules/language/*.yaml: detectionWords),
// each with the languages that list it; built on first use.
let lookup: Map<string, Language[]> | undefined;
onLanguageFilesChanged(() => {
  lookup = undefined;
});
function wordLanguages(): Map<string, Language[]> {
  if (lookup) return lookup;
  lookup = new Map();
  for (const lang of ['en', 'cs', 'sk'] as const) {
    for (const w of languageList(lang, 'detectionWords')) lookup.set(w, [...(lookup.get(w) ?? []), lang]);
  }
  return lookup;
}

/** Detect the language of `text`; `folded` is its folded form (text/fold.ts). */
export function detectLanguage(text: string, folded: string): Language {
  const score: Record<Language, number> = { en: 0, cs: 0, sk: 0 };
  score.cs += 3 * (text.match(CS_LETTERS)?.length ?? 0);
  score.sk += 3 * (text.match(SK_LETTERS)?.length ?? 0);
  // Any Latin diacritic at all rules English out for practical purposes.
  if (/[áéíóúýčďňšťž]/i.test(text)) score.en -= 5;
  const words = wordLanguages();
  for (const word of folded.match(/[a-z]+/g) ?? []) {
    const langs = words.get(word);
    if (!langs) continue;
    // A word shared by two languages counts half for each.
    for (const lang of langs) score[lang] += 1 / langs.length;
  }
  // Spellings only Slovak has: "deň", infinitives in -ť ("prísť", "kúpiť").
  // (Latin letters spelt out: a \p{L} class costs ~0.7 ms to compile at every start.)
  // (Each looked for only where its letter is: most replies then never compile it.)
  if (/[ňŇ]/.test(text)) score.sk += 2 * (text.match(/(?<![A-Za-z\u00C0-\u017F])deň(?![A-Za-z\u00C0-\u017F])/gi)?.length ?? 0);
  if (text.includes('ť'))
    score.sk +=
      text.match(/(?<![A-Za-z\u00C0-\u017F])[A-Za-z\u00C0-\u017F]{2,}ť(?![A-Za-z\u00C0-\u017F])/g)?.filter((w) => !/^(?:chuť|zeť|síť)$/i.test(w)).length ?? 0;
  // Slovak endings that Czech lacks (-om instrumental, -ia/-ie). Words are read from their
  // start only: from every letter, a long word was read quadratically.
  score.sk += 0.5 * (folded.match(/(?<![a-z])[a-z]{3,}(?:om|ia|ie)(?![a-z])/g)?.length ?? 0);
  let best: Language = 'en';
  for (const lang of ['cs', 'sk'] as const) if (score[lang] > score[best]) best = lang;
  return best;
}
