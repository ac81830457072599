import { loadVocative, type VocativeFn } from './czech-vocative.js';
import type { LanguageHelper } from './types.js';

let vocativeFn: VocativeFn | undefined;
function vocative(name: string): string {
  vocativeFn ??= loadVocative();
  // Surnames in -ová and adjectival ones (Černý, Nová) keep their form; the library
  // garbles some of them when told it has a surname, so it is not told.
  if (/(ová|ý|á|í)$/u.test(name)) return name;
  return vocativeFn(name);
}

export const czech: LanguageHelper = {
  code: 'cs',
  valedictions: [
    's pozdravem',
    's (přátelským|pratelskym) pozdravem',
    's úctou',
    '[hezký|pěkný|krásný] den [přeji|přejeme]',
    'děkuj*',
    'díky',
    'měj* se [hezky|krásně]',
    'zdraví*',
    's přáním (hezkého|pěkného|krásného) dne',
  ],
  salutationWords: [
    'dobry',
    'dobre',
    'den',
    'rano',
    'vecer',
    'odpoledne',
    'vazeny',
    'vazena',
    'vazeni',
    'mily',
    'mila',
    'mili',
    'ahoj',
    'ahojte',
    'zdravim',
    'cau',
  ],
  titles: ['pane', 'pani', 'slecno', 'pan', 'slecna', 'doktore', 'inzenyre'],
  addressForms: (name) => [vocative(name)],
  usesVocative: true,
};
