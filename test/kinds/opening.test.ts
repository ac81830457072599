import { testKind } from './rule-tester.js';

testKind(
  'opening',
  `kind: opening
level: warning
description: Greet the customer.
phrases:
  en: [hi, hello]
  cs: [dobrý den]
messages:
  missing: Start with a greeting.
`,
  {
    valid: [
      { text: 'Hi Anna,\n\nyour parcel left today.' },
      { text: '@anna Hello, it left today.' },
      // A greeting in any of the languages counts, whatever the reply is detected as.
      { text: 'Dobrý den,\n\nbalík dnes odešel.', language: 'cs' },
      { text: 'Dobry den, balik dnes odesel.', language: 'cs' },
    ],
    invalid: [
      { text: 'Your parcel left today.', errors: [{ message: 'missing', marks: 'Your parcel left today.' }] },
      { text: 'Well, hi there.', errors: [{ message: 'missing' }] },
    ],
  },
);
