// The language data rule authors maintain in rules/language/*.yaml (src/language/data.ts):
// every list the code reads is there, the build's copy is used while current, the YAML
// when a file was edited since, and a malformed list is an error naming file and key.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGE_FILES, LANGUAGE_KEYS, languageFilePath, languageList, useBuiltLanguageFiles } from '../src/language/data.js';
import { helperFor } from '../src/language/index.js';
import { detectLanguage } from '../src/document/language.js';
import { fold } from '../src/text/fold.js';

const yaml = (name: (typeof LANGUAGE_FILES)[number]) => parse(readFileSync(languageFilePath(name), 'utf8')) as Record<string, unknown>;

describe('language data', () => {
  afterEach(() => useBuiltLanguageFiles(() => undefined));

  it('holds every list the code reads, as words', () => {
    for (const name of LANGUAGE_FILES) {
      for (const key of LANGUAGE_KEYS[name]) {
        const list = languageList(name, key);
        expect(list.length, `${name} ${key}`).toBeGreaterThan(0);
        // Words are folded; valedictions are phrases, written with their diacritics.
        if (key !== 'valedictions') for (const w of list) expect(fold(w), `${name} ${key} "${w}"`).toBe(w);
      }
    }
  });

  it("takes the build's copy while it is current, and the YAML when it is not", () => {
    const cs = yaml('cs');
    useBuiltLanguageFiles((name) => (name === 'cs' ? { ...cs, titles: ['mistre'] } : undefined));
    expect(helperFor('cs').titles).toEqual(['mistre']);
    expect(helperFor('en').titles).toEqual(yaml('en').titles);
    useBuiltLanguageFiles(() => undefined);
    expect(helperFor('cs').titles).toEqual(cs.titles);
  });

  it('decides what it is read for: a detection word added tips a reply', () => {
    const text = 'Hodne stesti, kamarade.';
    expect(detectLanguage(text, fold(text))).not.toBe('sk');
    const sk = yaml('sk');
    useBuiltLanguageFiles((name) =>
      name === 'sk' ? { ...sk, detectionWords: [...(sk.detectionWords as string[]), 'hodne', 'stesti', 'kamarade'] } : undefined,
    );
    expect(detectLanguage(text, fold(text))).toBe('sk');
  });

  it('says which file and key are wrong', () => {
    useBuiltLanguageFiles((name) => (name === 'en' ? { ...yaml('en'), titles: 'mr' } : undefined));
    expect(() => languageList('en', 'titles')).toThrow('rules/language/en.yaml: "titles" must be a list of words (it is not)');
    useBuiltLanguageFiles((name) => (name === 'cs-sk' ? { grammar: {} } : undefined));
    expect(() => languageList('cs-sk', 'grammar.notYou')).toThrow('rules/language/cs-sk.yaml: "grammar.notYou" must be a list of words (it is missing)');
  });
});
