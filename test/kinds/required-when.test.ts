import { testKind } from './rule-tester.js';

testKind(
  'required-when',
  `kind: required-when
level: warning
description: Apologise when the customer reports a problem, and never with a hedge.
when:
  customer:
    en: [damaged, broken]
require:
  en: [sorry, apologi*]
forbid:
  en: [sorry for any inconvenience]
negation:
  en: [not, isn't]
messages:
  missing: Apologise.
  forbidden: Say sorry for what happened.
`,
  {
    valid: [
      { text: "I'm sorry the vase arrived broken; a new one leaves today.", context: { customerMessages: ['The vase is broken.'] } },
      { text: 'Thanks, glad it arrived.', context: { customerMessages: ['It arrived, the box is not damaged.'] } },
      { text: 'Thanks, glad it arrived.', context: { customerMessages: ['Thanks, all good!'] } },
    ],
    invalid: [
      { text: 'A new vase leaves today.', context: { customerMessages: ['The vase is broken.'] }, errors: [{ message: 'missing' }] },
      {
        text: 'Sorry for any inconvenience. A new vase leaves today.',
        context: { customerMessages: ['The vase is broken.'] },
        errors: [{ message: 'forbidden', marks: 'Sorry for any inconvenience' }],
      },
    ],
  },
);
