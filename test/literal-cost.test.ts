// The build's estimate of how often a literal occurs in replies (scripts/literal-cost.mjs).
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script, plain JavaScript
import { literalCostFrom } from '../scripts/literal-cost.mjs';

const derived = {
  englishWords: ['the', 'you', 'will', 'not', 'can', 'back', 'ask', 'task', 'basket', 'refund', 'courier'],
  czechWords: ['se', 'je', 'ne', 'dopravce', 'kurýr'],
};

describe('literal cost', () => {
  const cost = literalCostFrom(derived) as (literal: string) => number;
  it('rates common words above rare ones, and a text inside common words as common', () => {
    expect(cost('you')).toBeGreaterThan(cost('courier'));
    expect(cost('ask')).toBeGreaterThan(cost('task'));
    expect(cost('ne')).toBeGreaterThan(cost('dopravce'));
  });
  it('rates a literal of several words by its rarest', () => {
    expect(cost('will not')).toBeLessThanOrEqual(cost('will'));
    expect(cost("don't")).toBeLessThan(cost('the'));
  });
  it('charges every literal a lookup, so a smaller set of unknown texts wins', () => {
    expect(cost('zzqx')).toBeGreaterThan(0);
    expect(cost('zzqx') + cost('qqzx')).toBeGreaterThan(cost('zzqx'));
  });
  it('is undefined without frequency lists (the compiler keeps its default)', () => {
    expect(literalCostFrom({})).toBeUndefined();
  });
});
