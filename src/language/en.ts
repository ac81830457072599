import type { LanguageHelper } from './types.js';

export const english: LanguageHelper = {
  code: 'en',
  valedictions: [
    '[kind|best|warm|warmest|many] regards',
    'best [wishes]',
    'all the best',
    '[many] thanks [again]',
    'thank you',
    'cheers',
    'yours (sincerely|faithfully|truly)',
    'sincerely',
    'take care',
    'speak soon',
    'have a (good|great|nice|lovely) (day|week|weekend)',
    'with thanks',
    'kind wishes',
  ],
  salutationWords: ['hi', 'hello', 'hey', 'dear', 'good', 'morning', 'afternoon', 'evening', 'greetings', 'hiya', 'howdy'],
  titles: ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'madam', 'prof'],
  addressForms: (name) => [name],
  usesVocative: false,
};
