// Issue 13: --fix removes a ticket footer with its reply-line instruction whole, in all
// three languages, with and without diacritics, keeping CRLF line ends.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

const BODY: Record<string, string> = {
  cs: 'Dobrý den,\r\n\r\nzásilku jsme odeslali, dorazí zítra.\r\n\r\nS pozdravem\r\nJana Malá\r\n',
  sk: 'Dobrý deň,\r\n\r\nzásielku sme odoslali, príde zajtra.\r\n\r\nS pozdravom\r\nJana Malá\r\n',
  en: 'Hi Anna,\r\n\r\nyour parcel left today and arrives tomorrow.\r\n\r\nKind regards,\r\nJana Malá\r\n',
};
const FOOTERS: [string, string][] = [
  ['cs', 'Číslo požadavku: #48213 | Prosím odpovídejte nad tuto čáru'],
  ['cs', 'Cislo pozadavku: #48213 | Prosim odpovidejte nad tuto caru'],
  ['sk', 'Číslo požiadavky: #48213 | Prosím odpovedajte nad túto čiaru'],
  ['sk', 'Cislo poziadavky: #48213 | Prosim odpovedajte nad tuto ciaru'],
  ['en', 'Ticket number: #48213 | Please reply above this line'],
];

describe('--fix on reply-line footers', () => {
  it.each(FOOTERS)('%s: "%s" goes whole, nothing left behind', (lang, footer) => {
    const file = join(tempDir(), 'reply.txt');
    writeFileSync(file, `${BODY[lang]}\r\n${footer}\r\n`);
    const r = cli(['--fix', '--lang', lang, file]);
    expect(r.code, r.stderr).not.toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(BODY[lang]);
  });
});
