// The Document reads the salutation once (src/document/salutation.ts): the line it stands
// on and the names it addresses, for every rule that asks whom a reply addresses.
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../src/document/document.js';

const names = (text: string) => buildDocument(text).salutation?.names.map((n) => n.text);

describe('the salutation of a reply', () => {
  it('names whom it addresses, in every language, with titles and after a comma', () => {
    expect(names('Hi Anna,\n\nyour parcel left today.')).toEqual(['Anna']);
    expect(names('Dear Mr. Smith,\n\nthank you.')).toEqual(['Smith']);
    expect(names('Dobrý den, paní Nováková,\n\nzásilka odešla.')).toEqual(['Nováková']);
    expect(names('Dobry den pane Novaku,\n\nzasilka odesla.')).toEqual(['Novaku']);
    expect(names('Dobrý deň, pán Kováč, zásielka odišla.')).toEqual(['Kováč']);
  });

  it('names the titles it addresses by, before a name or instead of one', () => {
    const titles = (text: string) => buildDocument(text).salutation?.titles.map((t) => t.text);
    expect(titles('Dobrý den, pane inženýre,\n\nzásilka odešla.')).toEqual(['pane', 'inženýre']);
    expect(titles('Vážená paní doktorko,\n\nzásilka odešla.')).toEqual(['paní', 'doktorko']);
    expect(titles('Dobry den, pan inzinier Novak,\n\nzasielka odisla.')).toEqual(['pan', 'inzinier']);
    expect(names('Dobry den, pan inzinier Novak,\n\nzasielka odisla.')).toEqual(['Novak']);
    expect(titles('Dear Doctor,\n\nthank you.')).toEqual(['Doctor']);
    expect(titles('Hi Anna,\n\nthank you.')).toEqual([]);
  });

  it('is found on one of the first three lines, with its offsets in the reply', () => {
    const doc = buildDocument('Re: order 1234\n\nHello Jana,\n\nit is on its way.');
    expect(doc.salutation?.names).toEqual([{ text: 'Jana', start: 22, end: 26 }]);
    expect(doc.text.slice(doc.salutation!.line.start, doc.salutation!.line.end)).toBe('Hello Jana,');
  });

  it('addresses nobody by name in "Hi there," and is absent from a reply without one', () => {
    expect(buildDocument('Hi there,\n\nthanks for waiting.').salutation).toMatchObject({ names: [] });
    expect(buildDocument('Hello all, the outage is over.').salutation?.names).toEqual([]);
    expect(buildDocument('Your parcel left today.\nAnna').salutation).toBeUndefined();
    expect(buildDocument('Thanks Anna for the photos, we will replace it.').salutation).toBeUndefined();
  });
});
