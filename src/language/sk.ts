import type { LanguageHelper } from './types.js';

// Slovak addresses people in the nominative ("Dobrý deň, pán Novák"): never a case error.
export const slovak: LanguageHelper = {
  code: 'sk',
  valedictions: [
    's pozdravom',
    's (priatelskym|priateľským) pozdravom',
    's úctou',
    '[pekný|krásny] deň [prajem|prajeme]',
    'ďakujem*',
    'vďaka',
    'maj sa [pekne]',
    'majte sa [pekne]',
    'zdraví*',
  ],
  salutationWords: ['dobry', 'dobre', 'den', 'rano', 'vecer', 'vazeny', 'vazena', 'vazeni', 'mily', 'mila', 'mili', 'ahoj', 'ahojte', 'zdravim', 'cau'],
  titles: ['pan', 'pani', 'slecna', 'pane', 'ing', 'mgr', 'dr'],
  addressForms: (name) => [name],
  usesVocative: false,
};
