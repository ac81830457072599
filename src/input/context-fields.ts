// Reading context values from front matter and conversations, with the aliases users write.
import { CHANNELS, LANGUAGES, type Channel, type Language } from '../types.js';

export function asLanguage(value: unknown): Language | undefined {
  const v = typeof value === 'string' ? value.toLowerCase().slice(0, 2) : undefined;
  return LANGUAGES.includes(v as Language) ? (v as Language) : undefined;
}

export function asChannel(value: unknown): Channel | undefined {
  const v = typeof value === 'string' ? value.toLowerCase() : undefined;
  return CHANNELS.includes(v as Channel) ? (v as Channel) : undefined;
}

/** A name given as "Jana Nováková" or as { name: "Jana Nováková" }. */
export function asName(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') return asName((value as { name: string }).name);
  return undefined;
}
