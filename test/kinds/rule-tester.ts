// A rule kind tested with inline rules, as ESLint's RuleTester tests a rule: each case is
// a reply (with its context), and an invalid one lists the message keys it reports, the
// text each one marks and, where the rule fixes, the reply after fixing.
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/config/yaml-source.js';
import { buildDocument } from '../../src/document/document.js';
import { applyFixes } from '../../src/engine/fix.js';
import { compileRule } from '../../src/engine/load-rules.js';
import type { Finding, Vocabulary } from '../../src/engine/rule.js';
import { defaultContext, type Language, type ReplyContext } from '../../src/types.js';

export interface Case {
  text: string;
  language?: Language;
  context?: Partial<ReplyContext>;
  /** A config's vocabulary for the rule (its nicknames, jargon…). */
  vocabulary?: Partial<Vocabulary>;
}

export interface Invalid extends Case {
  /** Per finding, in order: its message key and the text it marks. */
  errors: { message: string; marks?: string }[];
  /** The reply after applying the findings' fixes. */
  output?: string;
}

function check(yaml: string, c: Case): { findings: Finding[]; text: string } {
  const rule = compileRule(parseYaml(yaml, 'inline-rule.yaml'), 'inline-rule', { jargon: [], allow: [], ...c.vocabulary });
  const context = defaultContext({ ...c.context, language: c.language ?? c.context?.language });
  const doc = buildDocument(c.text, { language: context.language });
  return { findings: rule.check({ doc, reply: { text: c.text, source: 'test', context }, language: doc.language }), text: doc.text };
}

/** One describe block per kind: its valid cases report nothing, its invalid ones exactly their errors. */
export function testKind(kind: string, yaml: string, cases: { valid: Case[]; invalid: Invalid[] }): void {
  describe(`rule kind ${kind}`, () => {
    it.each(cases.valid.map((c) => [c.text, c] as const))('valid: %s', (_, c) => {
      expect(check(yaml, c).findings.map((f) => f.message)).toEqual([]);
    });
    it.each(cases.invalid.map((c) => [c.text, c] as const))('invalid: %s', (_, c) => {
      const { findings, text } = check(yaml, c);
      expect(
        findings.map((f) => ({ message: f.message, ...(c.errors.some((e) => e.marks !== undefined) ? { marks: text.slice(f.start, f.end) } : {}) })),
      ).toEqual(c.errors);
      if (c.output !== undefined)
        expect(
          applyFixes(
            text,
            findings.flatMap((f) => (f.fix ? [f.fix] : [])),
          ).text,
        ).toBe(c.output);
    });
  });
}
