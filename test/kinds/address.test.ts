import { testKind } from './rule-tester.js';

const RULE = `kind: address
level: warning
description: Address the customer by name, in the right case.
messages:
  missing: Use the customer's name.
  wrong-name: 'The greeting addresses "{found}", but the customer is {customer}.'
  wrong-case: 'Write "{expected}", not "{found}".'
  slovak-address: '"{found}" is Slovak: "{expected}".'
  czech-vocative: '"{found}" is Czech: "{expected}".'
`;

testKind('address', RULE, {
  valid: [
    { text: 'Hi Anna,\n\nit left today.', context: { customerName: 'Anna Smith' } },
    { text: 'Dobrý den, pane Nováku,\n\nbalík dnes odešel.', language: 'cs', context: { customerName: 'Petr Novák' } },
    { text: 'Dobrý den, paní Nováková,\n\nbalík dnes odešel.', language: 'cs', context: { customerName: 'Jana Nováková' } },
    // Nicknames and diminutives (rules/names/nicknames.yaml), both ways and in the Czech vocative.
    { text: 'Hi Bill,\n\nit left today.', context: { customerName: 'William Brown' } },
    { text: 'Hi William,\n\nit left today.', context: { customerName: 'Bill Brown' } },
    { text: 'Ahoj Honzo,\n\nbalík dnes odešel.', language: 'cs', context: { customerName: 'Jan Novák' } },
    { text: 'Ahoj Zuzka,\n\nbalík dnes odišiel.', language: 'sk', context: { customerName: 'Zuzana Kováčová' } },
    // A team's own (config vocabulary.nicknames).
    { text: 'Hi Woody,\n\nit left today.', context: { customerName: 'Woodrow Wilson' }, vocabulary: { nicknames: { Woodrow: ['Woody'] } } },
    // The customer's title by degree, in the reply's language and case.
    { text: 'Dobrý den, pane inženýre,\n\nbalík dnes odešel.', language: 'cs', context: { customerName: 'Ing. Petr Novák' } },
    { text: 'Dobrý deň, pán inžinier,\n\nbalík dnes odišiel.', language: 'sk', context: { customerName: 'Ing. Peter Novák' } },
    { text: 'Dear Doctor,\n\nit left today.', context: { customerName: 'Jana Malá, Ph.D.' } },
    // A woman's surname keeps its form after her title, typed without diacritics too.
    { text: 'Dobry den, pani Cerna,\n\nbalik dnes odesel.', language: 'cs', context: { customerName: 'Katerina Cerna' } },
    { text: 'Dobry den, pani Maresova,\n\nbalik dnes odesel.', language: 'cs', context: { customerName: 'Maresova Jitka' } },
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
    // A nickname of someone else is a wrong name; a team's nickname counts only where the team has it.
    { text: 'Hi Bill,\n\nit left today.', context: { customerName: 'Robert Brown' }, errors: [{ message: 'wrong-name', marks: 'Bill' }] },
    { text: 'Hi Woody,\n\nit left today.', context: { customerName: 'Woodrow Wilson' }, errors: [{ message: 'wrong-name', marks: 'Woody' }] },
    {
      text: 'Ahoj Honza,\n\nbalík dnes odešel.',
      language: 'cs',
      context: { customerName: 'Jan Novák' },
      errors: [{ message: 'wrong-case', marks: 'Honza' }],
      output: 'Ahoj Honzo,\n\nbalík dnes odešel.',
    },
    {
      text: 'Dobrý den, pane inženýr,\n\nbalík dnes odešel.',
      language: 'cs',
      context: { customerName: 'Ing. Petr Novák' },
      errors: [{ message: 'wrong-case', marks: 'inženýr' }],
      output: 'Dobrý den, pane inženýre,\n\nbalík dnes odešel.',
    },
    // Title and name in the wrong case are one finding, fixed together.
    {
      text: 'Dobry den, pan Novak,\n\nbalik dnes odesel.',
      language: 'cs',
      context: { customerName: 'Petr Novák' },
      errors: [{ message: 'wrong-case', marks: 'pan Novak' }],
      output: 'Dobry den, pane Novaku,\n\nbalik dnes odesel.',
    },
    {
      text: 'Dobrý den, pán Novák,\n\nbalík dnes odešel.',
      language: 'cs',
      context: { customerName: 'Petr Novák' },
      errors: [{ message: 'slovak-address', marks: 'pán Novák' }],
      output: 'Dobrý den, pane Nováku,\n\nbalík dnes odešel.',
    },
    {
      text: 'Dobrý deň, pane Nováku,\n\nbalík dnes odišiel.',
      language: 'sk',
      context: { customerName: 'Peter Novák' },
      errors: [{ message: 'czech-vocative', marks: 'pane Nováku' }],
      output: 'Dobrý deň, pán Novák,\n\nbalík dnes odišiel.',
    },
    {
      text: 'Dobrý deň, pane inženýre,\n\nbalík dnes odišiel.',
      language: 'sk',
      context: { customerName: 'Ing. Peter Novák' },
      errors: [{ message: 'czech-vocative', marks: 'pane inženýre' }],
      output: 'Dobrý deň, pán inžinier,\n\nbalík dnes odišiel.',
    },
    // A man's surname in -a still takes the vocative, typed without diacritics or with.
    {
      text: 'Dobry den, pane Svoboda,\n\nbalik dnes odesel.',
      language: 'cs',
      context: { customerName: 'Tomas Svoboda' },
      errors: [{ message: 'wrong-case', marks: 'Svoboda' }],
      output: 'Dobry den, pane Svobodo,\n\nbalik dnes odesel.',
    },
    // A title the customer does not hold addresses nobody.
    { text: 'Dobrý den, pane doktore,\n\nbalík dnes odešel.', language: 'cs', context: { customerName: 'Petr Novák' }, errors: [{ message: 'missing' }] },
  ],
});
