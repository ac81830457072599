// The audit's reports that are written whole from the figures at the end (HTML, stylish),
// for an audit and for `audit merge` alike: merged shards print what one run prints.
import type { AuditFigures } from '../audit/figures.js';
import type { Locale } from '../types.js';

export interface WholeReportOptions {
  format: string;
  locale?: Locale;
  color?: boolean;
  /** The report goes to a file (-o): stylish is then plain unless --color says otherwise. */
  output?: string;
}

export async function writeWholeReport(figures: AuditFigures, options: WholeReportOptions, write: (chunk: string) => void): Promise<void> {
  if (options.format === 'html') {
    const { formatAuditHtml } = await import('../report/audit-html.js');
    write(formatAuditHtml(figures, undefined, options.locale));
  }
  if (options.format === 'stylish') {
    const [{ formatAuditStylish }, { chalkFor }] = await Promise.all([import('../report/audit-stylish.js'), import('../report/color.js')]);
    write(formatAuditStylish(figures, await chalkFor(options.color, options.output !== undefined), options.locale));
  }
}
