// spelling: words Hunspell does not know, per language. Opt-in: it needs dictionaries
// (Debian: hunspell-en-us, hunspell-cs, hunspell-sk; or paths in the config's
// vocabulary.dictionaries). The Czech dictionary is GPL, so none is bundled. The
// WebAssembly Hunspell (hunspell-asm) loads in ~0.4 s, once, in prepare().
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ConfigError } from '../../config/errors.js';
import { inLiteral } from '../../document/document.js';
import { fold, isUpper } from '../../text/fold.js';
import type { Language } from '../../types.js';
import type { Check, Finding, RuleKind } from '../rule.js';

const DEFAULT_DICTIONARIES: Record<Language, string> = {
  en: '/usr/share/hunspell/en_US',
  cs: '/usr/share/hunspell/cs_CZ',
  sk: '/usr/share/hunspell/sk_SK',
};
const PACKAGES: Record<Language, string> = { en: 'hunspell-en-us', cs: 'hunspell-cs', sk: 'hunspell-sk' };

interface Speller {
  spell(word: string): boolean;
  suggest(word: string): string[];
}
interface HunspellFactory {
  mountBuffer(contents: ArrayBufferView, name?: string): string;
  create(aff: string, dic: string): Speller;
}

/** Hunspell files may be in a legacy encoding (cs_CZ is ISO-8859-2); the WASM build reads UTF-8. */
function asUtf8(bytes: Buffer, encoding: string, isAff: boolean): Buffer {
  const enc = encoding.toLowerCase().replace(/^iso(\d)/, 'iso-$1');
  let text = enc === 'utf-8' || enc === 'utf8' ? bytes.toString('utf8') : new TextDecoder(enc).decode(bytes);
  if (isAff) text = text.replace(/^SET\s+\S+/m, 'SET UTF-8');
  return Buffer.from(text, 'utf8');
}

// Made on first use (a \p{…} class costs a third of a millisecond to construct).
let wordRegex: RegExp | undefined;
const words = () => (wordRegex ??= /[\p{L}][\p{L}'’-]*[\p{L}]|[\p{L}]/gu);

export const spelling: RuleKind = {
  name: 'spelling',
  doc: "Words the Hunspell dictionary of the reply's language does not know, outside names, acronyms and the config's allowed words. It needs dictionaries installed or named in the config.",
  fields: {},
  messages: ['unknown'],
  fixable: () => false,
  compile({ vocabulary }) {
    const spellers: Partial<Record<Language, Speller>> = {};
    const allowed = new Set(vocabulary.allow.map((w) => w.toLowerCase()));
    const check: Check = ({ doc, language }) => {
      const speller = spellers[language];
      if (!speller) return [];
      const findings: Finding[] = [];
      const text = doc.text.slice(doc.content.start, doc.content.end);
      const sentenceStarts = new Set(doc.sentences.map((s) => s.start));
      for (const m of text.matchAll(words())) {
        const start = doc.content.start + m.index!;
        const word = m[0];
        const end = start + word.length;
        if (word.length < 2 || allowed.has(word.toLowerCase()) || inLiteral(doc, start, end)) continue;
        // Names and acronyms are not for a dictionary: capitals inside a sentence, or all caps.
        const sentenceStart = sentenceStarts.has(start);
        if (word === word.toUpperCase() || (isUpper(word[0]) && !sentenceStart) || /\p{Lu}/u.test(word.slice(1))) continue;
        if (speller.spell(word) || speller.spell(word.toLowerCase())) continue;
        const suggestions = speller.suggest(word);
        // A word typed without its diacritics ("zasilka" for "zásilka") is spelt right:
        // replies typed that way are a fact of Czech and Slovak life, not a misspelling.
        if (suggestions.some((s) => fold(s) === fold(word))) continue;
        suggestions.length = Math.min(suggestions.length, 3);
        findings.push({ start, end, message: 'unknown', data: { match: word, suggestions: suggestions.join(', ') } });
      }
      return findings;
    };
    check.prepare = async () => {
      const { loadModule } = createRequire(import.meta.url)('hunspell-asm') as { loadModule: () => Promise<HunspellFactory> };
      const factory = await loadModule();
      const missing: string[] = [];
      for (const lang of Object.keys(DEFAULT_DICTIONARIES) as Language[]) {
        const base = vocabulary.dictionaries?.[lang] ?? DEFAULT_DICTIONARIES[lang];
        if (!existsSync(`${base}.aff`) || !existsSync(`${base}.dic`)) {
          missing.push(`${lang}: ${base}.aff/.dic (${PACKAGES[lang]})`);
          continue;
        }
        const affBytes = readFileSync(`${base}.aff`);
        const encoding = /^SET\s+(\S+)/m.exec(affBytes.toString('latin1'))?.[1] ?? 'UTF-8';
        const aff = factory.mountBuffer(asUtf8(affBytes, encoding, true), `${lang}.aff`);
        const dic = factory.mountBuffer(asUtf8(readFileSync(`${base}.dic`), encoding, false), `${lang}.dic`);
        spellers[lang] = factory.create(aff, dic);
      }
      if (missing.length === 3) {
        throw new ConfigError(
          `spelling is on, but no Hunspell dictionary was found (${missing.join('; ')})`,
          undefined,
          'install them (apt-get install hunspell-en-us hunspell-cs hunspell-sk) or point "vocabulary.dictionaries" at .aff/.dic files, or turn spelling off',
        );
      }
    };
    return check;
  },
};
