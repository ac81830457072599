// `replylint audit`: every agent message of every conversation in helpdesk exports,
// linted on a pool of workers (in input order), summed into per-agent, per-rule and
// per-day figures, and reported as tables, JSON, CSV or one HTML file.
import { agentKey, mergeFiltered, noneFiltered, type FilteredOut } from '../audit/filtered.js';
import { basename } from 'node:path';
import type { BatchSettings, WorkItem } from '../audit/batch.js';
import { FiguresBuilder, type AuditFigures } from '../audit/figures.js';
import { availableParallelism } from 'node:os';
import { defaultWorkers, inProcess, workerPool, type Processing } from '../audit/pool.js';
import { auditInputSize, readAuditFile, readAuditStdin, STDIN_SOURCE } from '../audit/read.js';
import { conversationKey, ownsKey, placeKey, type Shard } from '../audit/shard.js';
import { stdinReader } from '../input/stdin.js';
import { ConfigError } from '../config/errors.js';
import type { ResolvedConfig } from '../config/load-config.js';
import { Linter } from '../engine/lint.js';
import { loadRuleSet } from '../engine/rule-set.js';
import { parseCsvColumns, parseCsvRoles } from '../input/importers/csv.js';
import { conversationFields, conversationIdOf } from '../input/conversation.js';
import type { Conversation, Helpdesk } from '../input/importers/index.js';
import type { Notice } from '../input/notice.js';
import { appendAll } from '../lists.js';
import type { Language, Locale } from '../types.js';
import { beginReport } from './safe-write.js';
import { writeWholeReport } from './audit-report.js';
import type { VocabularyReport, VocabularyTable } from '../audit/vocabulary-table.js';
import { replies } from '../report/plural.js';

export const AUDIT_FORMATS = ['stylish', 'json', 'csv', 'html', 'figures'] as const;

export interface AuditOptions {
  format: (typeof AUDIT_FORMATS)[number];
  from: Helpdesk;
  csvColumns?: string;
  /** The CSV's field separator (default: the header line's). */
  csvDelimiter?: string;
  /** The export's role values: "agent=staff,operator;customer=client". */
  csvRoles?: string;
  per?: 'reply' | 'agent';
  output?: string;
  since?: string;
  until?: string;
  agent?: string[];
  redact?: boolean;
  workers?: number;
  /** The replies' language where a conversation does not say (default: detected). */
  lang?: Language;
  locale?: Locale;
  /** --color / --no-color for the stylish report; undefined: NO_COLOR, FORCE_COLOR and the terminal decide. */
  color?: boolean;
  /** List the terms agents use that customers (almost) never do, instead of the lint figures. */
  vocabulary?: boolean;
  /** --vocabulary: agents use a term in at least this many conversations (default 3). */
  minConversations?: number;
  /** --vocabulary: customers use it in at most this share of as many conversations (default 0.05). */
  customerRatio?: number;
  /** --vocabulary: terms listed at most (default 100; 0: all). */
  top?: number;
  /** Where report text goes when there is no `output` file (default: stdout; the library passes its own). */
  write?: (chunk: string | Uint8Array) => void;
  /** Draw a progress bar on standard error (the CLI, on a terminal; the library only if asked). */
  progress?: boolean;
  /** Audit only this shard of the conversations (--shard i/n; audit/shard.ts). */
  shard?: Shard;
  /** replylint's version, recorded in a figures file (--format figures). */
  version?: string;
}

/** Items per batch: big enough to amortise a message between threads, small enough to keep memory flat. */
const BATCH = 200;

/** Progress on stderr when it is a terminal: replies done, rate, share read, time left. */
function progress(totalBytes: number) {
  const started = Date.now();
  let last = 0;
  return {
    update(done: number, bytes: number, force = false) {
      const now = Date.now();
      if (!force && now - last < 200) return;
      last = now;
      const seconds = (now - started) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      // Of standard input, nobody knows the size: no share, no time left.
      if (totalBytes === 0) {
        process.stderr.write(`\r${replies(done)} · ${rate.toFixed(0)}/s   `);
        return;
      }
      const left = bytes > 0 && totalBytes > bytes ? ((totalBytes - bytes) * seconds) / bytes : 0;
      const share = Math.round((100 * Math.min(bytes, totalBytes)) / Math.max(1, totalBytes));
      process.stderr.write(`\r${replies(done)} · ${rate.toFixed(0)}/s · ${share}% · ${left > 0 ? `${Math.ceil(left)} s left` : 'done'}   `);
    },
    end: () => process.stderr.write('\n'),
  };
}

/** The worker threads to run for `requested`: never more than the cores. */
export function workerCount(requested: number): number {
  return Math.max(0, Math.min(requested, availableParallelism()));
}

/** --csv-delimiter: one character; "tab" and "\\t" for a tab. */
function csvDelimiter(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const d = value === 'tab' || value === '\\t' ? '\t' : value;
  if ([...d].length !== 1 || /[\r\n"]/.test(d)) throw new ConfigError(`--csv-delimiter: "${value}" is not one character (a comma, ";", "tab" or "|")`);
  return d;
}

function csvRoles(spec: string): Map<string, string> {
  try {
    return parseCsvRoles(spec);
  } catch (err) {
    throw new ConfigError(`--csv-roles: ${(err as Error).message}`);
  }
}

type AuditInput = { file: string } & ({ size: number } | { problem: string });

/** Files named in the message of a run that can read none, before "and N more". */
const NAMED_UNREADABLE = 5;

/**
 * A run of files none of which can be read is a usage error, on one line (the CLI prints
 * a configuration error's message inert): one file as its own problem, several by name.
 */
function nothingToAudit(inputs: readonly AuditInput[]): ConfigError {
  const problem = (i: AuditInput) => ('problem' in i ? i.problem : '');
  const hint = 'no file named can be read, so there is nothing to audit; name helpdesk exports (JSON, JSONL or CSV) that exist and can be read';
  if (inputs.length === 1) return new ConfigError(problem(inputs[0]), { file: inputs[0].file }, hint);
  const named = inputs.slice(0, NAMED_UNREADABLE).map((i) => `${i.file} (${problem(i)})`);
  const more = inputs.length > NAMED_UNREADABLE ? `, and ${inputs.length - NAMED_UNREADABLE} more` : '';
  return new ConfigError(`none of the ${inputs.length} files named can be read: ${named.join(', ')}${more}`, undefined, hint);
}

/** The figures, the inputs skipped, what the filters left out (see audit/filtered.ts), and with --vocabulary its list. */
export type AuditResult = { figures: AuditFigures; notices: Notice[]; filtered: FilteredOut; vocabulary?: VocabularyReport };

export async function runAudit(config: ResolvedConfig, files: readonly string[], options: AuditOptions): Promise<AuditResult> {
  if (!options.output) return audit(config, files, options);
  // The report streams into a new file beside the old one, which it replaces only once
  // complete: an interrupted or failed audit leaves the previous report as it was.
  const report = beginReport(options.output);
  try {
    const result = await audit(config, files, { ...options, output: undefined, write: report.write });
    report.commit();
    return report.notice ? { ...result, notices: [...result.notices, report.notice] } : result;
  } catch (err) {
    report.abort();
    throw err;
  }
}

async function audit(config: ResolvedConfig, files: readonly string[], options: AuditOptions): Promise<AuditResult> {
  const csvColumns = options.csvColumns ? parseCsvColumns(options.csvColumns) : undefined;
  const csvDialect = { delimiter: csvDelimiter(options.csvDelimiter), roles: options.csvRoles ? csvRoles(options.csvRoles) : undefined };
  // Every file is looked at before anything starts: a file that cannot be read (a loop of
  // links, a path through a file, a folder that may not be entered) is skipped with a
  // notice in its turn, and the progress knows the total of the rest.
  // "-" is standard input, of a size nobody knows yet.
  const inputs: AuditInput[] = files.map((file) => (file === '-' ? { file, size: 0 } : { file, ...auditInputSize(file) }));
  if (inputs.every((i) => 'problem' in i)) throw nothingToAudit(inputs);
  checkShardable(inputs, options);
  const { shard } = options;
  const { write, flushed } = reportSink(options.write);
  const settings = batchSettings(config, options);
  // --vocabulary reports its own list instead of the lint results and figures.
  const vocabularyModule = options.vocabulary ? await import('../audit/vocabulary-table.js') : undefined;
  const vocabulary: VocabularyTable | undefined = vocabularyModule ? new vocabularyModule.VocabularyTable() : undefined;
  const builder = new FiguresBuilder();
  const notices: Notice[] = [];
  const filtered = noneFiltered();
  const csv = options.format === 'csv' && !vocabulary ? await import('../report/audit-csv.js') : undefined;
  const { AuditJsonWriter } = await import('../report/audit-json.js');
  const json = options.format === 'json' && !vocabulary ? new AuditJsonWriter(write) : undefined;
  if (csv && !settings.perAgentCsv) write(csv.header());

  const workers = options.workers === undefined ? defaultWorkers() : workerCount(options.workers);
  // Workers compile and prepare the rules for themselves. Done here first, a broken rule
  // file (or a dictionary the spelling rule cannot find) stops the audit before any
  // worker starts, as the configuration error it is, with its file and line; in a worker
  // it would fail where the pool may not yet be listening, or lose its class on the way.
  // Compiling costs ~10 ms; preparing costs nothing but for rules that load data.
  if (workers > 1) await new Linter(loadRuleSet(config), { locale: options.locale }).prepare();
  const totalBytes = inputs.reduce((n, i) => n + ('size' in i ? i.size : 0), 0);
  const bar = options.progress ? progress(files.includes('-') ? 0 : totalBytes) : undefined;
  let repliesDone = 0;
  let bytesRead = 0;

  // Started inside the try below, whose finally closes it: a pool left open keeps the process alive.
  let pool: Processing | undefined;
  // Under --shard, what a reader says of a place in the input is said by that place's shard alone (shard.ts).
  const ownsNotice = (notice: Notice) => !shard || ownsKey(shard, placeKey(notice.source, notice.line));
  const take = async (result: BatchResult) => {
    for (const chunk of result.output) json ? json.addResults(chunk) : write(chunk);
    builder.merge(result.figures);
    builder.considerWorst(result.worst);
    if (result.vocabulary) vocabulary?.merge(result.vocabulary);
    appendAll(notices, result.notices);
    mergeFiltered(filtered, result.filtered);
    repliesDone += result.replies;
    bar?.update(repliesDone, bytesRead);
    await flushed();
  };

  try {
    pool = workers <= 1 ? await inProcess(config, settings, options.locale) : workerPool(config, settings, workers, options.locale);
    const queue = new BatchQueue(pool, take);
    for (const [inputIndex, input] of inputs.entries()) {
      if ('problem' in input) {
        notices.push({ source: input.file, message: input.problem });
        continue;
      }
      const { file } = input;
      const before = bytesRead;
      // A conversation's place among those its line (or value) holds: the line's first is 0.
      let lastLine: number | undefined | null = null;
      let index = 0;
      // JSONL goes to the workers as blocks of raw bytes; other inputs as conversations.
      const reading = { from: options.from, csvColumns, csvDialect, rawBlocks: true };
      for await (const item of file === '-' ? readAuditStdin(stdinReader(), reading) : readAuditFile(file, reading)) {
        if ('notice' in item) {
          if (ownsNotice(item.notice)) notices.push(item.notice);
          continue;
        }
        if ('block' in item) {
          bytesRead = before + item.bytes;
          await queue.alone({ block: item.block, source: item.source, input: inputIndex, firstLine: item.firstLine, lastLine: item.lastLine });
          continue;
        }
        if (item.bytes !== undefined) bytesRead = before + item.bytes;
        index = item.line === lastLine ? index + 1 : 0;
        lastLine = item.line;
        // Another shard's conversation goes no further: no copy for a worker, no lint.
        if (shard && !ownsKey(shard, conversationKey(conversationIdOf((item.conversation as { id?: unknown } | null)?.id), item.source, item.line, index)))
          continue;
        // Only what is read crosses to a worker thread: a value nested deep enough overflows the structured clone.
        await queue.add({
          conversation: conversationFields(item.conversation) as Conversation,
          source: item.source,
          input: inputIndex,
          lineNumber: item.line,
          index,
        });
      }
      bytesRead = before + input.size;
    }
    await queue.finish();
  } finally {
    await pool?.close();
    bar?.update(repliesDone, totalBytes, true);
    bar?.end();
  }

  const figures = builder.build(notices.length);
  // Masked here, for the library as for the CLI that prints them.
  const redactNotice = settings.redact ? (await import('../audit/redact.js')).redactNotice : undefined;
  const returned = redactNotice ? notices.map(redactNotice) : notices;
  if (vocabulary && vocabularyModule) {
    const { VOCABULARY_DEFAULTS } = vocabularyModule;
    const limits = {
      minConversations: options.minConversations ?? VOCABULARY_DEFAULTS.minConversations,
      customerRatio: options.customerRatio ?? VOCABULARY_DEFAULTS.customerRatio,
      top: options.top ?? VOCABULARY_DEFAULTS.top,
      redact: settings.redact,
    };
    const report = vocabulary.build(config, limits, notices.length);
    await writeVocabulary(report, options, write);
    return { figures, notices: returned, filtered, vocabulary: report };
  }
  if (json) json.end(figures);
  if (csv && settings.perAgentCsv) write(csv.agentTable(figures));
  if (options.format === 'figures') write(await figuresFile(config, inputs, options, { builder, skipped: notices.length, filtered }));
  else await writeWholeReport(figures, options, write);
  return { figures, notices: returned, filtered };
}

/**
 * --shard and --format figures are for the lint figures, which merge exactly; and a shard
 * must read every input, or the merge would lack its part of one without a word.
 */
function checkShardable(inputs: readonly AuditInput[], options: AuditOptions): void {
  if (options.vocabulary && (options.shard || options.format === 'figures'))
    throw new ConfigError(
      `--vocabulary cannot be ${options.shard ? 'sharded' : 'written as figures'}: its term counts are bounded and pruned, so shards' lists would not add up to one run's`,
      undefined,
      'run --vocabulary over the whole export (it reads about 6 MB/s on two cores), or leave --vocabulary out',
    );
  if (!options.shard) return;
  const unreadable = inputs.find((i) => 'problem' in i);
  if (unreadable && 'problem' in unreadable)
    throw new ConfigError(
      `${unreadable.problem}; under --shard every shard must read every input, or the merged figures would lack this shard's part of it`,
      { file: unreadable.file },
      'make the file readable on this machine, or leave it out of every shard alike',
    );
}

/** --format figures: the figures as a mergeable document (run/figures-file.ts). */
async function figuresFile(
  config: ResolvedConfig,
  inputs: readonly AuditInput[],
  options: AuditOptions,
  run: { builder: FiguresBuilder; skipped: number; filtered: FilteredOut },
): Promise<string> {
  const [{ auditConfigHash }, { agentPseudonym, figuresDocument }, { redact }] = await Promise.all([
    import('./audit-config-hash.js'),
    import('./figures-file.js'),
    import('../audit/redact.js'),
  ]);
  const settings = {
    from: options.from,
    csvColumns: options.csvColumns,
    csvDelimiter: options.csvDelimiter,
    csvRoles: options.csvRoles,
    since: options.since,
    until: options.until,
    agents: [...new Set((options.agent ?? []).map(agentKey))].sort(),
    lang: options.lang,
    locale: options.locale,
    redact: Boolean(options.redact),
  };
  const configHash = auditConfigHash(config, options.version ?? 'unknown', settings);
  // Under --redact nothing the export says of an agent is written in the clear (figures-file.ts: agentPseudonym).
  const masked = (names: string[]) => (settings.redact ? names.map(redact) : names);
  return figuresDocument(
    {
      replylint: options.version ?? 'unknown',
      configHash,
      settings: { ...settings, agents: masked(settings.agents) },
      shards: options.shard ? { count: options.shard.count, covered: [options.shard.index] } : null,
      inputs: inputs.map((i) => ({ name: i.file === '-' ? STDIN_SOURCE : basename(i.file), bytes: i.file === '-' || !('size' in i) ? null : i.size })),
      skipped: run.skipped,
      filtered: { ...run.filtered, agents: masked(run.filtered.agents) },
      part: run.builder.part(),
      worst: run.builder.worstCandidates(),
    },
    settings.redact ? agentPseudonym(configHash) : undefined,
  );
}

type BatchResult = Awaited<ReturnType<Processing['process']>>;

/**
 * Work items batched for the pool, and the results taken back in input order: the oldest
 * batch in flight is awaited first, and at most the pool's capacity is in flight.
 */
class BatchQueue {
  private readonly inFlight: Promise<BatchResult>[] = [];
  private batch: WorkItem[] = [];

  constructor(
    private readonly pool: Processing,
    private readonly take: (result: BatchResult) => Promise<void>,
  ) {}

  async add(item: WorkItem): Promise<void> {
    this.batch.push(item);
    if (this.batch.length >= BATCH) await this.submit();
  }

  /** An item that is a batch of its own (a JSONL block of raw bytes). */
  async alone(item: WorkItem): Promise<void> {
    await this.submit();
    this.batch.push(item);
    await this.submit();
  }

  async finish(): Promise<void> {
    await this.submit();
    while (this.inFlight.length) await this.takeOldest();
  }

  private async submit(): Promise<void> {
    if (!this.batch.length) return;
    const done = this.pool.process(this.batch);
    // Awaited in order by takeOldest, which throws a failure; until then it is no
    // unhandled rejection (one of those ended the process with exit 1, "violations found").
    done.catch(() => {});
    this.inFlight.push(done);
    this.batch = [];
    if (this.inFlight.length >= this.pool.capacity) await this.takeOldest();
  }

  private async takeOldest(): Promise<void> {
    await this.take(await this.inFlight.shift()!);
  }
}

/**
 * Where the report goes: the library's writer, or standard output, whose writes are
 * buffered by the stream; `flushed` waits while its buffer is full, so a slow reader of
 * stdout holds the audit back instead of filling memory.
 */
function reportSink(given: AuditOptions['write']): { write: (chunk: string | Uint8Array) => void; flushed: () => Promise<void> } {
  if (given) return { write: given, flushed: async () => {} };
  const out = process.stdout;
  let full = false;
  return {
    write: (chunk) => {
      if (!out.write(chunk)) full = true;
    },
    flushed: async () => {
      if (full) await new Promise((resolve) => out.once('drain', () => resolve(undefined)));
      full = false;
    },
  };
}

/** What each batch needs to know, in the workers as in process. */
function batchSettings(config: ResolvedConfig, options: AuditOptions): BatchSettings {
  return {
    from: options.from,
    format: options.format,
    perAgentCsv: options.per === 'agent',
    since: options.since,
    until: options.until,
    agents: options.agent,
    redact: Boolean(options.redact),
    channel: config.channel,
    language: options.lang,
    vocabulary: Boolean(options.vocabulary),
    shard: options.shard && options.shard.count > 1 ? options.shard : undefined,
  };
}

/** --vocabulary's list, in the format asked for. */
async function writeVocabulary(report: VocabularyReport, options: AuditOptions, write: (chunk: string) => void): Promise<void> {
  const formats = await import('../report/audit-vocabulary.js');
  if (options.format === 'json') write(formats.formatVocabularyJson(report));
  else if (options.format === 'csv') write(formats.formatVocabularyCsv(report));
  else if (options.format === 'html') write(formats.formatVocabularyHtml(report));
  else write(formats.formatVocabularyStylish(report, await (await import('../report/color.js')).chalkFor(options.color, options.output !== undefined)));
}
