import { testKind } from './rule-tester.js';

testKind(
  'template-case',
  `kind: template-case
level: suggestion
languages: [cs]
description: A first-name placeholder in a Czech greeting is filled in the nominative.
messages:
  nominative: '"{match}" will be filled in the nominative.'
`,
  {
    valid: [
      { text: 'Dobrý den,\n\nbalík dnes odešel.', language: 'cs', context: { template: true } },
      { text: 'Dobrý den, {{customer.vocative}},\n\nbalík dnes odešel.', language: 'cs', context: { template: true } },
    ],
    invalid: [
      {
        text: 'Dobrý den, {{first_name}},\n\nbalík dnes odešel.',
        language: 'cs',
        context: { template: true },
        errors: [{ message: 'nominative', marks: '{{first_name}}' }],
      },
    ],
  },
);
