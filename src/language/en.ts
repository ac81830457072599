import { languageHelper } from './data.js';
import type { LanguageHelper } from './types.js';

export const english: LanguageHelper = languageHelper('en', {
  addressForms: (name) => [name],
  usesVocative: false,
});
