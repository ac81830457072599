import { testKind } from './rule-tester.js';

testKind(
  'length',
  `kind: length
level: suggestion
description: Be brief.
maxWords: { email: 12, chat: 6 }
maxCharacters: { social: 40 }
maxSentenceWords: 8
messages:
  words: Over {limit} words.
  characters: Over {limit} characters.
  sentence: A sentence of over {limit} words.
`,
  {
    valid: [{ text: 'Hi Anna, it left today. It arrives tomorrow.' }, { text: 'Hi Anna, it left today.', context: { channel: 'chat' } }],
    invalid: [
      { text: 'Hi Anna, it left today and it arrives tomorrow by noon, as promised.', errors: [{ message: 'words' }, { message: 'sentence' }] },
      { text: 'Hi Anna, it left today, arriving soon.', context: { channel: 'chat' }, errors: [{ message: 'words' }] },
      { text: 'Hi Anna, your parcel left our warehouse today!', context: { channel: 'social' }, errors: [{ message: 'characters' }] },
    ],
  },
);
