// `replylint [files…]`: lint replies from files, folders, globs or stdin, report them, and
// say with the exit code whether they pass (0 clean, 1 violations, 2 usage or config error).
import { appendFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defaultConfig, loadConfigFile, withRuleSettings, type ResolvedConfig } from '../config/load-config.js';
import { ConfigTree } from '../config/find-config.js';
import { FileSetups } from '../run/file-setups.js';
import type { Notice } from '../input/notice.js';
import { maxOf } from '../lists.js';
import { safeJson, terminalText } from '../report/escape.js';
import { reportWriter, type Format } from '../report/index.js';
import { noticeLine } from '../report/notice-line.js';
import type { LintResult, Locale } from '../types.js';
import { ExitTally, lintInputs, readsStdin, type LintCommandOptions } from '../run/lint-files.js';
import { beginReport } from '../run/safe-write.js';
import { say } from './say.js';
import { StdoutWriter, stdout } from './stdio.js';
import { stdinIsTerminal } from '../input/stdin.js';
import { Baseline } from './suppressions.js';

export interface BaselineOptions {
  suppressAll?: boolean;
  pruneSuppressions?: boolean;
  suppressionsLocation?: string;
}

/**
 * Where the lint report goes: standard output as it is written, or the -o file, which
 * replaces the previous report only once whole.
 */
function reportOutput(
  outputFile: string | undefined,
  toStderr = false,
): { write: (text: string) => void; drained: () => Promise<void>; commit: () => void; abort: () => void; notice?: Notice } {
  if (toStderr && !outputFile) return { write: (text) => void process.stderr.write(text), drained: async () => {}, commit: () => {}, abort: () => {} };
  if (outputFile) {
    const report = beginReport(outputFile);
    return { write: report.write, drained: async () => {}, commit: report.commit, abort: report.abort, notice: report.notice };
  }
  const out = new StdoutWriter();
  return { write: out.write, drained: () => out.drained(), commit: () => {}, abort: () => {} };
}

/** Each rule's time, summed over the linters of the run's configs. */
function sumTimes(setups: readonly { linter: { timing?: Map<string, number> } }[]): Map<string, number> {
  const sum = new Map<string, number>();
  for (const { linter } of setups) for (const [id, ms] of linter.timing ?? []) sum.set(id, (sum.get(id) ?? 0) + ms);
  return sum;
}

/** TIMING=1: the rules that took longest, as ESLint prints them. */
function formatTiming(timing: Map<string, number>): string {
  const rows = [...timing].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TIMING) > 1 ? Number(process.env.TIMING) : 10);
  const total = [...timing.values()].reduce((a, b) => a + b, 0) || 1;
  const width = maxOf(
    rows.map(([id]) => terminalText(id).length),
    4,
  );
  return (
    [
      'Rule'.padEnd(width) + ' | Time (ms) | Relative',
      ...rows.map(([id, ms]) => `${terminalText(id).padEnd(width)} | ${ms.toFixed(3).padStart(9)} | ${((100 * ms) / total).toFixed(1).padStart(7)}%`),
    ].join('\n') + '\n'
  );
}

export type LintActionOptions = Omit<LintCommandOptions, 'reportUnusedDisableDirectives'> &
  BaselineOptions & {
    format: Format;
    outputFile?: string;
    /** -c FILE, or false for --no-config. */
    config?: string | false;
    /** --rule 'id: setting', repeated. */
    rule?: string[];
    printConfig?: string;
    debug?: boolean;
    locale?: Locale;
    color?: boolean;
    /** --no-ignore (commander's negated --ignore). */
    ignore?: boolean;
    /** --ignore-pattern, as commander names it. */
    ignorePattern?: string[];
    /** --ext, as commander names it. */
    ext?: string[];
    /** --report-unused-disable-directives, and its -severity as written. */
    reportUnusedDisableDirectives?: boolean;
    reportUnusedDisableDirectivesSeverity?: string;
  };

/** --report-unused-disable-directives (errors) and its -severity, in ESLint's words or ours. */
function unusedDirectivesLevel(opts: LintActionOptions): LintCommandOptions['reportUnusedDisableDirectives'] {
  const severity = opts.reportUnusedDisableDirectivesSeverity;
  if (severity !== undefined) return ({ off: 'off', '0': 'off', warn: 'warning', warning: 'warning', '1': 'warning' } as const)[severity] ?? 'error';
  return opts.reportUnusedDisableDirectives ? 'error' : undefined;
}

/**
 * What each file is linted with: the config of its folder (the nearest up the tree, over
 * those above it), or for every file the one -c names or none (--no-config); then
 * --rule's settings over it.
 */
function fileSetups(opts: LintActionOptions): FileSetups {
  const adjust = (config: ResolvedConfig) => (opts.rule?.length ? withRuleSettings(config, opts.rule) : config);
  const flags = { ...opts, locale: opts.locale };
  if (opts.config === false) return FileSetups.of(adjust(defaultConfig()), flags);
  if (opts.config) return FileSetups.of(adjust(loadConfigFile(opts.config)), flags);
  const tree = new ConfigTree(adjust);
  return new FileSetups((folder) => tree.configFor(folder), flags);
}

/** The lint command's run, to its exit code. */
export async function lintAction(files: string[], opts: LintActionOptions, version: string): Promise<number> {
  const setups = fileSetups(opts);
  if (opts.printConfig) {
    const { printedConfig } = await import('../run/printed-config.js');
    stdout().write(safeJson(await printedConfig(setups, opts.printConfig, opts), 2) + '\n');
    return 0;
  }
  // The setup of the working folder (or of --stdin-filename's): its rules head the report.
  const main = await setups.forFolder(opts.stdinFilename && readsStdin(files) ? dirname(resolve(opts.stdinFilename)) : process.cwd());
  if (files.length === 0 && stdinIsTerminal()) {
    process.stderr.write('replylint: no files given and nothing on stdin.\n  usage: replylint [files…]   or   echo "Hi Anna, …" | replylint\n');
    return 2;
  }
  // Each result goes through the baseline into the report as it comes; none is kept
  // (but for the GitHub job summary, which lists them all).
  const baseline = new Baseline(opts);
  const reportUnusedDisableDirectives = unusedDirectivesLevel(opts);
  const exit = new ExitTally({ ...opts, reportUnusedDisableDirectives });
  const summaryResults = opts.format === 'github' && process.env.GITHUB_STEP_SUMMARY ? ([] as LintResult[]) : undefined;
  // --fix on stdin: the fixed text is standard output, so the report goes to stderr (or -o).
  const fixingStdin = Boolean(opts.fix) && readsStdin(files);
  const output = reportOutput(opts.outputFile, fixingStdin);
  let run: Awaited<ReturnType<typeof lintInputs>>;
  try {
    const report = await reportWriter(opts.format, output.write, {
      rules: main.linter.rules,
      version,
      color: opts.color,
      toFile: opts.outputFile !== undefined,
      locale: opts.locale ?? main.config.locale,
    });
    run = await lintInputs(
      setups,
      files,
      { ...opts, ignorePatterns: opts.ignorePattern, extensions: opts.ext, noIgnore: opts.ignore === false, version, reportUnusedDisableDirectives },
      async (found, linter) => {
        const kept = baseline.apply(found);
        // Suppressed violations cost no points: the score is of what is reported.
        const result = kept === found ? found : { ...kept, score: linter.rescore(kept.violations) };
        report.add(result);
        exit.add(result);
        summaryResults?.push(result);
        await output.drained();
      },
    );
    const recorded = baseline.finish();
    if (recorded) say(recorded);
    report.end(run.notices);
    output.commit();
  } catch (err) {
    output.abort();
    throw err;
  }
  if (run.fixedStdin !== undefined) stdout().write(run.fixedStdin);
  if (summaryResults) {
    const { githubSummary } = await import('../report/github.js');
    appendFileSync(process.env.GITHUB_STEP_SUMMARY!, githubSummary(summaryResults));
  }
  // replylint's own files (a cache, a baseline) left out, a report not replaced whole: said whatever the format.
  for (const warning of [...(baseline.notice ? [baseline.notice] : []), ...run.warnings, ...(output.notice ? [output.notice] : [])])
    process.stderr.write(noticeLine(warning));
  // Skipped input is said on stderr, except where the report itself lists it.
  if (opts.format !== 'stylish' || opts.outputFile) {
    for (const notice of run.notices) process.stderr.write(noticeLine(notice));
  }
  if (run.missing.length) {
    say(`no files match ${run.missing.map((m) => `"${m}"`).join(', ')}; check the path or quote the glob`);
    return 2;
  }
  if (main.linter.timing) process.stderr.write(formatTiming(sumTimes(await setups.made())));
  if (!exit.linted && run.notices.length) {
    say(`nothing was linted: ${run.notices.length === 1 ? 'the input was' : `all ${run.notices.length} inputs were`} skipped (see why above)`);
    return 2;
  }
  for (const failure of exit.failures()) say(failure);
  return exit.code();
}
