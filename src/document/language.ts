// Which of en/cs/sk a reply is written in. Short replies make statistical detectors
// unreliable (and the good ones cost a quarter second to load), so this scores letters
// that only Czech or only Slovak has and the frequent words that tell the three apart,
// on folded text, so replies typed without diacritics are read too.
import type { Language } from '../types.js';

const CS_LETTERS = /[ěřůĚŘŮ]/g;
const SK_LETTERS = /[äľĺŕôÄĽĹŔÔ]/g;

const WORDS: Record<Language, readonly string[]> = {
  en: ['the', 'and', 'you', 'your', 'we', 'is', 'for', 'of', 'it', 'i', 'thanks', 'thank', 'hi', 'hello', 'please', 'with', 'this', 'that', 'are', 'have', 'will', 'be', 'our', 'sorry', 'can', 'yes', 'in', 'on', 'my', 'me', 'dear', 'regards', 'best', 'what', 'how', 'an', 'just', 'there', 'order', 'would', 'could', 'been', 'not', 'get', 'if', 'as', 'at', 'by', 'from', 'all', 'was', 'do', 'so'],
  cs: ['jsme', 'jsem', 'jste', 'se', 'dekujeme', 'dekuji', 'pozdravem', 'neni', 'muzete', 'muzu', 'zitra', 'protoze', 'jeste', 'kdyz', 'bych', 'ktery', 'ktera', 'ktere', 'take', 'taky', 'nebo', 'jak', 'vam', 'budete', 'omlouvame', 'omlouvam', 'prosim', 'dnu', 'tydnu', 'tydny', 'tyden', 'pondeli', 'patek', 'objednavka', 'objednavku', 'zbozi', 'penize', 'jiz', 'co', 'tady', 'pro', 'vas', 'ji', 'dobry', 'den', 'zasilka', 'zasilku', 'mi', 'ano', 'stale', 'porad', 'nic', 'je', 'skladem', 'zdarma', 'jen', 'jenom', 'chci', 'jde', 'dlouho', 'jina', 'jiny', 'nejaka', 'nejaky', 'neco', 'mesic', 'ze', 'nam', 'uz', 'ale', 'prijde', 'prisla', 'prisel', 'dorazila', 'nikdo', 'kde', 'cekam'],
  sk: ['sme', 'som', 'ste', 'sa', 'dakujeme', 'dakujem', 'pozdravom', 'nie', 'mozete', 'zajtra', 'pretoze', 'este', 'ked', 'ktory', 'ktora', 'ktore', 'tiez', 'alebo', 'ako', 'aj', 'vo', 'ich', 'pre', 'ospravedlnujeme', 'ospravedlnujem', 'prosim', 'dni', 'tyzden', 'tyzdne', 'pondelok', 'piatok', 'objednavka', 'objednavku', 'tovar', 'peniaze', 'uz', 'vam', 'je', 'co', 'tu', 'nam', 'mi', 'dobry', 'den', 'zasielka', 'zasielku', 'ano', 'stale', 'nic', 'velmi', 'skladom', 'zadarmo', 'len', 'mame', 'chcem', 'viem', 'mam', 'nieco', 'preco', 'mesiac', 'cez', 'pocas', 'vsak', 'lebo', 'ze', 'ale', 'prisla', 'prisiel', 'dorazila', 'nikto', 'kde', 'cakam', 'neviem', 'mozem'],
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
  // Spellings only Slovak has: "deň", infinitives in -ť ("prísť", "kúpiť").
  // (Latin letters spelt out: a \p{L} class costs ~0.7 ms to compile at every start.)
  // (Each looked for only where its letter is: most replies then never compile it.)
  if (/[ňŇ]/.test(text)) score.sk += 2 * (text.match(/(?<![A-Za-z\u00C0-\u017F])deň(?![A-Za-z\u00C0-\u017F])/gi)?.length ?? 0);
  if (text.includes('ť')) score.sk += text.match(/(?<![A-Za-z\u00C0-\u017F])[A-Za-z\u00C0-\u017F]{2,}ť(?![A-Za-z\u00C0-\u017F])/g)?.filter((w) => !/^(?:chuť|zeť|síť)$/i.test(w)).length ?? 0;
  // Slovak endings that Czech lacks (-om instrumental, -ia/-ie). Words are read from their
  // start only: from every letter, a long word was read quadratically.
  score.sk += 0.5 * (folded.match(/(?<![a-z])[a-z]{3,}(?:om|ia|ie)(?![a-z])/g)?.length ?? 0);
  let best: Language = 'en';
  for (const lang of ['cs', 'sk'] as const) if (score[lang] > score[best]) best = lang;
  return best;
}
