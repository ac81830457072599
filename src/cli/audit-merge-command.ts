// `replylint audit merge`: the command's messages and exit code around the merge itself
// (run/audit-merge.ts). Exit codes as the audit's: 1 when the merged figures hold errors,
// 2 when the files cannot be merged or the merged audit is of nothing.
import type { Locale } from '../types.js';
import { runAuditMerge, type MergeOptions } from '../run/audit-merge.js';
import { numberRuns } from '../lists.js';
import { auditOfNothing } from './audit-command.js';
import { say } from './say.js';
import { stdout } from './stdio.js';

export interface MergeActionOptions {
  format: MergeOptions['format'];
  outputFile?: string;
  allowMissing?: boolean;
  locale?: Locale;
  color?: boolean;
}

export async function auditMergeAction(files: string[], opts: MergeActionOptions): Promise<number> {
  const out = stdout(); // guarded against a reader that stops early
  const result = await runAuditMerge(files, {
    format: opts.format,
    output: opts.outputFile,
    locale: opts.locale,
    color: opts.color,
    allowMissing: opts.allowMissing,
    write: (chunk) => void out.write(chunk),
  });
  const { figures, settings } = result;
  if (figures.incomplete)
    say(
      `the report is incomplete: shard${figures.incomplete.missing.length === 1 ? '' : 's'} ${numberRuns(figures.incomplete.missing)} of ${figures.incomplete.shards} missing (--allow-missing)`,
    );
  const filters = [
    ...settings.agents.map((a) => `--agent "${a}"`),
    ...(settings.since ? [`--since ${settings.since}`] : []),
    ...(settings.until ? [`--until ${settings.until}`] : []),
  ].join(' ');
  const nothing = auditOfNothing(figures, result.filtered, filters);
  if (nothing) {
    say(nothing.replace(' (see why above)', ' (the shards said why)'));
    return 2;
  }
  return figures.bySeverity.error > 0 ? 1 : 0;
}
