// required-when's negation signal (issue 11, item 5): a customer's problem word just
// after a negation or hypothesis, in one clause, is taken back; further off, or past a
// comma, it still counts. And forbid is read only beside a required phrase.
import { describe, expect, it } from 'vitest';
import { violationsOf } from './helpers.js';

const reply = { en: 'Hi Anna,\n\nThe store opens at 9.', cs: 'Dobrý den,\n\notevíráme v 9.', sk: 'Dobrý deň,\n\notvárame o 9.' };

describe('required-when: negation', () => {
  it.each([
    ['en', "The box wasn't damaged, thanks."],
    ['en', 'Nothing was missing from the parcel.'],
    ['en', "What if the shoes don't fit?"],
    ['cs', 'Obal není vůbec poškozený.'],
    ['cs', 'Co když zásilka nedorazí včas?'],
    ['sk', 'Obal nie je poškodený.'],
    ['sk', 'Čo ak balík nepríde?'],
  ])('takes back a problem word just after a negation or hypothesis (%s: %s)', (lang, customer) => {
    expect(violationsOf('apology', reply[lang as 'en'], { language: lang as 'en', customerMessages: [customer] })).toEqual([]);
  });

  it.each([
    ['en', "The box wasn't opened, but the vase inside is broken."],
    ['en', "I'm not sure why, but it arrived damaged."],
    ['cs', 'Krabice není otevřená, ale váza uvnitř je rozbitá.'],
    ['sk', 'Krabica nie je otvorená, ale váza vnútri je rozbitá.'],
  ])('keeps a problem word further off or past a comma (%s: %s)', (lang, customer) => {
    expect(violationsOf('apology', reply[lang as 'en'], { language: lang as 'en', customerMessages: [customer] })).toHaveLength(1);
  });
});

describe('required-when: forbid beside a required phrase', () => {
  it('reports a hedge that holds an apology, and says nothing of a reply without one', () => {
    expect(violationsOf('apology', 'Hi Anna,\n\nSorry for any inconvenience. The order ships today.')).toHaveLength(1);
    expect(violationsOf('apology', 'Hi Anna,\n\nThe order ships today.')).toEqual([]);
  });
});
