// The replylint command line: commander program, one module per command.
import { appendFileSync, readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { checkDate, describeFiltered } from '../audit/filtered.js';
import { ConfigError, formatConfigError } from '../config/errors.js';
import { findConfig, loadConfigFile, type ResolvedConfig } from '../config/load-config.js';
import { Linter } from '../engine/lint.js';
import { loadRuleSet } from '../engine/rule-set.js';
import { FORMATS, reportWriter, type Format } from '../report/index.js';
import { maxOf } from '../lists.js';
import { safeJson, terminalText } from '../report/escape.js';
import { noticeLine } from '../report/notice-line.js';
import type { Notice } from '../input/notice.js';
import type { LintResult, Locale } from '../types.js';
import type { AuditOptions } from './audit-command.js';
import { ExitTally, lintInputs, readsStdin, type LintCommandOptions } from './lint-command.js';
import { beginReport } from './safe-write.js';
import { Baseline } from './suppressions.js';
import { StdoutWriter, stdinIsTerminal, stdout } from './stdio.js';

// package.json sits two folders up from both src/cli and dist/cli.
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function integer(name: string, { min, max }: { min?: number; max?: number } = {}) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n)) throw new InvalidArgumentError(`${name} takes a whole number, not "${value}".`);
    if (min !== undefined && n < min) throw new InvalidArgumentError(`${name} takes ${min} or more, not ${n}.`);
    if (max !== undefined && n > max) throw new InvalidArgumentError(`${name} takes ${max} or less, not ${n}.`);
    return n;
  };
}

/** --since / --until: a calendar date, checked before any work. */
function isoDate(name: string) {
  return (value: string): string => {
    const problem = checkDate(value);
    if (problem) throw new InvalidArgumentError(`${name} takes a date written YYYY-MM-DD, ${problem}.`);
    return value;
  };
}

/** A share from 0 to 1 ("0.05"). */
function ratio(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError(`${name} takes a share from 0 to 1 (0.05 is 1 in 20), not "${value}".`);
    return n;
  };
}

async function resolveConfig(configFile: string | undefined, from: string): Promise<ResolvedConfig> {
  return configFile ? loadConfigFile(configFile) : findConfig(from);
}

/** TIMING=1: the rules that took longest, as ESLint prints them. */
function formatTiming(timing: Map<string, number>): string {
  const rows = [...timing].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TIMING) > 1 ? Number(process.env.TIMING) : 10);
  const total = [...timing.values()].reduce((a, b) => a + b, 0) || 1;
  const width = maxOf(rows.map(([id]) => terminalText(id).length), 4);
  return ['Rule'.padEnd(width) + ' | Time (ms) | Relative', ...rows.map(([id, ms]) => `${terminalText(id).padEnd(width)} | ${ms.toFixed(3).padStart(9)} | ${((100 * ms) / total).toFixed(1).padStart(7)}%`)].join('\n') + '\n';
}

// Everything printed on stderr may quote a stranger's text (a config key, a file name, an
// argument): it goes through terminalText, as the notices do, so that it cannot recolour
// the terminal or start a CI workflow command.

/** One line on stderr, said by replylint. */
function say(text: string): void {
  process.stderr.write(`replylint: ${terminalText(text)}\n`);
}

/** A configuration error's file, message and hint each made inert; the line break before the hint is ours. */
function inertConfigError(e: ConfigError): string {
  return formatConfigError({ message: terminalText(e.message), where: e.where && { ...e.where, file: terminalText(e.where.file) }, hint: e.hint === undefined ? undefined : terminalText(e.hint) });
}

/** Lines of ours that may quote an argument or a name (commander's usage errors, a stack trace), each made inert. */
const inertLines = (text: string) => text.split('\n').map(terminalText).join('\n');

interface BaselineOptions {
  suppressAll?: boolean;
  pruneSuppressions?: boolean;
  suppressionsLocation?: string;
}

/**
 * Where the lint report goes: standard output as it is written, or the -o file, which
 * replaces the previous report only once whole.
 */
function reportOutput(outputFile: string | undefined, toStderr = false): { write: (text: string) => void; drained: () => Promise<void>; commit: () => void; abort: () => void; notice?: Notice } {
  if (toStderr && !outputFile) return { write: (text) => void process.stderr.write(text), drained: async () => {}, commit: () => {}, abort: () => {} };
  if (outputFile) {
    const report = beginReport(outputFile);
    return { write: report.write, drained: async () => {}, commit: report.commit, abort: report.abort, notice: report.notice };
  }
  const out = new StdoutWriter();
  return { write: out.write, drained: () => out.drained(), commit: () => {}, abort: () => {} };
}

/** Run the CLI; resolves to the exit code (0 clean, 1 violations, 2 usage or config error). */
export async function main(argv: readonly string[]): Promise<number> {
  let code = 0;
  let debug = argv.includes('--debug');
  const program = new Command('replylint')
    .description('Lint the tone and etiquette of customer-support replies (English, Czech, Slovak).')
    .version(VERSION)
    .argument('[files...]', 'files, folders or globs; stdin when none is given (or "-")')
    .addOption(new Option('-f, --format <format>', 'report format').choices([...FORMATS]).default('stylish'))
    .option('-o, --output-file <file>', 'write the report to a file (the exit code is unchanged)')
    .option('-c, --config <file>', 'use this config file instead of searching for one')
    .option('--print-config <file>', 'print the resolved config that applies to a file, and exit')
    .addOption(new Option('--lang <language>', 'the replies\' language (default: detected)').choices(['en', 'cs', 'sk']))
    .addOption(new Option('--channel <channel>', 'email, chat or social (default: email)').choices(['email', 'chat', 'social']))
    .option('--customer-name <name>', 'the customer\'s name, for name-use')
    .option('--agent-name <name>', 'the agent\'s name')
    .option('--customer-message <text>', 'the customer\'s message this replies to')
    .option('--template', 'the replies are canned responses (placeholders expected)')
    .option('--stdin-filename <name>', 'the name to report stdin under')
    .addOption(new Option('--locale <locale>', 'language of messages: en, cs, sk, or auto (each reply\'s own)').choices(['en', 'cs', 'sk', 'auto']))
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'fail (exit 1) on more warnings than this', integer('--max-warnings', { min: -1 }))
    .option('--min-score <n>', 'fail (exit 1) when a reply scores under this (0–100)', integer('--min-score', { min: 0, max: 100 }))
    .addOption(new Option('--fix', 'fix what can be fixed, writing files in place').conflicts('fixDryRun'))
    .option('--fix-dry-run', 'fix without writing; json output carries the fixed text as "output"')
    .option('--cache', 'keep results per file in .replylintcache; unchanged files are not linted again')
    .option('--cache-location <file>', 'where the cache is (default: .replylintcache)')
    .option('--suppress-all', `record every current violation in ${'replylint-suppressions.json'}; later runs report only new ones`)
    .option('--prune-suppressions', 'drop the recorded violations that are fixed')
    .option('--suppressions-location <file>', 'where the suppressions file is (default: replylint-suppressions.json)')
    .option('--color', 'colour the stylish report even when it is not going to a terminal')
    .option('--no-color', 'no colour (so does NO_COLOR=1 in the environment)')
    .option('--debug', 'print stack traces of internal errors')
    .exitOverride()
    // Options after a command name are that command's own (audit has its own --format).
    .enablePositionalOptions()
    .configureOutput({ writeOut: (s) => stdout().write(s), writeErr: (s) => process.stderr.write(inertLines(s)) })
    .action(async (files: string[], opts: LintCommandOptions & BaselineOptions & { format: Format; outputFile?: string; config?: string; printConfig?: string; debug?: boolean; locale?: Locale; color?: boolean }) => {
      debug = Boolean(opts.debug);
      if (opts.printConfig) {
        const config = await resolveConfig(opts.config, opts.printConfig);
        stdout().write(safeJson(config, 2) + '\n');
        return;
      }
      const config = await resolveConfig(opts.config, process.cwd());
      const linter = new Linter(loadRuleSet(config), { locale: opts.locale ?? config.locale });
      await linter.prepare();
      if (files.length === 0 && stdinIsTerminal()) {
        process.stderr.write('replylint: no files given and nothing on stdin.\n  usage: replylint [files…]   or   echo "Hi Anna, …" | replylint\n');
        code = 2;
        return;
      }
      // Each result goes through the baseline into the report as it comes; none is kept
      // (but for the GitHub job summary, which lists them all).
      const baseline = new Baseline(opts);
      const exit = new ExitTally(opts);
      const summaryResults = opts.format === 'github' && process.env.GITHUB_STEP_SUMMARY ? ([] as LintResult[]) : undefined;
      // --fix on stdin: the fixed text is standard output, so the report goes to stderr (or -o).
      const fixingStdin = Boolean(opts.fix) && readsStdin(files);
      const output = reportOutput(opts.outputFile, fixingStdin);
      let run;
      try {
        const report = await reportWriter(opts.format, output.write, { rules: linter.rules, version: VERSION, quiet: opts.quiet, color: opts.color, toFile: opts.outputFile !== undefined });
        run = await lintInputs(linter, config, files, { ...opts, version: VERSION }, async (found) => {
          const kept = baseline.apply(found);
          // Suppressed violations cost no points: the score is of what is reported.
          const result = kept === found ? found : { ...kept, score: linter.rescore(kept.violations) };
          report.add(result);
          exit.add(result);
          summaryResults?.push(result);
          await output.drained();
        });
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
      for (const warning of [...(baseline.notice ? [baseline.notice] : []), ...run.warnings, ...(output.notice ? [output.notice] : [])]) process.stderr.write(noticeLine(warning));
      // Skipped input is said on stderr, except where the report itself lists it.
      if (opts.format !== 'stylish' || opts.outputFile) {
        for (const notice of run.notices) process.stderr.write(noticeLine(notice));
      }
      if (run.missing.length) {
        say(`no files match ${run.missing.map((m) => `"${m}"`).join(', ')}; check the path or quote the glob`);
        code = 2;
        return;
      }
      if (linter.timing) process.stderr.write(formatTiming(linter.timing));
      if (!exit.linted && run.notices.length) {
        say(`nothing was linted: ${run.notices.length === 1 ? 'the input was' : `all ${run.notices.length} inputs were`} skipped (see why above)`);
        code = 2;
        return;
      }
      for (const failure of exit.failures()) say(failure);
      code = exit.code();
    });

  program
    .command('audit')
    .description('audit exported transcripts: per-agent, per-rule and per-day figures')
    .argument('<files...>', 'conversation files and helpdesk exports (JSON, JSONL, CSV)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['stylish', 'json', 'csv', 'html']).default('stylish'))
    .addOption(new Option('--from <helpdesk>', 'the export\'s helpdesk (default: recognised by its shape)').choices(['auto', 'replylint', 'zendesk', 'intercom', 'freshdesk', 'helpscout', 'csv']).default('auto'))
    .option('--csv-columns <mapping>', 'CSV columns: conversation=…,role=…,text=…[,author=…,time=…,customer=…]')
    .option('--csv-delimiter <char>', 'the CSV\'s field separator: ",", ";", "tab" or "|" (default: the header line\'s)')
    .option('--csv-roles <mapping>', 'the export\'s role values: agent=staff,operator;customer=client')
    .addOption(new Option('--per <unit>', 'CSV rows per reply or per agent').choices(['reply', 'agent']).default('reply'))
    .option('-o, --output <file>', 'write the report to a file')
    .option('--since <date>', 'only replies written on or after this date (YYYY-MM-DD)', isoDate('--since'))
    .option('--until <date>', 'only replies written on or before this date (YYYY-MM-DD)', isoDate('--until'))
    .option('--agent <name>', 'only this agent\'s replies, case and accents aside (repeat for several)', (name: string, names: string[] = []) => [...names, name])
    .option('--redact', 'mask e-mail addresses, phone, card and birth numbers in the reports')
    .option('--workers <n>', 'worker threads, at most one per core (default: one per core; 0 or 1: none)', integer('--workers', { min: 0 }))
    .option(
      '--vocabulary',
      'instead of the lint figures, list candidate team jargon: words, 2-3-word terms and acronyms (not stop words, common words, numbers, ids, addresses, names, placeholders or quoted history) that agents use in --min-conversations conversations or more and customers in at most --customer-ratio as many, most conversations first, with each agent\'s count; terms the jargon lexicon or your config vocabulary/brand has are marked known',
    )
    .option('--min-conversations <n>', 'with --vocabulary: agents use a term in at least this many conversations (default 3)', integer('--min-conversations', { min: 1 }))
    .option('--customer-ratio <r>', 'with --vocabulary: customers use it in at most this share of as many conversations (default 0.05; 0: never)', ratio('--customer-ratio'))
    .option('--top <n>', 'with --vocabulary: list at most this many terms (default 100; 0: all)', integer('--top', { min: 0 }))
    .addOption(new Option('--locale <locale>', 'language of messages').choices(['en', 'cs', 'sk', 'auto']))
    .option('-c, --config <file>', 'use this config file')
    .option('--color', 'colour the stylish report even when it is not going to a terminal')
    .option('--no-color', 'no colour (so does NO_COLOR=1 in the environment)')
    .action(async (files: string[], opts: AuditOptions & { config?: string }) => {
      const onlyWithVocabulary = (['minConversations', 'customerRatio', 'top'] as const).filter((k) => opts[k] !== undefined);
      if (onlyWithVocabulary.length && !opts.vocabulary) {
        const flag = { minConversations: '--min-conversations', customerRatio: '--customer-ratio', top: '--top' }[onlyWithVocabulary[0]];
        throw new ConfigError(`${flag} applies to --vocabulary only`, undefined, `add --vocabulary to list candidate jargon, or leave ${flag} out`);
      }
      const { runAudit, workerCount } = await import('./audit-command.js');
      stdout(); // the report streams to process.stdout: guard it against a reader that stops early
      // More workers than cores only share the cores and cost ~30 MB each: the count is
      // capped, not refused, so that one command line serves machines of any size.
      const cores = opts.workers === undefined ? undefined : workerCount(opts.workers);
      if (cores !== undefined && cores < opts.workers!) say(`--workers ${opts.workers} is more than this machine's ${cores} core${cores === 1 ? '' : 's'}; using ${cores}`);
      const config = await resolveConfig(opts.config, process.cwd());
      let result;
      try {
        result = await runAudit(config, files, { ...opts, locale: opts.locale ?? config.locale, progress: process.stderr.isTTY });
      } catch (err) {
        if (/^(?:"|--csv-columns)/.test((err as Error).message)) throw new ConfigError(`--csv-columns: ${(err as Error).message}`);
        throw err;
      }
      for (const n of result.notices) process.stderr.write(noticeLine(n)); // masked by the audit under --redact
      // An audit of nothing is no clean audit: exit 2, saying why.
      if (!result.vocabulary && result.figures.replies === 0 && result.filtered.replies > 0) {
        const filters = [...(opts.agent ?? []).map((a) => `--agent "${a}"`), ...(opts.since ? [`--since ${opts.since}`] : []), ...(opts.until ? [`--until ${opts.until}`] : [])].join(' ');
        say(`no reply matches ${filters}; ${describeFiltered(result.filtered)}`);
        code = 2;
        return;
      }
      if (!result.vocabulary && result.figures.replies === 0 && result.notices.length) {
        say(`nothing was audited: ${result.notices.length === 1 ? 'the input was' : `all ${result.notices.length} inputs were`} skipped (see why above)`);
        code = 2;
        return;
      }
      code = result.figures.bySeverity.error > 0 ? 1 : 0;
    });

  program
    .command('mcp')
    .description('serve the Model Context Protocol on stdio (tools: lint_reply, list_rules)')
    .option('-c, --config <file>', 'use this config file')
    .addOption(new Option('--locale <locale>', 'language of messages').choices(['en', 'cs', 'sk', 'auto']))
    .action(async (opts: { config?: string; locale?: Locale }) => {
      const { serveMcp } = await import('./mcp-command.js');
      stdout(); // the protocol runs over process.stdout: a client that goes away is no error
      const config = await resolveConfig(opts.config, process.cwd());
      await serveMcp(config, VERSION, opts.locale ?? config.locale);
      // The server runs until the client closes stdin.
      await new Promise<void>((resolve) => process.stdin.once('close', resolve));
    });

  program
    .command('rules')
    .description('list every rule with its level, languages and description')
    .option('-c, --config <file>', 'use this config file')
    .option('--json', 'as JSON')
    .action(async (opts: { config?: string; json?: boolean }) => {
      const { formatRules } = await import('./rules-command.js');
      const config = await resolveConfig(opts.config, process.cwd());
      stdout().write(formatRules(loadRuleSet(config), Boolean(opts.json)));
    });

  program
    .command('init')
    .description('write a commented starter config (.replylintrc.yaml)')
    .action(async () => {
      const { writeStarterConfig } = await import('./init-command.js');
      const { path, created } = writeStarterConfig(process.cwd());
      stdout().write(created ? `wrote ${path}\n` : `${path} exists already; left as it is\n`);
      if (!created) code = 2;
    });

  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    const e = err as { code?: string; exitCode?: number };
    if (typeof e.code === 'string' && e.code.startsWith('commander.')) {
      // Help and version exit 0; any other commander complaint is a usage error.
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
    }
    // The audit's modules load beside the bundle, with a copy of ConfigError of their own;
    // one thrown in a worker thread arrives as a plain Error with its name and fields.
    if (err instanceof ConfigError || (err as Error).name === 'ConfigError') {
      process.stderr.write(`replylint: ${inertConfigError(err as ConfigError)}\n`);
      return 2;
    }
    say(`internal error: ${(err as Error).message}`);
    process.stderr.write(debug ? `${inertLines(String((err as Error).stack))}\n` : '  run again with --debug for details, and report it\n');
    return 2;
  }
  return code;
}
