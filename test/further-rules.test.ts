// The catalog's further rules: hard negatives per language and the details a user sees.
import { describe, expect, it } from 'vitest';
import { isBirthNumber, mask } from '../src/engine/kinds/privacy.js';
import { violationsOf } from './helpers.js';
import { createLinter } from '../src/index.js';
import { defaultConfig } from '../src/config/load-config.js';
import { defaultContext } from '../src/types.js';

describe('no-shouting', () => {
  it.each([
    ['en', 'Hi Anna,\n\nDPD delivers on Monday; the VAT invoice is attached as a PDF and GDPR data by e-mail.'],
    ['cs', 'Dobrý den,\n\nbalík doveze PPL, fakturu s DIČ posíláme jako PDF.'],
    ['sk', 'Dobrý deň,\n\nbalík doručí SPS, veľkosť XXL je skladom.'],
  ])('an acronym is not shouting (%s)', (lang, text) => {
    expect(violationsOf('no-shouting', text, { language: lang as 'en' })).toEqual([]);
  });
  it('a brand is not shouting: a hashtag, a name before its product, one the customer names, one the team allows', () => {
    expect(violationsOf('no-shouting', 'Hi Anna, see #VTUPDATE and @TESCO: XFINITY Internet and XFINITY HD are back.')).toEqual([]);
    expect(violationsOf('no-shouting', 'Hi Anna, cancel XFINITY services in the app.', { customerMessages: ['My Xfinity box is dead'] })).toEqual([]);
    expect(violationsOf('no-shouting', 'Hi Anna, the store is CLOSED on Sunday.', { customerMessages: ['Is the store closed?'] })).toHaveLength(1);
    const config = defaultConfig();
    config.vocabulary.allow.push('XFINITY');
    const team = createLinter(config).lint({ text: 'Hi Anna, cancel XFINITY services in the app.', source: 'x', context: defaultContext({ language: 'en' }) });
    expect(team.violations.filter((v) => v.rule === 'no-shouting')).toEqual([]);
  });
  it('a short ordinary word in capitals is', () => {
    expect(violationsOf('no-shouting', 'Please do NOT send it back.')[0].message).toContain('"NOT"');
  });
});

describe('no-flat-refusal', () => {
  it.each([
    ['en', "We can't refund the postage because the item arrived as described, but we can send a free return label."],
    ['cs', 'Poštovné vám bohužel uhradit nemůžeme, protože zboží vracíte bez vady.'],
    ['sk', 'Zľavu dať nevieme, pretože ceny máme rovnaké pre všetkých.'],
    ['en', "We don't price match. However, we can add free delivery to your order."],
  ])('a refusal with a reason or an alternative passes (%s)', (lang, text) => {
    expect(violationsOf('no-flat-refusal', text, { language: lang as 'en' })).toEqual([]);
  });
});

describe('respect', () => {
  it.each([
    ['cs', 'Dobrý den,\n\nsamozřejmě, vázu nemusíte vracet.'],
    ['sk', 'Dobrý deň,\n\nsamozrejme, tovar vám vymeníme.'],
    ['en', 'Hi Anna,\n\nOf course - as promised, the refund went out today.'],
  ])('"of course" is not condescension (%s)', (lang, text) => {
    expect(violationsOf('respect', text, { language: lang as 'en' })).toEqual([]);
  });
});

describe('privacy', () => {
  it('a postcode in an e-mail is fine, on social it is not', () => {
    const text = 'Your parcel goes to 18 Elm Road, Bristol BS6 5AT on Monday.';
    expect(violationsOf('privacy', text, { channel: 'email' })).toEqual([]);
    expect(violationsOf('privacy', text, { channel: 'social' })).toHaveLength(1);
  });
  it('a card shown by its last four digits is fine; a full one is masked in the report', () => {
    expect(violationsOf('privacy', 'Refunded to the card ending 6467.')).toEqual([]);
    const [v] = violationsOf('privacy', 'Refunded to the card 4539 1488 0343 6467.');
    expect(v.message).toContain('•••• •••• •••• 6467');
    expect(v.message).not.toContain('4539');
  });
  it('a number that fails the Luhn check is no card', () => {
    expect(violationsOf('privacy', 'Your tracking number is 4539 1488 0343 6468.')).toEqual([]);
  });
  it('validates birth numbers by date and mod 11', () => {
    expect(isBirthNumber('880930/6627')).toBe(true);
    expect(isBirthNumber('885930/6627')).toBe(false); // month 59 - 50 = 9 is fine, but the check digit fails
    expect(isBirthNumber('881330/6627')).toBe(false); // month 13
    expect(isBirthNumber('265905548')).toBe(false); // nine bare digits: a phone number
    expect(mask('880930/6627', 0)).toBe('••••••/••••');
  });
  it("the company's own phone line on social is no personal data", () => {
    expect(violationsOf('privacy', '@anna Please call our Aftersales team on 0344 556 5650.', { channel: 'social' })).toEqual([]);
    expect(violationsOf('privacy', "@anna We'll call you on 07700 900123 tomorrow.", { channel: 'social' })).toHaveLength(1);
  });
});

describe('placeholders', () => {
  it('a placeholder alone never makes a draft a template', () => {
    expect(violationsOf('placeholders', 'Hi {{first_name}},\n\nDone.')[0].severity).toBe('error');
  });
  it('in a template only malformed ones are reported', () => {
    expect(violationsOf('placeholders', 'Hi {{first_name}}, order {{order.number}} shipped.', { template: true })).toEqual([]);
    expect(violationsOf('placeholders', 'Hi {{first_name}}, order {{order.number} shipped.', { template: true })).toHaveLength(1);
  });
  it('a gender alternative left in a draft is unfinished; in a template it is the generic form', () => {
    const draft = 'Vážený/á zákazníku,\n\nobdržel(a) jste od nás e-mail.';
    expect(violationsOf('placeholders', draft, { language: 'cs' }).map((v: { message: string }) => v.message)).toEqual([
      '„Vážený/á“ nabízí stále oba rody: koncept není dokončený.',
      '„obdržel(a)“ nabízí stále oba rody: koncept není dokončený.',
    ]);
    expect(violationsOf('placeholders', draft, { language: 'cs', template: true })).toEqual([]);
    expect(violationsOf('placeholders', 'Dobrý den, ano/ne? 50 km/h, 100 Kč/ks (a fotku).', { language: 'cs' })).toEqual([]);
    expect(violationsOf('placeholders', 'Dear Mr/Mrs Smith, done.', { language: 'en' })).toHaveLength(1);
    expect(violationsOf('placeholders', 'Dear Sir/Madam, done.', { language: 'en' })).toEqual([]);
  });
});

describe('sign-off', () => {
  it('applies to e-mail only', () => {
    expect(violationsOf('sign-off', 'Yes, it ships today.', { channel: 'chat' })).toEqual([]);
    expect(violationsOf('sign-off', 'Yes, it ships today.', { channel: 'email' })).toHaveLength(1);
  });
  it('tells a closing without a name, a team and nothing apart', () => {
    const messages = (text: string) => violationsOf('sign-off', text).map((v: { message: string }) => v.message);
    expect(messages('Hi Anna,\n\nDone.\n\nHave a nice day!')).toEqual(['The e-mail closes without a name: sign it.']);
    expect(messages('Hi Anna,\n\nDone.\n\nCheers,\nThe Acme Team')).toEqual(['The e-mail is signed by a team, not a person.']);
    expect(messages('Hi Anna,\n\nDone.')).toEqual(['The e-mail has no sign-off.']);
    expect(messages('Hi Anna,\n\nDone.\n\nCheers,\nMark')).toEqual([]);
  });
  it("the agent's name anywhere in the block counts, and an agent placeholder in a template", () => {
    expect(violationsOf('sign-off', 'Hi Anna,\n\nDone.\n\nCheers,\nACME SUPPORT · mark', { agentName: 'Mark Taylor' })).toEqual([]);
    expect(violationsOf('sign-off', 'Hi {{first_name}},\n\nDone.\n\nBest,\n{{current_user.first_name}}', { template: true })).toEqual([]);
  });
  it('a name after a caret or a closing counts', () => {
    expect(violationsOf('sign-off', 'Hi Anna,\n\nIt ships today.\n\nS pozdravem\nTomáš z Triko.cz', { language: 'cs' })).toEqual([]);
  });
});
