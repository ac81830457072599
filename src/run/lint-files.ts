// Linting files, globs or stdin as the default command does (cli/lint-action.ts prints the
// report and decides the exit code) and the library's lintFiles(): results in file order,
// with the cache, --fix's writes and the notices for what could not be read.
import { dirname, resolve } from 'node:path';
import type { Linter } from '../engine/lint.js';
import { internalErrorNotice, replySubject, type Notice } from '../input/notice.js';
import { readFile, readStdin, type InputItem } from '../input/read.js';
import type { LintResult, Reply, Severity } from '../types.js';
import { directiveRuleNames } from '../engine/directives.js';
import { didYouMean } from '../config/validate.js';
import type { Helpdesk } from '../input/importers/index.js';

/** The helpdesks lint reads exports of (CSV files are known by their extension). */
export type LintHelpdesk = Exclude<Helpdesk, 'csv'>;
// Imported statically: a dynamic import would split the config modules it shares into chunks.
import { cacheFile, ContentHash, MAX_CACHED_RESULTS, ResultCache } from './result-cache.js';
import type { ContextFlags, FileSetup, FileSetups } from './file-setups.js';
import { replaceFixedFile } from './fix-write.js';
import { stdinReader } from '../input/stdin.js';
import { appendAll } from '../lists.js';

export interface LintCommandOptions extends ContextFlags {
  /** Errors only: --min-level error. */
  quiet?: boolean;
  /** Leave violations below this level out of what is reported (Vale's --minAlertLevel). */
  minLevel?: Severity;
  maxWarnings?: number;
  minScore?: number;
  fix?: boolean;
  fixDryRun?: boolean;
  stdinFilename?: string;
  /** --ext: the extensions a folder is scanned for (without the dot; default: every reply and export type). */
  extensions?: string[];
  /** --ignore-pattern: more files not to lint, each a .gitignore line (input/ignores.ts). */
  ignorePatterns?: string[];
  /** --no-ignore: lint what .replylintignore, the config's ignores and --ignore-pattern leave out. */
  noIgnore?: boolean;
  /** The helpdesk that exported the JSON and JSONL files (--from; default: recognised by its shape). */
  from?: LintHelpdesk;
  cache?: boolean;
  cacheLocation?: string;
  /** replylint's version, part of the cache key. */
  version?: string;
  /** Say replylint-disable directives that turned off nothing, and count them at this level (ESLint's --report-unused-disable-directives). */
  reportUnusedDisableDirectives?: 'off' | 'warning' | 'error';
}

export interface LintRun {
  results: LintResult[];
  notices: Notice[];
  /** Files named on the command line that do not exist: a usage error. */
  missing: string[];
  /** About replylint's own files (a cache left out or not saved): said, but no input was skipped. */
  warnings: Notice[];
  /** --fix on a text reply from stdin: the text, fixed (or as it was), for standard output. */
  fixedStdin?: string;
}

/** Text in the file's own encoding: UTF-8, or UTF-16 in either byte order. */
function encode(content: string, encoding?: 'utf-16le' | 'utf-16be'): Buffer | string {
  if (!encoding) return content;
  const le = Buffer.from(content, 'utf16le');
  return encoding === 'utf-16le' ? le : le.swap16();
}

/** What cached results depend on besides the file and its config: the flags that change results. */
function cacheFlags(options: LintCommandOptions): object {
  const { lang, channel, customerName, agentName, customerMessage, template, locale, from } = options;
  return { lang, channel, customerName, agentName, customerMessage, template, locale, from, unused: reportsUnused(options) };
}

/** Whether the arguments name stdin: none at all, or "-". */
export const readsStdin = (args: readonly string[]): boolean => args.length === 0 || (args.length === 1 && args[0] === '-');

/**
 * Lint files, globs or stdin, handing each result to `onResult` as it comes (in file
 * order) and keeping none: a report written as they come keeps memory flat on any input.
 */
const RANK: Record<Severity, number> = { suggestion: 0, warning: 1, error: 2 };

/** A directive that names no rule replylint has turns nothing off: said, with the rule it may mean (ESLint reports it too). */
function unknownDirectiveRules(reply: Reply, ids: readonly string[]): Notice[] {
  return directiveRuleNames(reply.directiveSource ?? reply.text)
    .filter(({ name }) => !ids.includes(name))
    .map(({ name, line }) => ({
      source: reply.source,
      line: line + (reply.lineOffset ?? 0),
      message: `a replylint directive names the rule "${name}", which does not exist; ${didYouMean(name, ids) || `rules: ${ids.join(', ')}`}`.trim(),
    }));
}

const reportsUnused = (options: LintCommandOptions) => options.reportUnusedDisableDirectives !== undefined && options.reportUnusedDisableDirectives !== 'off';

/** A directive that turned off nothing, as ESLint says it; it is counted at the level asked for (ExitTally). */
function unusedDirectiveNotices(result: LintResult): Notice[] {
  return (result.unusedDirectives ?? []).map(({ line, rule }) => ({
    source: result.source,
    line,
    message: rule
      ? `a replylint-disable directive for "${rule}" turned off nothing: "${rule}" found nothing where it applies; remove "${rule}" from it`
      : 'a replylint-disable directive for all rules turned off nothing: no rule found anything where it applies; remove it',
  }));
}

/** A result with only its violations at `level` or above. */
function atLeast(result: LintResult, level: Severity): LintResult {
  const violations = result.violations.filter((v) => RANK[v.severity] >= RANK[level]);
  return violations.length === result.violations.length ? result : { ...result, violations };
}

export async function lintInputs(
  setups: FileSetups,
  args: readonly string[],
  options: LintCommandOptions,
  deliver: (result: LintResult, linter: Linter) => void | Promise<void>,
): Promise<Omit<LintRun, 'results'>> {
  // --min-level (and -q, errors only): lower levels leave every format and the warning
  // count, as ESLint's --quiet; the score stays that of the whole reply, and the cache
  // keeps every violation.
  const minLevel = options.quiet ? 'error' : options.minLevel;
  const notices: Notice[] = [];
  const warnings: Notice[] = [];
  const onResult = (result: LintResult, linter: Linter) => {
    if (result.unusedDirectives) appendAll(warnings, unusedDirectiveNotices(result));
    return deliver(minLevel ? atLeast(result, minLevel) : result, linter);
  };
  const missing: string[] = [];
  const fix = options.fix || options.fixDryRun;
  const lintOptions = { fix, reportUnusedDirectives: reportsUnused(options) };
  let fixedStdin: string | undefined;

  const consume = async (setup: FileSetup, items: AsyncIterable<InputItem>, file: string | undefined, emit: (result: LintResult) => void | Promise<void>) => {
    const { linter } = setup;
    for await (const item of items) {
      if ('notice' in item) {
        if (file && item.notice.message.startsWith('no such file')) missing.push(file);
        notices.push(item.notice);
        continue;
      }
      if (item.warnings) warnings.push(...item.warnings);
      if (item.reply.directives)
        appendAll(
          warnings,
          unknownDirectiveRules(
            item.reply,
            linter.rules.map((r) => r.id),
          ),
        );
      let result: LintResult;
      try {
        result = linter.lint(item.reply, lintOptions);
      } catch (err) {
        // A bug of ours on one reply: said, and the rest is linted (the exit code is the rest's).
        notices.push(internalErrorNotice(item.reply.source, item.line, replySubject(item.reply), err));
        continue;
      }
      // Stdin has no file to write: the text goes back out, fixed, as Prettier gives it.
      if (options.fix && file === undefined && item.reply.conversationId === undefined) fixedStdin = result.output ?? item.reply.text;
      if (options.fix && item.file && result.output !== undefined) {
        const { path, bom, prefix, encoding, stats } = item.file;
        const notFixed = replaceFixedFile(path, encode((bom ? '\uFEFF' : '') + prefix + result.output, encoding), stats);
        if (notFixed) {
          notices.push({ source: path, message: notFixed });
          // The file is as it was, so are its violations: reported as without --fix.
          await emit(linter.lint(item.reply, { reportUnusedDirectives: lintOptions.reportUnusedDirectives }));
          continue;
        }
      }
      await emit(result);
    }
  };

  const data = { from: options.from };
  if (readsStdin(args)) {
    // --stdin-filename: stdin is linted as that file would be (its folder's config, globs, directives).
    const setup = await setups.forFolder(options.stdinFilename ? dirname(resolve(options.stdinFilename)) : process.cwd());
    await consume(
      setup,
      readStdin(stdinReader(), options.stdinFilename ?? '<stdin>', await setup.contextFor(options.stdinFilename), data),
      undefined,
      (result) => onResult(result, setup.linter),
    );
    return { notices, missing, warnings, fixedStdin };
  }
  const [{ expandArguments }, ignores] = await Promise.all([import('../input/files.js'), setups.ignores(options.ignorePatterns, options.noIgnore)]);
  const cwd = process.cwd();
  const { files, unmatched, ignored } = await expandArguments(args, cwd, ignores, options.extensions);
  appendAll(missing, unmatched);
  // A file named but ignored is said, not linted (as ESLint warns); --no-ignore lints it.
  for (const { file, why } of ignored)
    warnings.push({ source: file, message: `ignored: it ${why}${why.startsWith('matches') ? '; --no-ignore lints it' : ''}` });
  // Results of --fix runs are not kept: they were found before the file changed.
  const cache = options.cache && !fix ? new ResultCache(cacheFile(options.cacheLocation)) : undefined;
  if (cache?.notice) warnings.push(cache.notice);
  for (const file of files) {
    const setup = await setups.forFile(file);
    const emit = (result: LintResult) => onResult(result, setup.linter);
    const settings = cache ? setup.cacheKey(options.version ?? '', cacheFlags(options)) : '';
    const cached = cache?.get(file, settings);
    if (cached) {
      for (const result of cached) await emit(result);
      continue;
    }
    // A file's results are kept for the cache while they are few, and only if nothing in it was skipped.
    let kept: LintResult[] | undefined = cache ? [] : undefined;
    // The results are kept under the hash of the bytes they were found in, not of the file
    // as it is after linting: an edit meanwhile would be cached with the old results.
    const linted = cache ? new ContentHash() : undefined;
    const noticesBefore = notices.length;
    // A file matched by the config's template globs is a canned response; one matched
    // by a channel glob holds replies of that channel (flags still win).
    await consume(setup, readFile(file, await setup.contextFor(file), linted && ((bytes) => linted.add(bytes)), data), file, (result) => {
      if (kept && kept.push(result) > MAX_CACHED_RESULTS) kept = undefined;
      return emit(result);
    });
    if (kept && linted && notices.length === noticesBefore) cache!.set(file, kept, linted, settings);
  }
  const notSaved = cache?.save();
  if (notSaved) warnings.push(notSaved);
  return { notices, missing, warnings };
}

/** Lint files, globs or stdin; every result, in file order. */
export async function runLint(setups: FileSetups, args: readonly string[], options: LintCommandOptions): Promise<LintRun> {
  const results: LintResult[] = [];
  const run = await lintInputs(setups, args, options, (result) => {
    results.push(result);
  });
  return { results, ...run };
}

/** The exit code, from the results as they come: 0 clean, 1 violations (an error, too many warnings, a score under the bar). */
export class ExitTally {
  private errors = false;
  private warnings = 0;
  private replies = 0;
  private under = 0;
  private lowest?: { score: number; where: string };

  constructor(private readonly options: Pick<LintCommandOptions, 'maxWarnings' | 'minScore' | 'reportUnusedDisableDirectives'>) {}

  add(r: LintResult): void {
    this.replies++;
    for (const v of r.violations) {
      if (v.severity === 'error') this.errors = true;
      else if (v.severity === 'warning') this.warnings++;
    }
    // Unused directives count at the level asked for, as ESLint's do.
    const unused = r.unusedDirectives?.length ?? 0;
    if (unused && this.options.reportUnusedDisableDirectives === 'error') this.errors = true;
    else if (unused && this.options.reportUnusedDisableDirectives === 'warning') this.warnings += unused;
    if (this.options.minScore !== undefined && r.score < this.options.minScore) {
      this.under++;
      if (!this.lowest || r.score < this.lowest.score)
        this.lowest = {
          score: r.score,
          where: r.conversationId === undefined ? r.source : `${r.source} (conversation ${r.conversationId}, message ${r.messageIndex})`,
        };
    }
  }

  /** Replies linted so far. */
  get linted(): number {
    return this.replies;
  }

  /** Which thresholds fail the run and by how much, a sentence each: said on stderr, as a failed run must say why. */
  failures(): string[] {
    const { maxWarnings, minScore } = this.options;
    const out: string[] = [];
    if (maxWarnings !== undefined && maxWarnings >= 0 && this.warnings > maxWarnings)
      out.push(`--max-warnings ${maxWarnings}: ${this.warnings} warnings, ${this.warnings - maxWarnings} over the limit`);
    if (minScore !== undefined && this.lowest)
      out.push(
        `--min-score ${minScore}: ${this.under} ${this.under === 1 ? 'reply scores' : 'replies score'} under it; the lowest, ${this.lowest.where}, scores ${this.lowest.score} (${minScore - this.lowest.score} short)`,
      );
    return out;
  }

  code(): number {
    return this.errors || this.failures().length ? 1 : 0;
  }
}
