import { languageList } from './data.js';
import type { LanguageHelper } from './types.js';

// Slovak addresses people in the nominative ("Dobrý deň, pán Novák"): never a case error.
export const slovak: LanguageHelper = {
  code: 'sk',
  get valedictions() {
    return languageList('sk', 'valedictions');
  },
  get salutationWords() {
    return languageList('sk', 'salutationWords');
  },
  get titles() {
    return languageList('sk', 'titles');
  },
  addressForms: (name) => [name],
  usesVocative: false,
};
