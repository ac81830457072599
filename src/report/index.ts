// Picking a report format: each is a pure function from results to text, loaded when asked for.
import type { Rule } from '../engine/rule.js';
import type { Notice } from '../input/notice.js';
import type { LintResult } from '../types.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportInput {
  results: readonly LintResult[];
  notices: readonly Notice[];
  rules: readonly Rule[];
  version: string;
  quiet?: boolean;
  /** Colour for stylish output (chalk decides from the terminal and NO_COLOR). */
  color?: boolean;
}

export async function renderReport(format: Format, input: ReportInput): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('./json.js')).formatJson(input.results, input.notices);
    case 'sarif':
      return (await import('./sarif.js')).formatSarif(input.results, input.rules, input.version);
    case 'junit':
      return (await import('./junit.js')).formatJunit(input.results);
    case 'github':
      return (await import('./github.js')).formatGithub(input.results);
    case 'csv':
      return (await import('./csv.js')).formatCsv(input.results);
    default: {
      const [{ formatStylish }, { default: chalk }] = await Promise.all([import('./stylish.js'), import('chalk')]);
      return formatStylish(input.results, input.notices, chalk, { quiet: input.quiet });
    }
  }
}
