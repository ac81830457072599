import { testKind } from './rule-tester.js';

testKind(
  'privacy',
  `kind: privacy
level: error
description: No personal data where it does not belong.
messages:
  card: A card number.
  birth: A birth number.
  email: An e-mail address in public.
  phone: A phone number in public.
  order: An order number in public.
  postcode: A postcode in public.
`,
  {
    valid: [
      { text: 'Hi Anna, please send it to support@example.com.' },
      // Not a card number: it fails the Luhn check.
      { text: 'Hi Anna, your reference is 4539 1488 0343 6468.' },
    ],
    invalid: [
      { text: 'Hi Anna, your card 4539 1488 0343 6467 was charged.', errors: [{ message: 'card', marks: '4539 1488 0343 6467' }] },
      { text: 'Dobrý den, rodné číslo 880930/6627 jsme ověřili.', language: 'cs', errors: [{ message: 'birth', marks: '880930/6627' }] },
      { text: 'Hi Anna, write to anna.smith@gmail.com.', context: { channel: 'social' }, errors: [{ message: 'email', marks: 'anna.smith@gmail.com' }] },
    ],
  },
);
