import type { Language } from '../types.js';
import { czech } from './cs.js';
import { english } from './en.js';
import { slovak } from './sk.js';
import type { LanguageHelper } from './types.js';

export type { LanguageHelper } from './types.js';

export const HELPERS: Record<Language, LanguageHelper> = { en: english, cs: czech, sk: slovak };

export function helperFor(language: Language): LanguageHelper {
  return HELPERS[language];
}
