// --redact: e-mail addresses, phone numbers, card and birth numbers masked in every
// report of an audit: the privacy rule's detectors, on every channel, with looser checks
// (a report that shows a secret is worse than one that masks a number too many). Every
// mask is as long as what it hides, so positions in the reports stay true.
import { birthDateAhead, DETECTORS, luhn, masked, type Detector } from '../engine/kinds/privacy.js';
import type { Notice } from '../input/notice.js';

/** A birth number's shape, whatever its check digit: YYMMDD/XXX(X) with the slash, or ten digits with a date in front. */
function birthShaped(raw: string): boolean {
  if (raw.includes('/')) return true;
  const digits = raw.replace(/\D/g, '');
  return digits.length === 10 && birthDateAhead(digits);
}

const LOOSER: Record<string, Detector['valid']> = {
  card: (m) => {
    const digits = m.replace(/\D/g, '');
    return digits.length >= 13 && luhn(digits); // any Luhn-valid run of a card's length, whatever its issuer
  },
  birth: birthShaped,
};

// E-mail first: its digits are not a phone number's.
const REDACTED = ['email', 'card', 'birth', 'phone'].map((kind) => {
  const detector = DETECTORS.find((d) => d.kind === kind)!;
  return kind in LOOSER ? { ...detector, valid: LOOSER[kind] } : detector;
});

export function redact(text: string): string {
  let out = text;
  for (const detector of REDACTED) {
    out = out.replace(detector.pattern, (m) => (!detector.valid || detector.valid(m) ? masked(detector, m) : m));
  }
  return out;
}

/** A notice as every report shows it: its message may quote a conversation id or a line of the export. */
export function redactNotice(notice: Notice): Notice {
  return { ...notice, message: redact(notice.message) };
}
