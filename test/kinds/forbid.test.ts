import { testKind } from './rule-tester.js';

testKind(
  'forbid',
  `kind: forbid
level: warning
description: No ticket numbers in the reply.
fix: replace
phrases:
  en:
    - { match: "ticket {num}", replace: "your request" }
    - as per
  cs: ["požadavek {num}"]
messages:
  found: '"{match}" is clutter.'
`,
  {
    valid: [{ text: 'Hi Anna, I have looked into your request.' }, { text: 'Dobrý den, váš požadavek jsme vyřídili.', language: 'cs' }],
    invalid: [
      { text: 'Hi Anna, ticket 48213 is solved.', errors: [{ message: 'found', marks: 'ticket 48213' }], output: 'Hi Anna, your request is solved.' },
      { text: 'As per our policy, the fee stays.', errors: [{ message: 'found', marks: 'As per' }] },
      { text: 'Dobrý den, pozadavek 48213 je vyřízen.', language: 'cs', errors: [{ message: 'found', marks: 'pozadavek 48213' }] },
    ],
  },
);
