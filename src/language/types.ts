import type { Language } from '../types.js';

/** What the engine needs to know of a language beyond the rules' phrase lists (its lists from rules/language/<code>.yaml). */
export interface LanguageHelper {
  readonly code: Language;
  /** Closing lines ("Kind regards", "S pozdravem"): where the sign-off starts. */
  readonly valedictions: readonly string[];
  /** Folded words that open a salutation ("hi", "dobry", "den"): not names. */
  readonly salutationWords: readonly string[];
  /** Folded honorifics that stand before a name ("mr", "pane", "pani"). */
  readonly titles: readonly string[];
  /** The forms of a name acceptable when addressing its bearer (not folded). */
  addressForms(name: string): string[];
  /** Whether addressing needs a case other than the nominative (Czech: the vocative). */
  readonly usesVocative: boolean;
}
