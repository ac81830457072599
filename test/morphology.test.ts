// The Document's grammatical tags (language/morphology.ts), per language, accented and
// typed without accents: the same tags either way (etiquette-rules.md).
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../src/document/document.js';
import { tagNames, type TagName } from '../src/language/morphology.js';
import type { Language } from '../src/types.js';

const strip = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '');

/** The tags of one word of a one-sentence reply. */
function tagsOf(language: Language, text: string, word: string): TagName[] {
  const doc = buildDocument(text, { language });
  const token = doc.tokens.find((t) => t.folded === strip(word).toLowerCase());
  if (!token) throw new Error(`no "${word}" in "${text}"`);
  return tagNames(token.tags);
}

type Case = [Language, string, string, TagName[], TagName[]?];

// [language, sentence, word, tags it must have, tags it must not have]
const CASES: Case[] = [
  // imperatives and the second person, present or future
  ['cs', 'Pošlete nám prosím číslo objednávky.', 'pošlete', ['you']],
  ['cs', 'Zkuste to prosím znovu.', 'zkuste', ['you', 'imperative']],
  ['cs', 'Klikněte na Uložit.', 'klikněte', ['you']],
  ['cs', 'Heslo si změníte v profilu.', 'změníte', ['you']],
  ['cs', 'Heslo si změníte v profilu.', 'si', ['reflexiveSi']],
  ['cs', 'Fakturu najdete v sekci Doklady.', 'najdete', ['you']],
  ['cs', 'Peníze obdržíte do pěti dnů.', 'obdržíte', ['you']],
  ['cs', 'Stáhněte si aplikaci a nastavte si upozornění.', 'nastavte', ['you', 'imperative']],
  ['cs', 'Můžete si ho stáhnout v aplikaci.', 'můžete', ['youModal']],
  ['sk', 'Pošlite nám prosím číslo objednávky.', 'pošlite', ['you']],
  ['sk', 'Skúste to znova.', 'skúste', ['you', 'imperative']],
  ['sk', 'Faktúru nájdete v sekcii Doklady.', 'nájdete', ['you']],
  ['sk', 'Potvrdenie dostanete e-mailom.', 'dostanete', ['you']],
  ['en', 'You can change it under Settings.', 'can', ['youModal']],
  ['en', "You'll find it in your account.", "you'll", ['youWill']],
  ['en', 'You just need to select the return journey.', 'need', ['youModal']],
  // what the customer has, is, wants, or what a clause supposes: no instruction
  ['cs', 'Máte pravdu.', 'máte', [], ['you']],
  ['cs', 'Pokud máte dotaz, napište nám.', 'dotaz', ['subordinate']],
  ['cs', 'Pokud máte dotaz, napište nám.', 'napište', ['you', 'imperative'], ['subordinate']],
  ['cs', 'Ve vaší lokalitě pobočku nemáme.', 'lokalitě', [], ['you']],
  ['cs', 'Zásilka je jistě na poště.', 'jistě', [], ['you']],
  ['cs', 'Adresa je Tržiště 6.', 'tržiště', [], ['you']],
  ['en', 'You should have read the terms.', 'should', [], ['youModal']],
  ['en', 'If you can, send it.', 'can', ['subordinate']],
  // done actions of ours, statuses, promises
  ['cs', 'Poslala jsem vám nový odkaz.', 'poslala', ['ourPast']],
  ['cs', 'Rezervaci jsme přesunuli na 14. 5.', 'přesunuli', ['ourPast']],
  ['sk', 'Poslal som vám odkaz.', 'poslal', ['ourPast']],
  ['sk', 'Rezerváciu sme presunuli na piatok.', 'presunuli', ['ourPast']],
  ['cs', 'Zásilka odešla včera.', 'odešla', ['past'], ['ourPast']],
  ['cs', 'Včera jste nám psal.', 'psal', [], ['past', 'ourPast']],
  ['cs', 'Zásilka byla odeslána dnes.', 'odeslána', ['passive', 'past']],
  ['cs', 'Reklamace je vyřízena.', 'vyřízena', ['passive'], ['past']],
  ['cs', 'Zboží bude odesláno zítra.', 'odesláno', ['passive', 'future']],
  ['sk', 'Objednávka bola odoslaná včera.', 'odoslaná', ['passive', 'past']],
  ['cs', 'Zítra vám budeme volat.', 'budeme', ['future']],
  ['cs', 'Zítra vám pošleme novou kartu.', 'pošleme', ['ourPresent']],
  ['cs', 'Děkujeme, prosím.', 'děkujeme', [], ['ourPresent']],
  ['en', "We've moved your booking to Friday.", 'moved', ['ourPast']],
  ['en', 'The parcel was dispatched today.', 'dispatched', ['passive', 'past']],
  ['en', 'It left our warehouse this morning.', 'left', ['past']],
  ['en', "We're closed on Sundays.", 'closed', [], ['past', 'passive', 'ourPast']],
  ['en', 'It will be delivered on Thursday.', 'delivered', ['passive', 'future']],
  ['en', "We don't offer discounts.", "don't", ['negated']],
  ['cs', 'Slevy neposkytujeme.', 'neposkytujeme', ['negated']],
];

describe('morphology tags on the Document', () => {
  for (const [language, text, word, want, not = []] of CASES) {
    for (const variant of language === 'en' ? [text] : [text, strip(text)]) {
      it(`${language}: "${variant}" — ${word}`, () => {
        const tags = tagsOf(language, variant, word);
        for (const t of want) expect(tags).toContain(t);
        for (const t of not) expect(tags).not.toContain(t);
      });
    }
  }

  it('tags lazily and once: the same arrays on every read', () => {
    const doc = buildDocument('Dobrý den,\n\npošlete nám prosím fotku.', { language: 'cs' });
    expect(doc.tagged).toBe(doc.tagged);
    expect(doc.tokens).toBe(doc.tokens);
    expect(doc.tagged.map((s) => s.tokens.length)).toEqual([2, 4]);
  });

  it('tags a reply typed without accents exactly as the accented one', () => {
    const text = 'Dobrý den,\n\nzásilka byla odeslána dnes. Heslo si změníte v profilu, fakturu najdete v sekci Doklady. Poslala jsem vám odkaz.';
    const tags = (t: string) => buildDocument(t, { language: 'cs' }).tokens.map((k) => k.tags);
    expect(tags(strip(text))).toEqual(tags(text));
  });
});
