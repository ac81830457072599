import { testKind } from './rule-tester.js';

testKind(
  'unless-nearby',
  `kind: unless-nearby
level: warning
description: A refusal gives a reason or an alternative.
phrases:
  en: ["(we|i) (can't|cannot) (refund|exchange)"]
unless:
  en: [because, instead, however]
unlessNext:
  en: [(instead|but) *]
messages:
  found: A bare refusal.
`,
  {
    valid: [
      { text: "Hi Anna, we can't refund it because it was used." },
      { text: "Hi Anna, we can't refund it. Instead, we can offer a voucher." },
      { text: 'Hi Anna, we can refund it today.' },
    ],
    // The whole sentence is marked: the reason or alternative belongs in it or the next.
    invalid: [{ text: "Hi Anna, we can't refund it.", errors: [{ message: 'found', marks: "Hi Anna, we can't refund it." }] }],
  },
);
