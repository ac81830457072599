// Properties of the engine over generated input (fast-check): it never throws, spans
// lie inside the text, fixing is idempotent and does not reintroduce what it fixed,
// and the score is always 0-100.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../src/index.js';
import { defaultConfig } from '../src/config/load-config.js';
import { defaultContext, type LintResult } from '../src/types.js';

const linter = createLinter(defaultConfig());

// Replies made of pieces the rules care about, glued with arbitrary text.
const piece = fc.oneof(
  fc.constantFrom(
    'Hi Anna,',
    'Dobrý den, pane Novák,',
    'Dobry den,',
    'Dobrý deň, pán Novák,',
    'Sorry for any inconvenience.',
    'omlouváme se',
    'Ticket #48213',
    'Požadavek č. 123',
    '[#4411]',
    '{{first_name}}',
    '{{x}',
    'XXX',
    'PLEASE',
    '!!',
    'ETA',
    'as per',
    "We'll look into it.",
    'S pozdravem\nPetr',
    'Best,\nMark',
    '4539 1488 0343 6467',
    '880930/6627',
    '\r\n',
    '\n\n',
    '> quoted',
    'On Mon, Anna wrote:',
    '^Amy',
    '<!-- replylint-disable -->',
    'https://example.com/a?b=1',
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }), // any code unit, lone surrogates included
);
const reply = fc.array(fc.tuple(piece, fc.constantFrom(' ', '\n', '', '\n\n')), { maxLength: 12 }).map((parts) => parts.map(([p, sep]) => p + sep).join(''));
const context = fc.record({
  language: fc.constantFrom(undefined, 'en', 'cs', 'sk'),
  channel: fc.constantFrom('email', 'chat', 'social'),
  customerName: fc.constantFrom(undefined, 'Anna Smith', 'Petr Novák', 'Lucia Tóthová', ''),
  customerMessages: fc.array(fc.oneof(fc.constantFrom('My parcel never arrived!', 'Balík nedorazil.', 'Thanks!'), fc.string({ maxLength: 20 })), {
    maxLength: 2,
  }),
  firstReply: fc.boolean(),
  template: fc.boolean(),
});

const lintIt = (text: string, ctx: object, fix = false): LintResult => linter.lint({ text, source: 'p', context: defaultContext(ctx as never) }, { fix });

describe('engine properties', () => {
  it('never throws, keeps every span inside the text, scores 0-100', () => {
    fc.assert(
      fc.property(reply, context, (text, ctx) => {
        const result = lintIt(text, ctx);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        const lines = text.normalize('NFC').split('\n');
        for (const v of result.violations) {
          expect(v.line).toBeGreaterThanOrEqual(1);
          expect(v.endLine).toBeLessThanOrEqual(lines.length);
          expect(v.endLine > v.line || (v.endLine === v.line && v.endColumn >= v.column)).toBe(true);
          expect(v.column).toBeLessThanOrEqual(lines[v.line - 1].length + 1);
          expect(v.endColumn).toBeLessThanOrEqual(lines[v.endLine - 1].length + 1);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('fixing is idempotent and never reintroduces a violation it fixed', () => {
    fc.assert(
      fc.property(reply, context, (text, ctx) => {
        const fixed = lintIt(text, ctx, true);
        const once = fixed.output ?? text.normalize('NFC');
        const twice = lintIt(once, ctx, true);
        expect(twice.output ?? once).toBe(once);
        const fixedRules = new Set(
          lintIt(text, ctx)
            .violations.filter((v) => v.fix)
            .map((v) => v.rule),
        );
        const after = lintIt(once, ctx).violations.filter((v) => v.fix && fixedRules.has(v.rule));
        expect(after).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });

  it('survives a 1 MB line and control characters', () => {
    const long = `Hi Anna, ${'la '.repeat(350_000)}\u0000\u0007\u001b[31m ok`;
    const result = lintIt(long, {});
    expect(result.score).toBeGreaterThanOrEqual(0);
  }, 30_000);
});
