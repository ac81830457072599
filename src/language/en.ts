import { languageList } from './data.js';
import type { LanguageHelper } from './types.js';

export const english: LanguageHelper = {
  code: 'en',
  get valedictions() {
    return languageList('en', 'valedictions');
  },
  get salutationWords() {
    return languageList('en', 'salutationWords');
  },
  get titles() {
    return languageList('en', 'titles');
  },
  addressForms: (name) => [name],
  usesVocative: false,
};
