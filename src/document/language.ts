// Which of en/cs/sk a reply is written in. Short replies make statistical detectors
// unreliable (and the good ones cost a quarter second to load), so this scores letters
// that only Czech or only Slovak has and the frequent words that tell the three apart,
// on folded text, so replies typed without diacritics are read too.
import type { Language } from '../types.js';

const CS_LETTERS = /[ěřůĚŘŮ]/g;
const SK_LETTERS = /[äľĺŕôÄĽĹŔÔ]/g;

const WORDS: Record<Language, readonly string[]> = {
  en: ['the', 'and', 'you', 'your', 'we', 'is', 'to', 'for', 'of', 'it', 'i', 'thanks', 'thank', 'hi', 'hello', 'please', 'with', 'this', 'that', 'are', 'have', 'will', 'be', 'our', 'sorry', 'can', 'yes', 'no', 'in', 'on', 'my', 'me', 'dear', 'regards', 'best', 'what', 'how', 'an', 'a', 'just', 'there'],
  cs: ['jsme', 'jsem', 'jste', 'se', 'dekujeme', 'dekuji', 'pozdravem', 'neni', 'muzete', 'zitra', 'protoze', 'jeste', 'kdyz', 'bych', 'ktery', 'ktera', 'take', 'nebo', 'jak', 'vam', 'mate', 'budete', 'omlouvame', 'omlouvam', 'prosim', 'dnu', 'tydnu', 'pondeli', 'patek', 'objednavka', 'objednavku', 'zbozi', 'penize', 'jiz', 'mu', 'co', 'tady', 'taky', 'pro', 'vas', 'ji', 'dobry', 'den', 'zasilka', 'zasilku', 'mi', 'ano', 'stale', 'porad', 'nic', 'je', 'skladem', 'zdarma', 'jen'],
  sk: ['sme', 'som', 'ste', 'sa', 'dakujeme', 'dakujem', 'pozdravom', 'nie', 'mozete', 'zajtra', 'pretoze', 'este', 'ked', 'ktory', 'ktora', 'tiez', 'alebo', 'ako', 'aj', 'vo', 'ich', 'pre', 'ospravedlnujeme', 'ospravedlnujem', 'prosim', 'dni', 'tyzden', 'pondelok', 'piatok', 'objednavka', 'objednavku', 'tovar', 'peniaze', 'uz', 'vam', 'je', 'co', 'tu', 'nam', 'mi', 'dobry', 'den', 'zasielka', 'zasielku', 'ano', 'stale', 'nic', 'velmi', 'skladom', 'zadarmo', 'len', 'mame'],
};

const LOOKUP = new Map<string, Language[]>();
for (const [lang, words] of Object.entries(WORDS) as [Language, readonly string[]][]) {
  for (const w of words) LOOKUP.set(w, [...(LOOKUP.get(w) ?? []), lang]);
}

/** Detect the language of `text`; `folded` is its folded form (text/fold.ts). */
export function detectLanguage(text: string, folded: string): Language {
  const score: Record<Language, number> = { en: 0, cs: 0, sk: 0 };
  score.cs += 3 * (text.match(CS_LETTERS)?.length ?? 0);
  score.sk += 3 * (text.match(SK_LETTERS)?.length ?? 0);
  // Any Latin diacritic at all rules English out for practical purposes.
  if (/[áéíóúýčďňšťž]/i.test(text)) score.en -= 5;
  for (const word of folded.match(/[a-z]+/g) ?? []) {
    const langs = LOOKUP.get(word);
    if (!langs) continue;
    // A word shared by two languages counts half for each.
    for (const lang of langs) score[lang] += 1 / langs.length;
  }
  // Slovak endings that Czech lacks (-om instrumental, -ia) and Czech ones Slovak lacks.
  score.sk += 0.5 * (folded.match(/[a-z]{3,}(?:om|ia|ie)(?![a-z])/g)?.length ?? 0);
  score.cs += 0.5 * (folded.match(/[a-z]{3,}(?:ou|em)(?![a-z])/g)?.length ?? 0);
  let best: Language = 'en';
  for (const lang of ['cs', 'sk'] as const) if (score[lang] > score[best]) best = lang;
  return best;
}
