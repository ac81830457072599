import type { LintResult } from '../types.js';

export interface Summary {
  replies: number;
  errors: number;
  warnings: number;
  suggestions: number;
  meanScore: number;
  skipped: number;
}

/** The summary's counts, added up one result at a time: a streamed report keeps no results. */
export class SummaryTally {
  private replies = 0;
  private scores = 0;
  private readonly counts = { error: 0, warning: 0, suggestion: 0 };

  add(result: LintResult): void {
    this.replies++;
    this.scores += result.score;
    for (const v of result.violations) this.counts[v.severity]++;
  }

  summary(skipped: number): Summary {
    const mean = this.replies ? this.scores / this.replies : 100;
    return {
      replies: this.replies,
      errors: this.counts.error,
      warnings: this.counts.warning,
      suggestions: this.counts.suggestion,
      meanScore: Math.round(mean * 10) / 10,
      skipped,
    };
  }
}

