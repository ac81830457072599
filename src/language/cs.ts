import { loadVocative, type VocativeFn } from './czech-vocative.js';
import { languageHelper } from './data.js';
import type { LanguageHelper } from './types.js';

let vocativeFn: VocativeFn | undefined;
function vocative(name: string): string {
  vocativeFn ??= loadVocative();
  // Surnames in -ová and adjectival ones (Černý, Nová) keep their form; the library
  // garbles some of them when told it has a surname, so it is not told.
  if (/(ová|ý|á|í)$/u.test(name)) return name;
  return vocativeFn(name);
}

export const czech: LanguageHelper = languageHelper('cs', {
  addressForms: (name) => [vocative(name)],
  usesVocative: true,
});
