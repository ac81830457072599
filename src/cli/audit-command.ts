// `replylint audit`: the command's checks of its flags, its messages and exit code around
// the audit itself (run/audit.ts, which the library's audit() runs too).
import { describeFiltered, type FilteredOut } from '../audit/filtered.js';
import type { AuditFigures } from '../audit/figures.js';
import { ConfigError } from '../config/errors.js';
import { resolveConfig } from '../config/find-config.js';
import { noticeLine } from '../report/notice-line.js';
import { runAudit, workerCount, type AuditOptions, type AuditResult } from '../run/audit.js';
import { say } from './say.js';
import { stdout } from './stdio.js';

/** The audit command's run (the CLI's \`replylint audit\`), to its exit code. */
export async function auditAction(files: string[], opts: AuditOptions & { config?: string }): Promise<number> {
  const onlyWithVocabulary = (['minConversations', 'customerRatio', 'top'] as const).filter((k) => opts[k] !== undefined);
  if (onlyWithVocabulary.length && !opts.vocabulary) {
    const flag = { minConversations: '--min-conversations', customerRatio: '--customer-ratio', top: '--top' }[onlyWithVocabulary[0]];
    throw new ConfigError(`${flag} applies to --vocabulary only`, undefined, `add --vocabulary to list candidate jargon, or leave ${flag} out`);
  }
  stdout(); // the report streams to process.stdout: guard it against a reader that stops early
  // More workers than cores only share the cores and cost ~30 MB each: the count is
  // capped, not refused, so that one command line serves machines of any size.
  const cores = opts.workers === undefined ? undefined : workerCount(opts.workers);
  if (cores !== undefined && cores < opts.workers!)
    say(`--workers ${opts.workers} is more than this machine's ${cores} core${cores === 1 ? '' : 's'}; using ${cores}`);
  const config = await resolveConfig(opts.config, process.cwd());
  let result: AuditResult;
  try {
    result = await runAudit(config, files, { ...opts, locale: opts.locale ?? config.locale, progress: process.stderr.isTTY });
  } catch (err) {
    if (/^(?:"|--csv-columns)/.test((err as Error).message)) throw new ConfigError(`--csv-columns: ${(err as Error).message}`);
    throw err;
  }
  for (const n of result.notices) process.stderr.write(noticeLine(n)); // masked by the audit under --redact
  if (result.vocabulary) return result.figures.bySeverity.error > 0 ? 1 : 0;
  const filters = [
    ...(opts.agent ?? []).map((a) => `--agent "${a}"`),
    ...(opts.since ? [`--since ${opts.since}`] : []),
    ...(opts.until ? [`--until ${opts.until}`] : []),
  ].join(' ');
  const nothing = auditOfNothing(result.figures, result.filtered, filters);
  if (!nothing) return result.figures.bySeverity.error > 0 ? 1 : 0;
  // One shard of nothing is no failure of the fleet's job: the merge judges the whole audit.
  if (opts.shard) {
    say(`shard ${opts.shard.index}/${opts.shard.count}: ${nothing}; audit merge says whether the whole audit is empty`);
    return 0;
  }
  say(nothing);
  return 2;
}

/** An audit of nothing is no clean audit (exit 2): why, or undefined when something was audited. */
export function auditOfNothing(figures: AuditFigures, filtered: FilteredOut, filters: string): string | undefined {
  if (figures.replies > 0) return undefined;
  if (filtered.replies > 0) return `no reply matches ${filters}; ${describeFiltered(filtered)}`;
  if (figures.skipped > 0)
    return `nothing was audited: ${figures.skipped === 1 ? 'the input was' : `all ${figures.skipped} inputs were`} skipped (see why above)`;
  return undefined;
}
