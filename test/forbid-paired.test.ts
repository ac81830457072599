// forbid-paired (no-deflection's kind): a phrase on its own, or two softer halves within
// a sentence of each other, reported once with both parts in the message.
import { describe, expect, it } from 'vitest';
import { createLinter, lint } from '../src/index.js';
import { defaultConfig } from '../src/config/load-config.js';
import { violationsOf } from './helpers.js';

describe('forbid-paired', () => {
  it('pairs whose business it is with "contact them" across one sentence boundary, in either order', () => {
    const [v] = violationsOf('no-deflection', 'Hi Tom, we are only the marketplace. Please contact them directly.', { language: 'en' });
    expect(v.message).toContain('we are only the marketplace … Please contact them');
    expect(violationsOf('no-deflection', 'Dobrý den, napište jim. Je to jiné oddělení.', { language: 'cs' })).toHaveLength(1);
  });

  it('leaves either half alone, and halves two sentences apart', () => {
    expect(violationsOf('no-deflection', 'Hi Tom, we are only the marketplace, so I have asked the seller to call you today.', { language: 'en' })).toEqual([]);
    expect(
      violationsOf('no-deflection', 'Hi Tom, our courier will call you tomorrow. If the time does not suit, please contact them.', { language: 'en' }),
    ).toEqual([]);
    expect(violationsOf('no-deflection', 'Hi Tom, we are only the marketplace. The parcel left on Monday. Please contact them.', { language: 'en' })).toEqual(
      [],
    );
  });

  it('reports a phrase found on its own once, not again as half of a pair', () => {
    const found = violationsOf('no-deflection', 'Dobrý den, to už není naše starost, obraťte se prosím na dopravce.', { language: 'cs' });
    expect(found.map((v) => v.message)).toEqual([expect.stringContaining('to už není naše starost'), expect.stringContaining('obraťte se prosím na dopravce')]);
  });

  it('the own brand is no third party: "contact Apple Support" in Apple\'s replies', () => {
    const linter = createLinter({ ...defaultConfig(), brand: { names: ['Apple'], domains: [], phones: [] } });
    const of = (text: string, language: 'en' | 'cs') => lint(text, { language }, { linter }).violations.filter((v) => v.rule === 'no-deflection');
    expect(of('Hi Tom, please contact Apple directly about the repair.', 'en')).toEqual([]);
    expect(of('Dobrý den, obraťte se prosím přímo na Apple.', 'cs')).toEqual([]);
    expect(violationsOf('no-deflection', 'Hi Tom, please contact Apple directly about the repair.', { language: 'en' })).toHaveLength(1);
    expect(of('Hi Tom, please contact your bank directly about the charge.', 'en')).toHaveLength(1);
  });
});
