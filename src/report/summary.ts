import type { LintResult } from '../types.js';

export interface Summary {
  replies: number;
  errors: number;
  warnings: number;
  suggestions: number;
  meanScore: number;
  skipped: number;
}

export function summarize(results: readonly LintResult[], skipped: number): Summary {
  const count = (severity: string) => results.reduce((n, r) => n + r.violations.filter((v) => v.severity === severity).length, 0);
  const mean = results.length ? results.reduce((s, r) => s + r.score, 0) / results.length : 100;
  return {
    replies: results.length,
    errors: count('error'),
    warnings: count('warning'),
    suggestions: count('suggestion'),
    meanScore: Math.round(mean * 10) / 10,
    skipped,
  };
}
