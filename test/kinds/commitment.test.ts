import { testKind } from './rule-tester.js';

testKind(
  'commitment',
  `kind: commitment
level: warning
description: Say what happens next.
grammar: false
instructions:
  en: ['please (reply|send)']
steps:
  en: ["(i'll|we'll) (send|email|call)"]
promises:
  en: ["(i'll|we'll) (look|check)"]
timing:
  en: ['(today|tomorrow|by {num})']
vague:
  en: ["(we'll|i'll) look into it"]
messages:
  missing: The reply does not say what happens next.
  vague: '"{sentence}" promises nothing a customer can hold you to.'
`,
  {
    valid: [
      { text: "Hi Anna, I'll send the label today." },
      { text: 'Hi Anna, please reply with your order number.' },
      { text: "Hi Anna, I'll check with the warehouse tomorrow." },
    ],
    invalid: [
      { text: 'Hi Anna, thanks for writing.', errors: [{ message: 'missing' }] },
      // Without a praise list the rule tells no small talk: an emoji in the customer's message excuses nothing.
      { text: 'Hi Anna, thanks for writing.', context: { customerMessages: ['Love my new mug ☕'] }, errors: [{ message: 'missing' }] },
      { text: "Hi Anna, we'll look into it.", errors: [{ message: 'vague', marks: "Hi Anna, we'll look into it." }] },
    ],
  },
);
