import { languageHelper } from './data.js';
import type { LanguageHelper } from './types.js';

// Slovak addresses people in the nominative ("Dobrý deň, pán Novák"): never a case error.
export const slovak: LanguageHelper = languageHelper('sk', {
  addressForms: (name) => [name],
  usesVocative: false,
});
