// Picking a report format, loaded when asked for. Each writes a result as it comes where
// the format allows (json, sarif, csv, stylish), so a long run keeps no results in memory.
import type { Rule } from '../engine/rule.js';
import type { Notice } from '../input/notice.js';
import type { LintResult, Locale } from '../types.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportOptions {
  rules: readonly Rule[];
  version: string;
  /** --color / --no-color; undefined: the environment and the terminal decide (./color.ts). */
  color?: boolean;
  /** The report goes to a file (-o): no colour unless asked for. */
  toFile?: boolean;
  /** The language of the report's own words (default auto: the replies'). */
  locale?: Locale;
}

/** A report written as the results come: add() each result once, then end() with the inputs skipped. */
export interface ReportWriter {
  add(result: LintResult): void;
  end(notices: readonly Notice[]): void;
}

/** A format that needs every result before its first line (JUnit's totals lead its file). */
function collected(write: (text: string) => void, format: (results: readonly LintResult[]) => string): ReportWriter {
  const results: LintResult[] = [];
  return { add: (r) => results.push(r), end: () => write(format(results)) };
}

export async function reportWriter(format: Format, write: (text: string) => void, options: ReportOptions): Promise<ReportWriter> {
  switch (format) {
    case 'json':
      return new (await import('./json.js')).JsonReport(write);
    case 'sarif':
      return new (await import('./sarif.js')).SarifReport(write, options.rules, options.version);
    case 'junit':
      return collected(write, (await import('./junit.js')).formatJunit);
    case 'github':
      return collected(write, (await import('./github.js')).formatGithub);
    case 'csv':
      return new (await import('./csv.js')).CsvReport(write);
    default: {
      const [{ StylishReport }, { chalkFor }] = await Promise.all([import('./stylish.js'), import('./color.js')]);
      return new StylishReport(write, await chalkFor(options.color, options.toFile), options.locale);
    }
  }
}
