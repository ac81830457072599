import { testKind } from './rule-tester.js';

const RULE = `kind: address
level: warning
description: Address the customer by name, in the right case.
messages:
  missing: Use the customer's name.
  wrong-name: 'The greeting addresses "{found}", but the customer is {customer}.'
  wrong-case: 'Write "{expected}", not "{found}".'
`;

testKind('address', RULE, {
  valid: [
    { text: 'Hi Anna,\n\nit left today.', context: { customerName: 'Anna Smith' } },
    { text: 'Dobrý den, pane Nováku,\n\nbalík dnes odešel.', language: 'cs', context: { customerName: 'Petr Novák' } },
    { text: 'Dobrý den, paní Nováková,\n\nbalík dnes odešel.', language: 'cs', context: { customerName: 'Jana Nováková' } },
  ],
  invalid: [
    { text: 'Hello,\n\nit left today.', context: { customerName: 'Anna Smith' }, errors: [{ message: 'missing' }] },
    { text: 'Hi Maria,\n\nit left today.', context: { customerName: 'Anna Smith' }, errors: [{ message: 'wrong-name', marks: 'Maria' }] },
    {
      text: 'Dobrý den, pane Novák,\n\nbalík dnes odešel.',
      language: 'cs',
      context: { customerName: 'Petr Novák' },
      errors: [{ message: 'wrong-case', marks: 'Novák' }],
      output: 'Dobrý den, pane Nováku,\n\nbalík dnes odešel.',
    },
  ],
});
