// The jargon lexicon's domain files (rules/lexicons/jargon/): per domain and language,
// families of replies that leak a term staff use among themselves (no-jargon names it)
// and hard negatives written in the customer's own words of the same domain (nothing
// to report). Czech and Slovak replies are run again without diacritics, as customers
// and hurried agents type them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, violationsOf } from './helpers.js';

type Lang = 'en' | 'cs' | 'sk';
/** A reply body and the text the violation must quote. */
type Leak = [text: string, term: string];

interface Domain {
  leaks: Record<Lang, Leak[]>;
  clean: Record<Lang, string[]>;
}

const OPENING: Record<Lang, string> = { en: 'Hi Anna,\n\n', cs: 'Dobrý den,\n\n', sk: 'Dobrý deň,\n\n' };

const DOMAINS: Record<string, Domain> = {
  logistics: {
    leaks: {
      en: [
        ['Your parcel missed the linehaul last night, so it is a day behind.', 'linehaul'],
        ['It got a hub scan in Leeds this morning and should move on today.', 'hub scan'],
        ['The tracking shows a delivery exception, which I am looking into.', 'delivery exception'],
        ['I have asked the carrier for the POD and will send it to you.', 'POD'],
        ['The WMS still shows your order as open, so I have chased the team.', 'WMS'],
        ['Your order is on the pick list for tomorrow morning.', 'pick list'],
        ['The parcel was missorted and went to Bristol first.', 'missorted'],
        ['The consignee name on the label was different, so the driver took it back.', 'consignee'],
        ['Please send us the AWB from the paperwork.', 'AWB'],
      ],
      cs: [
        ['zásilka nestihla včerejší linehaul, proto má den zpoždění.', 'linehaul'],
        ['objednávka je teď v pickingu a zítra ji odešleme.', 'pickingu'],
        ['zásilka dostala hub sken v Brně a dnes pokračuje dál.', 'hub sken'],
        ['zboží máme v expedičním skladu v Jihlavě.', 'expedičním skladu'],
        ['výdejku k objednávce jsme už vystavili.', 'výdejku'],
        ['na zásilce je exception, dopravce ji prověřuje.', 'na zásilce je exception'],
        ['zásilka byla na třídicí lince chybně sortována.', 'chybně sortována'],
        ['příjemku ze skladu zatím nemáme, proto peníze ještě nevracíme.', 'příjemku'],
      ],
      sk: [
        ['zásielka nestihla včerajší linehaul, preto mešká deň.', 'linehaul'],
        ['objednávka je v pickingu, zajtra ju odošleme.', 'pickingu'],
        ['zásielka bola omylom missortnutá do Košíc.', 'missortnutá'],
        ['príjemku zo skladu ešte nemáme.', 'príjemku'],
        ['sortácia v našom centre trvá dlhšie ako zvyčajne.', 'sortácia'],
        ['tovar je v expedičnom sklade v Trnave.', 'expedičnom sklade'],
      ],
    },
    clean: {
      en: [
        'Your parcel is at the local depot and will be out for delivery tomorrow.',
        'The tracking number is in the e-mail; the courier tried to deliver on Monday.',
        'The lead time for a made-to-order sofa is six weeks, and storage bins are back in stock.',
        'Your order has been picked and packed and is now in transit.',
        'You can collect it from the parcel locker with the code we sent.',
        'The return label is attached; please drop the package at any pick-up point.',
      ],
      cs: [
        'zásilka dorazila na depo a zítra ji kurýr doručí. Předem vám přijde avízo.',
        'objednávku jsme expedovali, číslo zásilky najdete v e-mailu.',
        'balík je na výdejním místě, vyzvednout si ho můžete do pátku.',
        'dopravce si zásilky vyzvedává při odpoledním svozu.',
        'poslední miliony korun jsme investovali do nového skladu.',
        'příjemce na štítku je správně, kurýr zásilku doručí zítra.',
      ],
      sk: [
        'zásielka je v triediacom centre a zajtra ju kuriér doručí.',
        'balík je na výdajnom mieste, vyzdvihnúť si ho môžete do piatku.',
        'objednávku sme expedovali, číslo zásielky nájdete v e-maile.',
        'príjemca na štítku je správny, zásielka príde zajtra.',
      ],
    },
  },
  banking: {
    leaks: {
      en: [
        ['Your bank raised a chargeback, so the order is on hold.', 'chargeback'],
        ['The authorisation hold will drop off within seven days.', 'authorisation hold'],
        ['The pre-auth for the deposit is released when you return the car.', 'pre-auth'],
        ['The acquirer has not settled the payment yet.', 'acquirer'],
        ['The payment failed the 3DS challenge, so please try again.', '3DS challenge'],
        ['The ARN for the refund is 74123456789, your bank can trace it.', 'ARN'],
        ['We need to complete our KYC before the account opens.', 'KYC'],
        ['The MCC of the shop is 5732, which your card blocks.', 'MCC'],
        ['Your bank returned a do not honour code for the payment.', 'not honour code'],
      ],
      cs: [
        ['vaše banka podala chargeback, proto je objednávka pozastavená.', 'chargeback'],
        ['předautorizace na kartě se uvolní do sedmi dnů.', 'předautorizace'],
        ['platba neprošla přes 3DS challenge, zkuste ji prosím znovu.', '3DS challenge'],
        ['účet otevřeme po AML kontrole.', 'AML kontrole'],
        ['acquirer platbu ještě nevypořádal.', 'acquirer'],
        ['refundace odešla, ARN je 74123456789.', 'ARN'],
        ['na chargebacku pracujeme s naší bankou.', 'chargebacku'],
      ],
      sk: [
        ['vaša banka podala chargeback, preto je objednávka pozastavená.', 'chargeback'],
        ['predautorizácia sa z karty uvoľní do siedmich dní.', 'predautorizácia'],
        ['platba neprešla cez 3DS challenge.', '3DS challenge'],
        ['účet otvoríme po KYC kontrole.', 'KYC'],
        ['settlement prebehne zajtra.', 'settlement'],
        ['MCC obchodníka vaša banka blokuje.', 'MCC'],
      ],
    },
    clean: {
      en: [
        'The refund is on its way; a pending transaction can take up to five days to disappear.',
        'Please contact your card issuer or your issuing bank, as the payment was declined.',
        'The money was sent by bank transfer to the IBAN you gave us.',
        'Clearing your browser cache and trying the payment again should help.',
        'We do not honour expired vouchers, but I have sent you a new one.',
        'Your bank will confirm the payment in its app with 3D Secure.',
      ],
      cs: [
        'blokace na účtu zmizí do sedmi dnů, platba byla zúčtována.',
        'peníze jsme vrátili převodem, na účtu je uvidíte do tří dnů.',
        'inkaso proběhlo v pořádku, výpis najdete v internetovém bankovnictví.',
        'platbu jsme zatím nespárovali, protože chyběl variabilní symbol.',
        'platbu je potřeba autorizovat v aplikaci vaší banky.',
        'pan Novák platbu zadal včera, pod číslem objednávky ji dohledáme.',
      ],
      sk: [
        'blokácia na účte zmizne do siedmich dní, platba bola zúčtovaná.',
        'peniaze sme vrátili prevodom, na účte ich uvidíte do troch dní.',
        'platbu treba autorizovať v aplikácii vašej banky.',
        'bol to omyl banky, peniaze vám vrátila.',
      ],
    },
  },
  travel: {
    leaks: {
      en: [
        ['Your PNR shows the return flight as cancelled.', 'PNR'],
        ['You were marked as no-show on the first flight, so the return was cancelled.', 'marked as no-show'],
        ['Your booking shows no-show status for the outbound flight.', 'no-show status'],
        ['This was an involuntary rebooking, so there is no fee.', 'involuntary rebooking'],
        ['During the IROP we moved everyone to the next flight.', 'IROP'],
        ['Your OTA has to request the change, as they issued the ticket.', 'OTA'],
        ['We will do a ticket reissue and send you the new itinerary.', 'ticket reissue'],
        ['I have added an SSR for the wheelchair.', 'SSR'],
        ['The fare basis does not allow changes.', 'fare basis'],
        ['A tail swap on the morning flight moved the seats.', 'tail swap'],
      ],
      cs: [
        ['vaše PNR ukazuje zpáteční let jako zrušený.', 'PNR'],
        ['byl jste označen jako no-show, proto byl zpáteční let zrušen.', 'jako no-show'],
        ['OTA, u které jste letenku koupili, musí o změnu požádat.', 'OTA'],
        ['po IROP jsme všechny přesunuli na další let.', 'IROP'],
        ['uděláme reissue letenky a pošleme vám nový itinerář.', 'reissue letenky'],
        ['letenka byla voidnutá ještě tentýž den.', 'voidnutá'],
        ['jde o interline letenku, proto změnu musí udělat partner.', 'interline'],
      ],
      sk: [
        ['vaše PNR ukazuje spiatočný let ako zrušený.', 'PNR'],
        ['boli ste označený ako no-show, preto bol spiatočný let zrušený.', 'označený ako no-show'],
        ['po IROP sme všetkých presunuli na ďalší let.', 'IROP'],
        ['urobíme reissue letenky a pošleme nový itinerár.', 'reissue letenky'],
        ['do rezervácie sme pridali SSR pre invalidný vozík.', 'SSR'],
        ['letenka bola voidnutá v ten istý deň.', 'voidnutá'],
      ],
    },
    clean: {
      en: [
        'Your booking reference is on the e-ticket; check-in opens 24 hours before departure.',
        'Your boarding pass is attached and your seat is 14C.',
        'The hotel charges a no-show fee if you do not arrive on the first night.',
        'You are on the waitlist for the earlier flight and we will let you know.',
        'Because of the schedule change you can rebook or ask for a refund.',
        'Please go show the receipt at the desk and they will help.',
      ],
      cs: [
        'rezervační kód najdete v e-mailu, online odbavení otevíráme 24 hodin před odletem.',
        'palubní vstupenku posíláme v příloze, přestup ve Vídni stihnete.',
        'cestovní kancelář zájezd stornovala a storno poplatky vám vrátíme.',
        'poplatek za no-show hotel účtuje, když nepřijedete první noc.',
        'zavazadlo dorazí dalším letem a kurýr ho doveze do hotelu.',
      ],
      sk: [
        'rezervačný kód nájdete v e-maile, online odbavenie otvárame 24 hodín pred odletom.',
        'palubný lístok posielame v prílohe, batožina príde ďalším letom.',
        'cestovná kancelária zájazd stornovala a storno poplatky vám vrátime.',
        'prestup vo Viedni stihnete, let mešká len desať minút.',
      ],
    },
  },
  returns: {
    leaks: {
      en: [
        ['I have created an RMA for the headphones.', 'RMA'],
        ['The SKU you ordered is on backorder until June.', 'SKU'],
        ['That colour is backordered until June.', 'backordered'],
        ['Your order ships from our fulfilment centre in Leeds.', 'fulfilment centre'],
        ['This item is dropshipped by the supplier, so it comes separately.', 'dropshipped'],
        ['Your refund is in the next refund batch on Friday.', 'refund batch'],
        ['It was a mispick in the warehouse, sorry about that.', 'mispick'],
        ['The return was graded as B-stock and goes to our outlet.', 'B-stock'],
        ['The repair centre reported no fault found.', 'no fault found'],
      ],
      cs: [
        ['vytvořil jsem RMA číslo pro sluchátka.', 'RMA'],
        ['zboží je v backorderu do června.', 'backorderu'],
        ['balík odešel z fulfillment centra v Praze.', 'fulfillment centra'],
        ['tento produkt řešíme přes dropshipping, proto přijde zvlášť.', 'dropshipping'],
        ['peníze pošleme v příští refund batch v pátek.', 'refund batch'],
        ['jde o reverzní logistiku, proto to trvá déle.', 'reverzní logistiku'],
        ['listing produktu jsme opravili.', 'listing'],
      ],
      sk: [
        ['vytvoril som RMA pre slúchadlá.', 'RMA'],
        ['tovar je v backorderi do júna.', 'backorderi'],
        ['balík odišiel z fulfillment centra v Bratislave.', 'fulfillment centra'],
        ['produkt ide cez dropshipping, preto príde zvlášť.', 'dropshipping'],
        ['SKU, ktoré ste objednali, už nemáme.', 'SKU'],
        ['listing produktu sme opravili.', 'listing'],
      ],
    },
    clean: {
      en: [
        'Your refund has been processed and the return label is attached.',
        'The jacket is out of stock but back in stock next week; I can reserve one for you.',
        'We charge a restocking fee of 10% as our return policy says.',
        'I have sent a replacement and you can keep the faulty one.',
        'Your store credit is on your account and never expires.',
      ],
      cs: [
        'reklamaci jsme uznali a peníze vám vrátíme do pěti dnů.',
        'po vrácení zboží vám pošleme dobropis a peníze na účet.',
        'objednávku jsme stornovali, jak jste chtěli.',
        'zboží je momentálně vyprodané, naskladníme ho příští týden.',
        'výměnu za jinou velikost vám rádi uděláme.',
      ],
      sk: [
        'reklamáciu sme uznali a peniaze vám vrátime do piatich dní.',
        'po vrátení tovaru vám pošleme dobropis.',
        'objednávku sme stornovali, ako ste chceli.',
        'tovar je momentálne vypredaný, naskladníme ho budúci týždeň.',
      ],
    },
  },
};

const stripDiacritics = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

function jargon(text: string, lang: Lang): string[] {
  return violationsOf('no-jargon', OPENING[lang] + text, { language: lang }).map((v) => v.message);
}

describe.each(Object.entries(DOMAINS))('jargon lexicon: %s', (_domain, { leaks, clean }) => {
  for (const lang of ['en', 'cs', 'sk'] as const) {
    it.each(leaks[lang])(`${lang}: names the jargon in "%s"`, (text, term) => {
      const messages = jargon(text, lang);
      expect(
        messages.some((m) => m.includes(term)),
        `${messages.join(' | ') || 'no violation'}`,
      ).toBe(true);
      if (lang !== 'en') {
        const bare = jargon(stripDiacritics(text), lang);
        expect(
          bare.some((m) => m.includes(stripDiacritics(term))),
          `without diacritics: ${bare.join(' | ') || 'no violation'}`,
        ).toBe(true);
      }
    });

    it.each(clean[lang].map((t) => [t]))(`${lang}: the customer's own words are no jargon: "%s"`, (text) => {
      expect(jargon(text, lang)).toEqual([]);
      if (lang !== 'en') expect(jargon(stripDiacritics(text), lang)).toEqual([]);
    });
  }
});

// Words the lexicon's forms are made of, in replies of other domains or in their
// everyday sense: a surname, a sort order, a recycling bin, a car recall.
describe.each([
  ['en', 'Please put the old cable in the recycling bin and go show the receipt at the desk.'],
  ['en', 'Clearing the cache fixed it, and the settlement of your insurance claim is agreed.'],
  ['en', 'The last mile of the trail is closed, so the tour ends at the lake.'],
  ['en', 'At the end of the lease you can buy the car for its residual value.'],
  ['en', 'We will arrange an equipment change and the engineer brings the new router.'],
  ['en', 'My TV was dead on arrival, so we sent an advance replacement.'],
  ['cs', 'paní Picková, objednávka je na cestě a dorazí zítra.'],
  ['cs', 'na konci leasingu můžete auto odkoupit za reziduální hodnotu.'],
  ['cs', 'pan Novák nechal balík pod pultem na pobočce.'],
  ['cs', 'vůz spadá do svolávací akce (recall), termín v servisu vám pošleme.'],
  ['cs', 'zboží si můžete seřadit podle ceny, sortování najdete nahoře.'],
  ['sk', 'sortovanie podľa ceny nájdete v hornej časti stránky.'],
  ['sk', 'bol to omyl, pre istotu vám posielame nový kód.'],
] as const)('jargon lexicon: no jargon in an everyday %s reply', (lang, text) => {
  it(text, () => {
    expect(jargon(text, lang)).toEqual([]);
    if (lang !== 'en') expect(jargon(stripDiacritics(text), lang)).toEqual([]);
  });
});

describe('jargon lexicon domain files', () => {
  const files = ['logistics', 'banking', 'travel', 'returns'];
  it.each(files)('%s: at least 55 terms, each in English, Czech and Slovak with a plain alternative in all three', (name) => {
    const file = parse(readFileSync(join(ROOT, 'rules', 'lexicons', 'jargon', `${name}.yaml`), 'utf8')) as { domain: string; terms: Record<string, unknown>[] };
    expect(file.domain).toBe(name);
    expect(file.terms.length).toBeGreaterThanOrEqual(55);
    for (const term of file.terms) {
      const plain = term.plain as Record<Lang, string>;
      for (const lang of ['en', 'cs', 'sk'] as const) {
        expect(term[lang] ?? term.any, `${JSON.stringify(term)}: ${lang} forms`).toBeTruthy();
        expect(plain[lang], `${JSON.stringify(term)}: plain ${lang}`).toBeTruthy();
      }
    }
  });
});
