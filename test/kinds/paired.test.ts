import { testKind } from './rule-tester.js';

testKind(
  'forbid-paired',
  `kind: forbid-paired
level: warning
description: Do not send the customer elsewhere.
phrases:
  en: [that is not our responsibility]
first:
  en: ['(contact|call) (the|your)']
second:
  en: ['(carrier|bank|seller) [directly]']
within: 0
messages:
  found: Take it on instead of sending the customer elsewhere.
`,
  {
    valid: [{ text: 'Hi Anna, I have asked the carrier to redeliver.' }, { text: 'Hi Anna, contact the team here any time.' }],
    invalid: [
      { text: 'Hi Anna, please contact the carrier directly.', errors: [{ message: 'found' }] },
      { text: 'Hi Anna, that is not our responsibility.', errors: [{ message: 'found', marks: 'that is not our responsibility' }] },
    ],
  },
);
