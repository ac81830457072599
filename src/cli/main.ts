// The replylint command line: commander program, one module per command.
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { checkDate } from '../audit/filtered.js';
import { parseShard, type Shard } from '../audit/shard.js';
import { ConfigError } from '../config/errors.js';
import { resolveConfig } from '../config/find-config.js';
import { loadRuleSet } from '../engine/rule-set.js';
import { FORMATS } from '../report/index.js';
import type { Locale } from '../types.js';
import type { AuditOptions } from '../run/audit.js';
import { lintAction, type LintActionOptions } from './lint-action.js';
import type { MergeActionOptions } from './audit-merge-command.js';
import { inertConfigError, inertLines, say } from './say.js';
import { stdout } from './stdio.js';
import { writeReport } from '../run/safe-write.js';
// Static, not import(): rules --test imports the config and the engine, and a module the
// bundle reaches lazily makes esbuild wrap all it imports in lazy initialisers (64 more,
// 20 KB more code cache read at every start).
import { formatRules, testRules } from './rules-command.js';

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

/** --shard i/n, checked before any work (audit/shard.ts). */
function shardOption(value: string): Shard {
  const shard = parseShard(value);
  if ('problem' in shard) throw new InvalidArgumentError(shard.problem);
  return shard;
}

/** A share from 0 to 1 ("0.05"). */
function ratio(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
      throw new InvalidArgumentError(`${name} takes a share from 0 to 1 (0.05 is 1 in 20), not "${value}".`);
    return n;
  };
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
    .option('--no-config', 'use no config file: the recommended rules')
    .option(
      '--rule <setting>',
      'a rule\'s setting over the config\'s, "id: level" or "id: [level, {options}]" (repeat for several)',
      (setting: string, settings: string[] = []) => [...settings, setting],
    )
    .option('--print-config <file>', 'print the resolved config that applies to a file, and exit')
    .addOption(new Option('--lang <language>', "the replies' language (default: detected)").choices(['en', 'cs', 'sk']))
    .addOption(new Option('--channel <channel>', 'email, chat or social (default: email)').choices(['email', 'chat', 'social']))
    .option('--customer-name <name>', "the customer's name, for name-use")
    .option('--agent-name <name>', "the agent's name")
    .option('--customer-message <text>', "the customer's message this replies to")
    .option('--template', 'the replies are canned responses (placeholders expected)')
    .option('--stdin-filename <name>', 'the name to report stdin under')
    .option(
      '--ignore-pattern <pattern>',
      "a file or folder not to lint, in .gitignore's syntax (repeat for several)",
      (pattern: string, patterns: string[] = []) => [...patterns, pattern],
    )
    .option(
      '--ext <extensions>',
      'the file types a folder is scanned for, e.g. ".txt,.md" (repeat or comma-separate; default: every reply and export type)',
      (value: string, list: string[] = []) => [
        ...list,
        ...value
          .split(',')
          .map((e) => e.trim().replace(/^\./, ''))
          .filter(Boolean),
      ],
    )
    .option('--no-ignore', 'lint what .replylintignore, the config\'s "ignores" and --ignore-pattern leave out')
    .addOption(
      new Option('--from <helpdesk>', 'the helpdesk that exported JSON and JSONL files (default: recognised by its shape)')
        .choices(['auto', 'replylint', 'zendesk', 'intercom', 'freshdesk', 'helpscout'])
        .default('auto'),
    )
    .addOption(
      new Option('--locale <locale>', "language of messages and the report: en, cs, sk, or auto (each reply's own; the default)").choices([
        'en',
        'cs',
        'sk',
        'auto',
      ]),
    )
    .option('-q, --quiet', 'report errors only (--min-level error)')
    .addOption(new Option('--min-level <level>', 'report violations of this level and above').choices(['suggestion', 'warning', 'error']))
    .option('--max-warnings <n>', 'fail (exit 1) on more warnings than this', integer('--max-warnings', { min: -1 }))
    .option('--min-score <n>', 'fail (exit 1) when a reply scores under this (0–100)', integer('--min-score', { min: 0, max: 100 }))
    .addOption(new Option('--fix', 'fix what can be fixed, writing files in place').conflicts('fixDryRun'))
    .option('--fix-dry-run', 'fix without writing; json output carries the fixed text as "output"')
    .option('--report-unused-disable-directives', 'say replylint-disable directives that turned off nothing, as errors (exit 1)')
    .addOption(
      new Option(
        '--report-unused-disable-directives-severity <level>',
        'the same, counted at this level: off, warn (counts to --max-warnings) or error',
      ).choices(['off', 'warn', 'warning', 'error', '0', '1', '2']),
    )
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
    .action(async (files: string[], opts: LintActionOptions) => {
      debug = Boolean(opts.debug);
      code = await lintAction(files, opts, VERSION);
    });

  const auditCommand = program
    .command('audit')
    .description('audit exported transcripts: per-agent, per-rule and per-day figures')
    .argument('<files...>', 'conversation files and helpdesk exports (JSON, JSONL, CSV); "-" for stdin')
    .addOption(
      new Option('-f, --format <format>', "report format; figures: mergeable figures (a shard's, for audit merge)")
        .choices(['stylish', 'json', 'csv', 'html', 'figures'])
        .default('stylish'),
    )
    .addOption(
      new Option('--from <helpdesk>', "the export's helpdesk (default: recognised by its shape)")
        .choices(['auto', 'replylint', 'zendesk', 'intercom', 'freshdesk', 'helpscout', 'csv'])
        .default('auto'),
    )
    .option('--csv-columns <mapping>', 'CSV columns: conversation=…,role=…,text=…[,author=…,time=…,customer=…]')
    .option('--csv-delimiter <char>', 'the CSV\'s field separator: ",", ";", "tab" or "|" (default: the header line\'s)')
    .option('--csv-roles <mapping>', "the export's role values: agent=staff,operator;customer=client")
    .addOption(new Option('--per <unit>', 'CSV rows per reply or per agent').choices(['reply', 'agent']).default('reply'))
    .option('-o, --output-file <file>', 'write the report to a file')
    .addOption(new Option('--output <file>', 'the same as --output-file').hideHelp())
    .addOption(new Option('--lang <language>', "the replies' language where a conversation does not say (default: detected)").choices(['en', 'cs', 'sk']))
    .option('--since <date>', 'only replies written on or after this date (YYYY-MM-DD)', isoDate('--since'))
    .option('--until <date>', 'only replies written on or before this date (YYYY-MM-DD)', isoDate('--until'))
    .option('--agent <name>', "only this agent's replies, case and accents aside (repeat for several)", (name: string, names: string[] = []) => [
      ...names,
      name,
    ])
    .option('--redact', 'mask e-mail addresses, phone, card and birth numbers in the reports')
    .option('--workers <n>', 'worker threads, at most one per core (default: one per core; 0 or 1: none)', integer('--workers', { min: 0 }))
    .option(
      '--shard <i/n>',
      'audit only the i-th of n shards of the conversations (1 ≤ i ≤ n; by a hash of the conversation id), for n processes whose --format figures outputs audit merge joins',
      shardOption,
    )
    .option(
      '--vocabulary',
      "instead of the lint figures, list candidate team jargon: words, 2-3-word terms and acronyms (not stop words, common words, numbers, ids, addresses, names, placeholders or quoted history) that agents use in --min-conversations conversations or more and customers in at most --customer-ratio as many, most conversations first, with each agent's count; terms the jargon lexicon or your config vocabulary/brand has are marked known",
    )
    .option(
      '--min-conversations <n>',
      'with --vocabulary: agents use a term in at least this many conversations (default 3)',
      integer('--min-conversations', { min: 1 }),
    )
    .option(
      '--customer-ratio <r>',
      'with --vocabulary: customers use it in at most this share of as many conversations (default 0.05; 0: never)',
      ratio('--customer-ratio'),
    )
    .option('--top <n>', 'with --vocabulary: list at most this many terms (default 100; 0: all)', integer('--top', { min: 0 }))
    .addOption(
      new Option('--locale <locale>', "language of messages and headings: en, cs, sk, or auto (the replies'; the default)").choices(['en', 'cs', 'sk', 'auto']),
    )
    .option('-c, --config <file>', 'use this config file')
    .option('--color', 'colour the stylish report even when it is not going to a terminal')
    .option('--no-color', 'no colour (so does NO_COLOR=1 in the environment)')
    .option('--debug', 'print stack traces of internal errors')
    .action(async (files: string[], opts: AuditOptions & { config?: string; outputFile?: string; debug?: boolean }) => {
      debug ||= Boolean(opts.debug);
      const { auditAction } = await import('./audit-command.js');
      code = await auditAction(files, { ...opts, output: opts.outputFile ?? opts.output, version: VERSION });
    });
  // "audit help" would read a file named help: no help command (audit --help says it all).
  auditCommand.helpCommand(false);

  auditCommand
    .command('merge')
    .description("merge the figures files of an audit's shards (audit --shard i/n --format figures) and render any audit report")
    .argument('<files...>', 'figures files, one per shard (or per audit of a separate input)')
    .addOption(
      new Option('-f, --format <format>', 'report format (csv: a row per agent; json: no per-reply results)')
        .choices(['stylish', 'json', 'csv', 'html', 'figures'])
        .default('stylish'),
    )
    .option('-o, --output-file <file>', 'write the report to a file')
    .option('--allow-missing', 'render the shards there are, marked incomplete, when some are missing (default: refuse, naming them)')
    .addOption(
      new Option('--locale <locale>', 'language of headings: en, cs, sk, or auto (default: as the shards were audited)').choices(['en', 'cs', 'sk', 'auto']),
    )
    .option('--color', 'colour the stylish report even when it is not going to a terminal')
    .option('--no-color', 'no colour (so does NO_COLOR=1 in the environment)')
    .option('--debug', 'print stack traces of internal errors')
    .action(async (files: string[], opts: MergeActionOptions & { debug?: boolean }) => {
      debug ||= Boolean(opts.debug);
      const { auditMergeAction } = await import('./audit-merge-command.js');
      code = await auditMergeAction(files, opts);
    });

  program
    .command('mcp')
    .description('serve the Model Context Protocol on stdio (tools: lint_reply, list_rules)')
    .option('-c, --config <file>', 'use this config file')
    .addOption(new Option('--locale <locale>', "language of messages: en, cs, sk, or auto (each reply's own; the default)").choices(['en', 'cs', 'sk', 'auto']))
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
    .addOption(new Option('-f, --format <format>', 'the list as a table or as JSON').choices(['stylish', 'json']).default('stylish'))
    .option('--json', 'the same as --format json')
    .option('-o, --output-file <file>', 'write the list to a file')
    .argument('[rule-files...]', 'with --test: the rule files whose examples to run (default: every rule that is on)')
    .option('--test', "run the rules' YAML examples, as ESLint's RuleTester; exit 1 if one fails")
    .action(async (ruleFiles: string[], opts: { config?: string; json?: boolean; format: 'stylish' | 'json'; outputFile?: string; test?: boolean }) => {
      const config = await resolveConfig(opts.config, process.cwd());
      if (opts.test || ruleFiles.length) {
        code = await testRules(config, ruleFiles, (text) => stdout().write(text));
        return;
      }
      const text = formatRules(loadRuleSet(config), Boolean(opts.json) || opts.format === 'json');
      if (opts.outputFile) writeReport(opts.outputFile, text, 'the list of rules');
      else stdout().write(text);
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
