import { testKind } from './rule-tester.js';

testKind(
  'placeholders',
  `kind: placeholders
level: error
description: No unfilled placeholders.
messages:
  unfilled: '"{match}" was never filled in.'
  malformed: '"{match}" is a broken placeholder.'
  gender: Pick one of "{match}".
`,
  {
    valid: [{ text: 'Hi Anna, it left today.' }, { text: 'Hi {{first_name}}, it left today.', context: { template: true } }],
    invalid: [
      { text: 'Hi [Customer Name], it left today.', errors: [{ message: 'unfilled', marks: '[Customer Name]' }] },
      { text: 'Hi {{first_name}, it left today.', context: { template: true }, errors: [{ message: 'malformed' }] },
      { text: 'Dobrý den, rád/a vám pomohu.', language: 'cs', errors: [{ message: 'gender', marks: 'rád/a' }] },
    ],
  },
);
