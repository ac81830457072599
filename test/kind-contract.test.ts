// The engine holds a rule kind to what it declares (issue 12): the message keys a rule
// file must give, given the fields it sets.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config/errors.js';
import { parseYaml } from '../src/config/yaml-source.js';
import { compileRule } from '../src/engine/load-rules.js';
import { buildDocument } from '../src/document/document.js';
import { defaultContext } from '../src/types.js';

const rule = (yaml: string) => compileRule(parseYaml(yaml, 'team-rule.yaml'), 'team-rule', { jargon: [], allow: [] });

const FORBID = `
kind: required-when
level: warning
description: Apologise, and never with a hedge.
require:
  en: [sorry]
forbid:
  en: [sorry for any inconvenience]
`;

describe('message keys', () => {
  it('asks for "forbidden" of a required-when rule that forbids, naming the file', () => {
    expect(() => rule(`${FORBID}messages:\n  missing: Apologise.\n`)).toThrow(ConfigError);
    expect(() => rule(`${FORBID}messages:\n  missing: Apologise.\n`)).toThrow(/"messages" is missing "forbidden"/);
  });
  it('uses the rule\'s own "forbidden" text, never the bare key', () => {
    const r = rule(`${FORBID}messages:\n  missing: Apologise.\n  forbidden: Say sorry for what happened, not for "any inconvenience".\n`);
    const text = 'Hi Anna, sorry for any inconvenience.';
    const findings = r.check({
      doc: buildDocument(text, { language: 'en' }),
      reply: { text, source: 't', context: defaultContext({ language: 'en' }) },
      language: 'en',
    });
    expect(findings.map((f) => f.message)).toContain('forbidden');
    expect(r.messages.forbidden?.en).toMatch(/not for "any inconvenience"/);
  });
  it('does not ask for "forbidden" of a rule with no forbid list', () => {
    expect(() =>
      rule(`kind: required-when\nlevel: warning\ndescription: Say thanks.\nrequire:\n  en: [thanks]\nmessages:\n  missing: Say thanks.\n`),
    ).not.toThrow();
  });
});

describe('fixable, as the kinds declare it', () => {
  it('says so of the rules that fix and of no other (rules --json)', async () => {
    const { createLinter } = await import('../src/index.js');
    const { formatRules } = await import('../src/cli/rules-command.js');
    const listed = JSON.parse(formatRules(createLinter().rules, true)) as { id: string; fixable: boolean }[];
    const fixable = listed
      .filter((r) => r.fixable)
      .map((r) => r.id)
      .sort();
    expect(fixable).toEqual(['name-use', 'no-ticket-clutter']);
  });
});

describe("a config's options for a rule", () => {
  const load = async (yaml: string) => {
    const { tempFile } = await import('./helpers.js');
    const { loadConfigFile } = await import('../src/config/load-config.js');
    const { loadRuleSet } = await import('../src/engine/rule-set.js');
    const file = tempFile('replylint.yaml', yaml);
    return () => loadRuleSet(loadConfigFile(file));
  };
  it('are checked against the kind, at their place in the config', async () => {
    const misspelt = await load('rules:\n  no-shouting: [warning, {minLenght: 3}]\n');
    expect(misspelt).toThrow(/no option "minLenght"/);
    try {
      misspelt();
    } catch (err) {
      expect((err as ConfigError).format()).toMatch(/replylint\.yaml:2:\d+: rule "no-shouting" has no option "minLenght"[\s\S]*did you mean "minLength"/);
    }
    expect(await load('rules:\n  no-shouting: [warning, {maxExclamations: "lots"}]\n')).toThrow(/"maxExclamations" must be a number/);
    expect(await load('rules:\n  no-shouting: [warning, {maxExclamations: 1}]\n')).not.toThrow();
  });
  it('name the config, not the rule file, for a bad phrase among them', async () => {
    const bad = await load('rules:\n  greeting: [warning, {phrases: {en: ["(hello"]}}]\n');
    try {
      bad();
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).format()).toMatch(/replylint\.yaml:2:\d+: bad phrase "\(hello"/);
    }
  });
});
