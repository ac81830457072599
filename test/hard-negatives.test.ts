// Replies that look like a violation and are not, per rule and language.
import { describe, expect, it } from 'vitest';
import { firing, violationsOf } from './helpers.js';

describe('no-ticket-clutter', () => {
  it.each([
    ['en', 'Hi Anna,\n\nYour order #10023 left our warehouse today and arrives tomorrow.'],
    ['en', 'Hi Anna,\n\nI have checked order 55821 and the invoice is attached.'],
    ['cs', 'Dobrý den,\n\nobjednávka č. 10023 dorazí zítra.'],
    ['cs', 'Dobrý den,\n\nk objednávce 2024-0877 posílám fakturu.'],
    ['sk', 'Dobrý deň,\n\nobjednávka č. 30125 príde v stredu.'],
  ])('an order number is not clutter (%s)', (lang, text) => {
    expect(violationsOf('no-ticket-clutter', text, { language: lang as 'en' })).toEqual([]);
  });
});

describe('no-jargon', () => {
  it.each([
    ['en', 'Hi Anna,\n\nThe invoice is attached as a PDF and DPD delivers on Monday.'],
    ['en', 'Hi Anna,\n\nYour VAT invoice for the GDPR request is attached.'],
    ['cs', 'Dobrý den,\n\nfakturu posílám jako PDF, balík doveze PPL. Šla jsem to ověřit.'],
    ['sk', 'Dobrý deň,\n\nfaktúru posielame ako PDF, balík dovezie SPS.'],
  ])('an acronym is not jargon (%s)', (lang, text) => {
    expect(violationsOf('no-jargon', text, { language: lang as 'en' })).toEqual([]);
  });

  it('reports the plain alternative', () => {
    const [v] = violationsOf('no-jargon', 'Hi Anna,\n\nThe ETA is Monday.');
    expect(v.hint).toContain('expected time');
  });
});

describe('name-use', () => {
  it.each([
    ['cs', 'Dobrý den, pane Nováku,\n\nzásilka dorazí zítra.', 'Petr Novák'],
    ['cs', 'Ahoj Petře,\n\nzásilka dorazí zítra.', 'Petr Novák'],
    ['cs', 'Milá Jano,\n\nzásilka dorazí zítra.', 'Jana Kopecká'],
    ['cs', 'Dobrý den, paní Nováková,\n\nzásilka dorazí zítra.', 'Jana Nováková'],
    ['cs', 'Dobrý den, pane Černý,\n\nzásilka dorazí zítra.', 'Jakub Černý'],
    ['cs', 'Dobry den, pane Dvoraku,\n\nzasilka dorazi zitra.', 'Martin Dvořák'],
    ['sk', 'Dobrý deň, pán Novák,\n\nzásielka príde zajtra.', 'Peter Novák'],
    ['sk', 'Dobrý deň, pani Kováčová,\n\nzásielka príde zajtra.', 'Zuzana Kováčová'],
    ['en', 'Dear Ms Hughes,\n\nYour data will follow by 14 April.', 'Grace Hughes'],
    ['en', 'Hi Tom,\n\nYour boots ship today.', "Tom O'Brien"],
    ['en', 'Hi Chris,\n\nYour boots ship today.', 'Christopher Jones'],
  ])('a correct address passes (%s: %s)', (lang, text, customerName) => {
    expect(violationsOf('name-use', text, { language: lang as 'en', customerName })).toEqual([]);
  });

  it('flags the wrong Czech case with the vocative and a fix', () => {
    const [v] = violationsOf('name-use', 'Dobrý den, pane Novák,\n\nzásilka dorazí zítra.', { language: 'cs', customerName: 'Petr Novák' });
    expect(v.message).toContain('Nováku');
    expect(v.severity).toBe('warning');
  });

  it('a wrong name is an error', () => {
    const [v] = violationsOf('name-use', 'Hi Mark,\n\nYour refund went out today.', { customerName: 'Anna Smith' });
    expect(v.severity).toBe('error');
  });

  it('an e-mail address does not count as using the name', () => {
    expect(firing('Hi {{first_name}}, I have changed your email to kevin.ross@mailbox.co.uk.', { customerName: 'Kevin Ross' })).toContain('name-use');
  });

  it('is silent when the name is unknown', () => {
    expect(violationsOf('name-use', 'Hello,\n\nYour refund went out today.')).toEqual([]);
  });
});

describe('apology', () => {
  it.each([
    ['en', "Hi Anna,\n\nI'm so sorry your parcel arrived damaged. A replacement ships today.", 'The parcel arrived damaged.'],
    ['en', 'Hi Anna,\n\nMy apologies for the delay: the refund went out this morning.', 'Still no refund.'],
    ['cs', 'Dobrý den,\n\nomlouvám se, že zásilka nedorazila. Novou odešleme dnes.', 'Balík pořád nedorazil.'],
    ['cs', 'Dobrý den,\n\nmoc se omlouváme, nákup doručíme zítra.', 'Kurýr mi nepřivezl nákup.'],
    ['cs', 'Dobrý den,\n\nmrzí nás, že mixér dorazil poškozený.', 'Mixér je rozbitý.'],
    ['sk', 'Dobrý deň,\n\nje nám ľúto, že pohár prišiel rozbitý.', 'Pohár prišiel rozbitý.'],
    ['sk', 'Dobrý deň,\n\nprepáčte, mali sme to vybaviť hneď.', 'Lampa je rozbitá.'],
  ])('a sincere apology passes (%s)', (lang, text, customerMessage) => {
    expect(violationsOf('apology', text, { language: lang as 'en', customerMessages: [customerMessage] })).toEqual([]);
  });

  it.each([
    ['en', 'Hi Anna,\n\nYes, we ship to Ireland.', 'Do you ship to Ireland?'],
    ['cs', 'Dobrý den,\n\nano, sedačka je i v šedé.', 'Máte sedačku v šedé barvě?'],
    ['cs', 'Dobrý den,\n\nobjednávka dorazí do 2 dnů.', 'Kdy mi přijde objednávka? Platila jsem v pondělí.'],
    ['sk', 'Dobrý deň,\n\náno, do Česka doručujeme.', 'Doručujete aj do Česka?'],
  ])('no sign of a problem, no apology needed (%s)', (lang, text, customerMessage) => {
    expect(violationsOf('apology', text, { language: lang as 'en', customerMessages: [customerMessage] })).toEqual([]);
  });
});

describe('next-steps', () => {
  it.each([
    ['en', 'Hi Karen,\n\nWe will look into it and email you the result by Friday.'],
    ['en', 'Hi Anna,\n\nYour replacement left our warehouse this morning and should arrive tomorrow.'],
    ['cs', 'Dobrý den,\n\npodíváme se na to a do pátku vám napíšu, jak to dopadlo.'],
    ['cs', 'Dobrý den,\n\nzítra vám zavoláme.'],
    ['sk', 'Dobrý deň,\n\ndo piatku vám pošleme opravenú faktúru.'],
    ['sk', 'Dobrý deň,\n\nvedúca predajne sa vám do piatka ozve telefonicky.'],
  ])('a dated promise passes (%s)', (lang, text) => {
    expect(violationsOf('next-steps', text, { language: lang as 'en' })).toEqual([]);
  });

  it.each([
    ['en', '@anna Please shoot us a DM so that we can look into this for you.', 'social'],
    ['en', 'Hi Anna, is the light on the router red or green?', 'email'],
    ['cs', 'Dobrý den, vzneste prosím dotaz přímo na výrobce.', 'email'],
    ['sk', 'Dobrý deň, uveďte prosím číslo objednávky.', 'email'],
  ])('an instruction or a question for the customer is a step (%s: %s)', (lang, text, channel) => {
    expect(violationsOf('next-steps', text, { language: lang as 'en', channel: channel as 'email' })).toEqual([]);
  });

  it('needs no step after the customer only said thanks', () => {
    expect(violationsOf('next-steps', 'Glad to hear it!', { customerMessages: ['Thanks, that worked!'] })).toEqual([]);
    expect(violationsOf('next-steps', 'Glad to hear it!', { customerMessages: ['I emailed twice and heard nothing. Great service.'] })).not.toEqual([]);
  });

  it('a vague promise says so', () => {
    const [v] = violationsOf('next-steps', 'Hi Karen,\n\nSorry. We will look into it and get back to you soon.');
    expect(v.message).toMatch(/^Vague promise/);
  });
});

describe('greeting', () => {
  it.each([
    ['en', 'Good evening Mr Hall, the repair is booked.'],
    ['cs', 'Dobry vecer, pani Holubova, predplatne je nastavene.'],
    ['cs', 'Zdravím, objednávka je odeslaná.'],
    ['sk', 'Dobrý deň!\n\nMáme dobrú správu.'],
  ])('a greeting passes (%s)', (lang, text) => {
    expect(violationsOf('greeting', text, { language: lang as 'en' })).toEqual([]);
  });

  it('reads past the @handles a social reply starts with', () => {
    expect(violationsOf('greeting', '@anna_b Hi Anna, the parcel goes out today.', { channel: 'social' })).toEqual([]);
  });

  it('is silent on a chat follow-up', () => {
    expect(violationsOf('greeting', 'Yes, it is free.', { channel: 'chat', firstReply: false })).toEqual([]);
  });
});

describe('replies written for these tests, in the style of real ones', () => {
  it.each([
    [
      'en',
      'Hi Sophie,\n\nThank you for your patience.\n\nWe will investigate the matter and revert back at the earliest.\n\nRegards,\nBilling Team',
      'I have been charged for a subscription I cancelled. This is the third time I am writing!',
      ['apology', 'next-steps', 'no-jargon', 'sign-off'],
    ],
    [
      'en',
      'Dear Ahmed,\n\nWe apologise if you feel the refund has taken too long. Refunds are processed according to our policy.\n\nKind regards,\nEva',
      'Where is my refund?',
      ['apology', 'next-steps'],
    ],
    [
      'cs',
      'Dobrý den, pane Králi,\n\nvaši reklamaci řešíme. Ozveme se.\n\nS pozdravem\nLenka',
      'Reklamoval jsem boty a už dva týdny se nic neděje.',
      ['apology', 'next-steps'],
    ],
    [
      'sk',
      'Dobrý deň, pán Novák,\n\nza prípadné nepríjemnosti sa ospravedlňujeme. Vašu požiadavku sme odovzdali ďalej.\n\nS pozdravom\nZuzana',
      'Tovar prišiel rozbitý.',
      ['apology', 'next-steps'],
    ],
  ])('%s: flags what is wrong', (lang, text, customerMessage, rules) => {
    const customerName = { en: text.includes('Sophie') ? 'Sophie Turner' : 'Ahmed Khan', cs: 'Tomáš Král', sk: 'Michal Novák' }[lang as 'en'];
    expect(firing(text, { language: lang as 'en', customerName, customerMessages: [customerMessage] }).sort()).toEqual(rules);
  });

  it.each([
    [
      'cs',
      'Dobry den, pane Vesely,\n\nje nam to moc lito. Poslete nam prosim fotku poskozene zasilky a novou vam posleme hned zitra.\n\nS pozdravem\nKarel',
      'Jiří Veselý',
      'Zásilka dorazila poškozená.',
    ],
    ['cs', 'Ahoj Anno,\n\nfakturu ti pošlu ještě dnes e-mailem.\n\nMěj se\nJana', 'Anna Procházková', 'Kdy mi přijde faktura?'],
    [
      'sk',
      'Dobry den, pani Horvathova,\n\nano, kartou sa da platit online. Staci zvolit platbu kartou pri objednavke.\n\nS pozdravom\nPeter',
      'Ivana Horváthová',
      'Dá sa platiť kartou?',
    ],
    [
      'en',
      "Hello Marcus,\n\nGood news: your sofa hasn't been made yet, so we can still change the colour. Just reply with the colour you'd like and I'll update the order the same day.\n\nAll the best,\nNina",
      'Marcus Lee',
      'Can I change the colour of my sofa order?',
    ],
  ])('%s: a good reply passes clean', (lang, text, customerName, customerMessage) => {
    expect(firing(text, { language: lang as 'en', customerName, customerMessages: [customerMessage] })).toEqual([]);
  });
});

describe('privacy: card numbers by their structure and their label', () => {
  it('needs an issuer prefix and that scheme length, and Luhn', async () => {
    const { isCardNumber } = await import('../src/engine/kinds/privacy.js');
    expect(isCardNumber('4539148803436467')).toBe(true); // Visa 16
    expect(isCardNumber('5500000000000004')).toBe(true); // Mastercard
    expect(isCardNumber('378282246310005')).toBe(true); // Amex 15
    expect(isCardNumber('6011111111111117')).toBe(true); // Discover
    expect(isCardNumber('01505022712340')).toBe(false); // starts with 0: no card does
    expect(isCardNumber('4539148803436')).toBe(false); // Luhn fails
    expect(isCardNumber('37828224631000')).toBe(false); // Amex prefix, 14 digits
    expect(isCardNumber('8000000000000009')).toBe(false); // 8: no card scheme
  });
  it('a parcel, tracking or account label in front makes it no card, a card label nearer wins', async () => {
    const { labelledOtherThanCard } = await import('../src/engine/kinds/privacy.js');
    expect(labelledOtherThanCard('your dpd parcel number is ')).toBe(true);
    expect(labelledOtherThanCard('cislo zasilky je ')).toBe(true);
    expect(labelledOtherThanCard('your order was paid with the card ')).toBe(false);
    expect(labelledOtherThanCard('we refunded ')).toBe(false);
  });
});
