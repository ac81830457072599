// Every rule proves itself: the examples in its YAML file are run here.
import { describe, expect, it } from 'vitest';
import { createLinter } from '../src/index.js';
import { defaultConfig } from '../src/config/load-config.js';
import { defaultContext } from '../src/types.js';
import { join } from 'node:path';

// Every rule on (spelling is opt-in), spelling with the small test dictionaries.
const config = defaultConfig();
config.rules.spelling = { level: 'suggestion' };
config.vocabulary.dictionaries = Object.fromEntries(['en', 'cs', 'sk'].map((l) => [l, join(import.meta.dirname, 'fixtures', 'hunspell', `${l}_TEST`)]));
const linter = createLinter(config);
await linter.prepare();

describe.each(linter.rules.map((r) => [r.id, r] as const))('%s examples', (id, rule) => {
  it('has examples that pass and fail in every language', () => {
    for (const lang of rule.languages) {
      const mine = rule.examples.filter((e) => e.lang === lang);
      expect(
        mine.some((e) => e.expect === 'pass'),
        `${id}: a passing ${lang} example`,
      ).toBe(true);
      expect(
        mine.some((e) => e.expect === 'fail'),
        `${id}: a failing ${lang} example`,
      ).toBe(true);
    }
  });

  it('has every message and hint in English, Czech and Slovak', () => {
    for (const [key, texts] of [...Object.entries(rule.messages), ...Object.entries(rule.hints)]) {
      for (const lang of ['en', 'cs', 'sk'] as const) expect(texts[lang], `${id}: ${key} in ${lang}`).toBeTruthy();
    }
  });

  it.each(rule.examples.map((e, i) => [`${e.lang} #${i + 1} ${e.expect}`, e] as const))('%s', (_, example) => {
    const c = example.context ?? {};
    const context = defaultContext({
      language: example.lang,
      channel: (c.channel as 'email' | 'chat' | 'social' | undefined) ?? 'email',
      customerName: c.customerName as string | undefined,
      agentName: c.agentName as string | undefined,
      customerMessages: c.customerMessage ? [c.customerMessage as string] : [],
      firstReply: (c.firstReply as boolean | undefined) ?? true,
      template: (c.template as boolean | undefined) ?? false,
    });
    const result = linter.lint({ text: example.text, source: 'example', context });
    const fired = result.violations.filter((v) => v.rule === id);
    if (example.expect === 'fail') expect(fired.length, `expected ${id} to fire on:\n${example.text}`).toBeGreaterThan(0);
    else expect(fired, `expected ${id} to stay silent on:\n${example.text}`).toEqual([]);
  });
});
