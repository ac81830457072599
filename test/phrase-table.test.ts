// The build's phrase tables as text (src/phrases/phrase-table.ts): what is written is what
// is read back, field by field, and a phrase the format cannot hold stops the build.
import { describe, expect, it } from 'vitest';
import { formatPhraseTable, PhraseTable } from '../src/phrases/phrase-table.js';
import type { CompiledPhrase } from '../src/phrases/phrase.js';

const phrases: Record<string, CompiledPhrase> = {
  '~cs/apology:omlouváme se': { source: '(?<![a-z0-9_])omlouvame[\\s,;:]+se(?![a-z0-9_])', flags: 'g', literals: ['omlouvame'], also: ['se'] },
  '~en/greeting:hi {name}': { source: 'hi[\\s,;:]+\\p{L}+', flags: 'gu', boundaries: { before: true, after: false } },
  '=any/no-shouting:URGENT': { source: 'URGENT', flags: 'g', boundaries: { before: false, after: true }, literals: ['urgent', 'asap'] },
  'common:a|b': { source: 'a|b', flags: '' },
};

describe('phrase tables', () => {
  it('read back every phrase as written, and nothing else', () => {
    const table = new PhraseTable(formatPhraseTable(phrases));
    expect(table.size).toBe(4);
    for (const [key, phrase] of Object.entries(phrases)) expect(table.get(key)).toEqual(phrase);
    expect(table.get('~cs/apology:omlouvám se')).toBeUndefined();
    expect(table.get('~cs/apology')).toBeUndefined();
    expect([...table.keys()].sort()).toEqual(Object.keys(phrases).sort());
  });

  it('hold a table of one phrase, with or without its last line break', () => {
    const text = formatPhraseTable({ k: { source: 'x', flags: 'g', literals: ['x'] } });
    expect(new PhraseTable(text).get('k')).toEqual({ source: 'x', flags: 'g', literals: ['x'] });
    expect(new PhraseTable(text.trimEnd()).get('k')).toEqual({ source: 'x', flags: 'g', literals: ['x'] });
    expect(new PhraseTable('').size).toBe(0);
  });

  it('refuse a phrase that would break a line or a field', () => {
    expect(() => formatPhraseTable({ 'a\tb': { source: 'a', flags: '' } })).toThrow(/cannot be stored/);
    expect(() => formatPhraseTable({ k: { source: 'a\nb', flags: '' } })).toThrow(/cannot be stored/);
    expect(() => formatPhraseTable({ k: { source: 'a', flags: '', literals: ['a\u001fb'] } })).toThrow(/cannot be stored/);
    expect(() => formatPhraseTable({ k: { source: 'a', flags: '', literals: [] } })).toThrow(/cannot be stored/);
  });
});
