// --redact: e-mail addresses, phone numbers, card and birth numbers masked in every
// report of an audit (the same validity checks as the privacy rule, on every channel).
import { isBirthNumber, luhn, mask } from '../engine/kinds/privacy.js';

const PATTERNS: readonly [RegExp, (m: string) => string | undefined][] = [
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, (m) => m.replace(/^[^@]+/, (local) => `${local[0]}•••`)],
  [/(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g, (m) => (luhn(m.replace(/\D/g, '')) ? mask(m, 4) : undefined)],
  [/(?<![\d/])\d{6}\/?\d{3,4}(?![\d/])/g, (m) => (isBirthNumber(m) ? mask(m, 0) : undefined)],
  [/(?<![\w/])(?:\+\d{1,3}[ -]?)?(?:\(?\d{2,4}\)?[ -]?){2,4}\d{2,4}(?![\w/])/g, (m) => (m.replace(/\D/g, '').length >= 9 ? mask(m, 2) : undefined)],
];

export function redact(text: string): string {
  let out = text;
  for (const [pattern, replace] of PATTERNS) out = out.replace(pattern, (m) => replace(m) ?? m);
  return out;
}
