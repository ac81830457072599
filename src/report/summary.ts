import type { LintResult } from '../types.js';

export interface Summary {
  replies: number;
  errors: number;
  warnings: number;
  suggestions: number;
  /** null when nothing was linted: no replies have no mean. */
  meanScore: number | null;
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
    const mean = this.replies ? Math.round((this.scores / this.replies) * 10) / 10 : null;
    return {
      replies: this.replies,
      errors: this.counts.error,
      warnings: this.counts.warning,
      suggestions: this.counts.suggestion,
      meanScore: mean,
      skipped,
    };
  }
}
