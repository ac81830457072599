// privacy: personal data a reply should not carry. On any channel: payment-card numbers
// (only ones with a card's structure: an issuer's prefix and length, and the Luhn check;
// not a number labelled as a parcel, an account or an order) and Czech/Slovak birth numbers (only valid ones: a real date
// and the mod-11 check). On public channels (social): also e-mail addresses, phone
// numbers, order numbers and postcodes. Reported values are masked.
import type { Channel } from '../../types.js';
import type { Finding, RuleKind } from '../rule.js';
import { insideAny, overlapsAny } from '../../document/spans.js';

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Whether the digits have a payment card's structure: an issuer identification prefix
 * with that scheme's lengths (ISO/IEC 7812; no card starts with 0, 1, 7, 8 or 9), and
 * the Luhn check. A 14-digit parcel number that happens to pass Luhn is no card.
 */
export function isCardNumber(digits: string): boolean {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  let lengthOk: boolean;
  if (digits[0] === '4')
    lengthOk = n === 13 || n === 16 || n === 19; // Visa
  else if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720))
    lengthOk = n === 16; // Mastercard
  else if (p2 === 34 || p2 === 37)
    lengthOk = n === 15; // American Express
  else if (p4 >= 2200 && p4 <= 2204)
    lengthOk = n >= 16; // Mir
  else if (p2 === 36 || p2 === 38 || p2 === 39 || (p3 >= 300 && p3 <= 305))
    lengthOk = n >= 14; // Diners Club
  else if (p4 >= 3528 && p4 <= 3589)
    lengthOk = n >= 16; // JCB
  else if (digits[0] === '6' || p2 === 50 || (p2 >= 56 && p2 <= 58))
    lengthOk = n >= 12; // Discover, UnionPay, Maestro
  else lengthOk = false;
  return lengthOk && n <= 19 && luhn(digits);
}

/**
 * The label just before a number says what it is: "parcel number", "číslo zásilky",
 * "IBAN", "order" is not a card; a "card" label nearer the number wins. Word starts, on
 * folded text.
 */
const OTHER_NUMBER_LABEL =
  /^(?:parcel|package|tracking|shipment|consignment|waybill|delivery|zasilk|zasielk|balik|podaci|sledovac|iban|account|ucet|uctu|ucte|invoice|faktur|variabiln|symbol|order|objednav|ticket|pozadav|poziadav|reklamac|imei|serial|seriov|booking|rezervac|reservation|customer|zakaznick|smlouv|zmluv|contract|policy|pojistk|poistk)/;
const CARD_LABEL = /^(?:card|kart|platebni|platobn)/;

/** Whether the last few words before a number (folded) label it as something other than a card. */
export function labelledOtherThanCard(foldedBefore: string): boolean {
  const words = foldedBefore
    .split(/[^a-z]+/)
    .filter(Boolean)
    .slice(-5);
  for (let i = words.length - 1; i >= 0; i--) {
    if (CARD_LABEL.test(words[i])) return false;
    if (OTHER_NUMBER_LABEL.test(words[i])) return true;
  }
  return false;
}

/** Whether digits begin with a birth number's date: YYMMDD, women's months +50 (+20/+70 since 2004). */
export function birthDateAhead(digits: string): boolean {
  let mm = Number(digits.slice(2, 4));
  const dd = Number(digits.slice(4, 6));
  if (mm > 70) mm -= 70;
  else if (mm > 50) mm -= 50;
  else if (mm > 20) mm -= 20;
  return mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31;
}

/** A Czech/Slovak birth number (rodné číslo): YYMMDD/XXX(X), a real date, the mod-11 check. */
export function isBirthNumber(raw: string): boolean {
  const digits = raw.replace('/', '');
  if (!/^\d{9,10}$/.test(digits)) return false;
  const yy = Number(digits.slice(0, 2));
  if (!birthDateAhead(digits)) return false;
  // Nine digits (born before 1954, no check digit) only in the written form with a
  // slash: a bare nine-digit number is far more often a phone number.
  if (digits.length === 9) return yy < 54 && raw.includes('/');
  const mod = Number(digits.slice(0, 9)) % 11;
  return Number(digits[9]) === (mod === 10 ? 0 : mod);
}

/** Keep the last `keep` digits, mask the rest: "4539 •••• •••• 6467" style. */
export function mask(value: string, keep = 2): string {
  const total = value.replace(/\D/g, '').length;
  let seen = 0;
  return value.replace(/\d/g, (d) => (++seen > total - keep ? d : '•'));
}

export interface Detector {
  kind: string;
  pattern: RegExp;
  channels?: readonly Channel[];
  valid?: (match: string) => boolean;
  keep: number;
}

const PUBLIC: readonly Channel[] = ['social'];
const OWN_LINE = /(?<![a-z])(?:our|us|their|nase|nasi|nas|nasu|nasej|nasa|nasho|infolink[a-z]*|hotline|helpline|linka|linku)(?![a-z])/;

export const DETECTORS: readonly Detector[] = [
  { kind: 'card', pattern: /(?<![\d-])\d(?:[ -]?\d){11,18}(?![\d-])/g, valid: (m) => isCardNumber(m.replace(/\D/g, '')), keep: 4 },
  { kind: 'birth', pattern: /(?<![\d/])\d{6}\/?\d{3,4}(?![\d/])/g, valid: isBirthNumber, keep: 0 },
  { kind: 'email', pattern: /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, channels: PUBLIC, keep: 0 },
  {
    kind: 'phone',
    pattern: /(?<![\w/])(?:\+\d{1,3}[ -]?)?(?:\(?\d{2,4}\)?[ -]?){2,4}\d{2,4}(?![\w/])/g,
    channels: PUBLIC,
    valid: (m) => m.replace(/\D/g, '').length >= 9 && m.replace(/\D/g, '').length <= 13,
    keep: 2,
  },
  {
    kind: 'order',
    pattern:
      /(?:\b(?:order|objedn[aá]vk[auyi]|objedn[aá]vce|objednávku|objednávka|objednávky|objednávke)\s*(?:(?:č\.|c\.|#|no\.?|number|číslo|cislo)\s*)?)#?\d{4,}|#\d{4,}/giu,
    channels: PUBLIC,
    keep: 0,
  },
  { kind: 'postcode', pattern: /\b(?:[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|(?:PSČ|PSC)\s?\d{3}\s?\d{2}|\d{3} \d{2})\b/gu, channels: PUBLIC, keep: 0 },
];

/** A detected value as reports may show it. */
export function masked(detector: Detector, value: string): string {
  // As long as the value: a report's positions after it (the HTML audit's highlights) stay true.
  return detector.kind === 'email' ? value.replace(/^[^@]+/, (local) => local[0] + '•'.repeat(local.length - 1)) : mask(value, detector.keep);
}

export const privacy: RuleKind = {
  name: 'privacy',
  doc: "Personal data in a reply: card and Czech or Slovak birth numbers on any channel; e-mail addresses, phone numbers, order numbers and postcodes on social. The company's own phones and e-mail domains are exempt, and values are reported masked.",
  fields: {},
  messages: ['card', 'birth', 'email', 'phone', 'order', 'postcode'],
  fixable: () => false,
  compile({ brand }) {
    // The company's own hotlines and domains (config `brand`) are no personal data: phones
    // compared by their last nine digits (with or without the country code), e-mail
    // addresses by their domain or a subdomain of it.
    const ownPhones = new Set(brand.phones.map((p) => p.replace(/\D/g, '').slice(-9)).filter((d) => d.length >= 6));
    const ownDomains = brand.domains.map((d) => d.toLowerCase());
    const own = (kind: string, value: string): boolean => {
      if (kind === 'phone') return ownPhones.size > 0 && ownPhones.has(value.replace(/\D/g, '').slice(-9));
      if (kind === 'email' && ownDomains.length) {
        const domain = value.slice(value.lastIndexOf('@') + 1).toLowerCase();
        return ownDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
      }
      return false;
    };
    return ({ doc, reply }) => {
      const text = doc.text.slice(0, doc.end);
      // Kept in order: a detector's matches never overlap one another, and are checked
      // against the earlier detectors' by binary search (each against all was quadratic
      // in a reply of thousands of numbers).
      let findings: Finding[] = [];
      for (const detector of DETECTORS) {
        if (detector.channels && !detector.channels.includes(reply.context.channel)) continue;
        const added: Finding[] = [];
        detector.pattern.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = detector.pattern.exec(text)) !== null) {
          const start = m.index;
          const end = start + m[0].length;
          if (detector.valid && !detector.valid(m[0])) continue;
          if (insideAny(doc.literals, start, end)) continue; // digits in a link
          // The company's own line ("call our Aftersales team on 0344 …") is no personal data.
          if (detector.kind === 'phone' && OWN_LINE.test(doc.folded.slice(Math.max(0, start - 50), start))) continue;
          if (detector.kind === 'card' && labelledOtherThanCard(doc.folded.slice(Math.max(0, start - 40), start))) continue;
          if (own(detector.kind, m[0])) continue;
          if (overlapsAny(findings, start, end)) continue;
          added.push({ start, end, message: detector.kind, data: { match: masked(detector, m[0]) } });
        }
        if (added.length) findings = [...findings, ...added].sort((a, b) => a.start - b.start);
      }
      return findings;
    };
  },
};
