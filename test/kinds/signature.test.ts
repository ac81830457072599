import { testKind } from './rule-tester.js';

testKind(
  'signature',
  `kind: signature
level: suggestion
description: Sign an e-mail as a person.
teamWords:
  en: [team, support, customer care]
closings:
  en: ['[kind] regards', best wishes]
messages:
  missing: The e-mail has no sign-off.
  team: Signed by a team only.
  unsigned: The closing has no name under it.
`,
  {
    valid: [{ text: 'Hi Anna,\n\nit left today.\n\nKind regards,\nMark Brown' }, { text: 'Hi Anna,\n\nit left today.\n\nBest wishes,\nMark\nCustomer Care' }],
    invalid: [
      { text: 'Hi Anna,\n\nit left today.', errors: [{ message: 'missing' }] },
      { text: 'Hi Anna,\n\nit left today.\n\nKind regards,\nThe Support Team', errors: [{ message: 'team' }] },
      { text: 'Hi Anna,\n\nit left today.\n\nKind regards,', errors: [{ message: 'unsigned' }] },
    ],
  },
);
