// --redact: e-mail addresses, phone numbers, card and birth numbers masked in every
// report of an audit: the privacy rule's detectors and checks, on every channel.
import { DETECTORS, masked } from '../engine/kinds/privacy.js';
import type { Notice } from '../input/notice.js';

// E-mail first: its digits are not a phone number's.
const REDACTED = ['email', 'card', 'birth', 'phone'].map((kind) => DETECTORS.find((d) => d.kind === kind)!);

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
