#!/usr/bin/env node
// Generates about 1 MB of mixed en/cs/sk support conversations as JSONL (deterministic:
// a seeded generator), written by this project; the real data sets stay in ../shared.
//   node bench/generate.mjs [bytes] [out]
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

//   node bench/generate.mjs 1e9 bench/out/audit-1g.jsonl --file-bytes   (the audit benchmark's file)
const byFile = process.argv.includes('--file-bytes');
const [sizeArg, outArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const target = Number(sizeArg ?? 1_000_000);
const out = outArg ?? 'bench/out/replies.jsonl';

let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = (list) => list[Math.floor(rand() * list.length)];

const parts = {
  en: {
    names: ['Anna Smith', 'Tom Brown', 'Laura Davies', 'James Wilson', 'Priya Shah'],
    problems: [
      "My parcel still hasn't arrived.",
      'The kettle arrived broken.',
      'I was charged twice for my order.',
      'Do you ship to Ireland?',
      'Can I change my delivery address?',
    ],
    greetings: ['Hi {first},', 'Hello {first},', 'Dear {first},', 'Hello,', 'Thank you for your email.'],
    bodies: [
      "I'm sorry your order is late. I've asked the courier to deliver it tomorrow and I'll email you the tracking link by 10 am.",
      'Sorry for any inconvenience. We will look into it and get back to you soon.',
      'Our backend team is working on a hotfix and the ETA is Friday. As per our policy, refunds take 14 days.',
      'Please reply with your order number and I will check it straight away.',
      'Yes, we ship to Ireland. Choose it at checkout and the delivery options will show up.',
      'I have refunded the duplicate payment today; it will be back on your card within 3-5 working days.',
    ],
    closings: [
      'Kind regards,\n{agent}',
      'Best wishes,\n{agent}\nCustomer Support',
      'Thanks,\nThe Support Team',
      'Best,\n{agent}\n\nTicket #48213 | Please do not write below this line',
    ],
  },
  cs: {
    names: ['Jana Nováková', 'Petr Novák', 'Lukáš Horák', 'Eva Marková', 'Tomáš Svoboda'],
    problems: [
      'Objednávka mi pořád nedorazila.',
      'Mixér přišel rozbitý.',
      'Strhli jste mi platbu dvakrát!',
      'Máte sedačku i v šedé?',
      'Kdy bude skladem kolo?',
    ],
    greetings: ['Dobrý den, {title} {vocative},', 'Dobrý den, {title} {surname},', 'Dobry den,', 'Ahoj {first},', 'Děkujeme za váš e-mail.'],
    bodies: [
      'omlouváme se za zpoždění. Zásilku vám doručíme zítra mezi 8:00 a 16:00 a ráno vám pošleme SMS.',
      'omlouváme se za případné nepříjemnosti. Předám to dál, brzy se vám ozveme.',
      'chyba je na straně backendu, eskalovala jsem to na L2. Vaše reklamační řízení stále probíhá.',
      'pošlete nám prosím fotografii a nový kus vám odešleme hned, jak ji dostaneme.',
      'sedačka je i v šedé barvě. Barvu si zvolte přímo na stránce produktu.',
      'omlouvame se, platbu jsme vam dnes vratili a na uctu ji uvidite do 5 pracovnich dnu.',
    ],
    closings: [
      'S pozdravem\n{agent}',
      'S pozdravem\n{agent}\nzákaznická podpora',
      'S pozdravem\nVáš zákaznický tým',
      'S pozdravem\n{agent}\n\nPožadavek č. 48213',
    ],
  },
  sk: {
    names: ['Zuzana Kováčová', 'Peter Novák', 'Martin Varga', 'Lucia Tóthová', 'Ján Oravec'],
    problems: [
      'Objednávka mi stále neprišla.',
      'Kávovar prišiel poškodený.',
      'Platba mi bola stiahnutá dvakrát.',
      'Doručujete aj do Česka?',
      'Dá sa tovar vrátiť bez krabice?',
    ],
    greetings: ['Dobrý deň, {title} {surname},', 'Dobry den,', 'Milá {first},', 'Dobrý deň,', 'Ďakujeme za vašu správu.'],
    bodies: [
      'ospravedlňujeme sa za meškanie. Zásielku vám doručia v stredu medzi 8:00 a 17:00.',
      'ospravedlňujeme sa za prípadné nepríjemnosti. Pozrieme sa na to a čoskoro sa vám ozveme.',
      'chyba je na strane backendu a eskalovala som ju na L2, založila som tiket.',
      'pošlite nám prosím fotku poškodenia a nový kus vám pošleme ešte dnes.',
      'áno, do Česka doručujeme. Pri objednávke stačí zvoliť krajinu Česko.',
      'druhú platbu sme vám dnes vrátili a na účte ju uvidíte do 5 pracovných dní.',
    ],
    closings: [
      'S pozdravom\n{agent}',
      'S pozdravom\n{agent}\nzákaznícka podpora',
      'S pozdravom\nTím zákazníckej podpory',
      'S pozdravom\n{agent}\n\nČíslo požiadavky: 48213',
    ],
  },
};

const vocative = { Nováková: 'Nováková', Novák: 'Nováku', Horák: 'Horáku', Marková: 'Marková', Svoboda: 'Svobodo' };
const agents = ['Alex Agent', 'Jana Horská', 'Mark Taylor', 'Silvia Benková', 'Petr Malý', 'Emma Lewis'];
// Written as it goes (a 1 GB audit corpus never sits in memory).
mkdirSync(dirname(out), { recursive: true });
const fd = openSync(out, 'w');
let pending = '';
let count = 0;
let bytes = 0;
const day0 = Date.UTC(2025, 2, 1);
for (let n = 0; bytes < target; n++) {
  const language = pick(['en', 'cs', 'sk']);
  const p = parts[language];
  const name = pick(p.names);
  const [first, surname] = name.split(' ');
  const female = /ová$|á$/.test(surname);
  const title = language === 'cs' ? (female ? 'paní' : 'pane') : female ? 'pani' : 'pán';
  const agent = pick(agents);
  const fill = (s) =>
    s
      .replace('{first}', first)
      .replace('{surname}', surname)
      .replace('{vocative}', vocative[surname] ?? surname)
      .replace('{title}', title)
      .replace('{agent}', agent);
  const text = `${fill(pick(p.greetings))}\n\n${pick(p.bodies)} ${pick(p.bodies)}\n\n${fill(pick(p.closings))}`;
  const time = new Date(day0 + Math.floor(rand() * 30 * 86400000)).toISOString();
  const conversation = {
    id: `b-${n}`,
    channel: pick(['email', 'email', 'chat']),
    language,
    customer: { name },
    messages: [
      { role: 'customer', text: pick(p.problems) },
      { role: 'agent', text, author: agent, time },
    ],
  };
  pending += JSON.stringify(conversation) + '\n';
  count++;
  // Reply text for the lint benchmark; the whole file for the audit one (--file-bytes).
  bytes += byFile ? Buffer.byteLength(JSON.stringify(conversation)) + 1 : Buffer.byteLength(text);
  if (pending.length > 1 << 20) {
    writeSync(fd, pending);
    pending = '';
  }
}
writeSync(fd, pending);
closeSync(fd);
console.log(`wrote ${count} conversations, ${(bytes / 1e6).toFixed(2)} MB of ${byFile ? 'JSONL' : 'reply text'}, to ${out}`);
