import { testKind } from './rule-tester.js';

testKind(
  'shouting',
  `kind: shouting
level: warning
description: No shouting.
shortWords:
  en: [(now|free|not)]
minLength: 5
maxExclamations: 1
messages:
  capitals: '"{match}" in capitals reads as shouting.'
  exclamations: Too many exclamation marks.
  too-many-exclamations: Use one exclamation mark at most.
`,
  {
    valid: [{ text: 'Hi Anna, your SMS code and the PDF are attached.' }, { text: 'Hi Anna, it shipped today!' }],
    invalid: [
      { text: 'Hi Anna, PLEASE read the e-mail.', errors: [{ message: 'capitals', marks: 'PLEASE' }] },
      { text: 'Hi Anna, it is FREE.', errors: [{ message: 'capitals', marks: 'FREE' }] },
      { text: 'Hi Anna, it shipped!!', errors: [{ message: 'exclamations', marks: '!!' }] },
      { text: 'Hi Anna! It shipped! Enjoy!', errors: [{ message: 'too-many-exclamations' }] },
    ],
  },
);
