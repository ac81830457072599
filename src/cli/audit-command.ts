// `replylint audit`: every agent message of every conversation in helpdesk exports,
// linted on a pool of workers (in input order), summed into per-agent, per-rule and
// per-day figures, and reported as tables, JSON, CSV or one HTML file.
import { createWriteStream, statSync } from 'node:fs';
import { FiguresBuilder, type AuditFigures } from '../audit/figures.js';
import { defaultWorkers, inProcess, workerPool, type Linting } from '../audit/pool.js';
import { readAuditFile } from '../audit/read.js';
import { redact } from '../audit/redact.js';
import type { ResolvedConfig } from '../config/load-config.js';
import { parseCsvColumns } from '../input/importers/csv.js';
import type { Source } from '../input/importers/index.js';
import { repliesFromConversation } from '../input/conversation.js';
import type { Notice } from '../input/notice.js';
import type { AuditedReply, LintResult, Locale, Reply } from '../types.js';

export interface AuditOptions {
  format: 'stylish' | 'json' | 'csv' | 'html';
  from: Source;
  csvColumns?: string;
  per?: 'reply' | 'agent';
  output?: string;
  since?: string;
  until?: string;
  agent?: string[];
  redact?: boolean;
  workers?: number;
  locale?: Locale;
}

const BATCH = 100;

function inWindow(reply: Reply, options: AuditOptions): boolean {
  const agent = reply.context.agentName;
  if (options.agent?.length && !options.agent.includes(agent ?? '')) return false;
  if ((options.since || options.until) && !reply.time) return false;
  if (options.since && reply.time! < options.since) return false;
  if (options.until && reply.time!.slice(0, options.until.length) > options.until) return false;
  return true;
}

function audited(reply: Reply, result: LintResult, redacting: boolean): AuditedReply {
  const text = redacting ? redact(reply.text) : reply.text;
  const violations = redacting ? result.violations.map((v) => ({ ...v, message: redact(v.message) })) : result.violations;
  return { ...result, violations, text, agent: reply.context.agentName, time: reply.time };
}

/** Progress on stderr when it is a terminal: replies done, rate, time left. */
function progress(totalBytes: number) {
  const started = Date.now();
  let last = 0;
  return {
    update(replies: number, bytes: number, force = false) {
      const now = Date.now();
      if (!force && now - last < 200) return;
      last = now;
      const seconds = (now - started) / 1000;
      const rate = seconds > 0 ? replies / seconds : 0;
      const left = bytes > 0 && totalBytes > bytes ? ((totalBytes - bytes) * seconds) / bytes : 0;
      process.stderr.write(`\r${replies} replies · ${rate.toFixed(0)}/s · ${Math.round((100 * Math.min(bytes, totalBytes)) / Math.max(1, totalBytes))}% · ${left > 0 ? `${Math.ceil(left)} s left` : 'done'}   `);
    },
    end() {
      process.stderr.write('\n');
    },
  };
}

export async function runAudit(config: ResolvedConfig, files: readonly string[], options: AuditOptions): Promise<{ figures: AuditFigures; notices: Notice[] }> {
  const csvColumns = options.csvColumns ? parseCsvColumns(options.csvColumns) : undefined;
  const out = options.output ? createWriteStream(options.output) : process.stdout;
  const write = (chunk: string) => void out.write(chunk);
  const builder = new FiguresBuilder();
  const notices: Notice[] = [];
  const { AuditJsonWriter } = await import('../report/audit-json.js');
  const csv = options.format === 'csv' ? await import('../report/audit-csv.js') : undefined;
  const json = options.format === 'json' ? new AuditJsonWriter(write) : undefined;
  const perReplyCsv = csv && options.per !== 'agent';
  if (perReplyCsv) write(csv.header());

  const workers = options.workers ?? defaultWorkers();
  const linting: Linting = workers <= 1 ? await inProcess(config, options.locale) : workerPool(config, workers, options.locale);
  const totalBytes = files.reduce((n, f) => n + (() => { try { return statSync(f).size; } catch { return 0; } })(), 0);
  const bar = process.stderr.isTTY ? progress(totalBytes) : undefined;
  let repliesDone = 0;
  let bytesRead = 0;

  // Batches in flight, oldest first: awaiting the head keeps the input order.
  const inFlight: { replies: Reply[]; results: Promise<LintResult[]> }[] = [];
  const drainOne = async () => {
    const head = inFlight.shift()!;
    const results = await head.results;
    results.forEach((result, i) => {
      const reply = audited(head.replies[i], result, Boolean(options.redact));
      builder.add(reply);
      json?.add(reply);
      if (perReplyCsv) write(csv.replyRow(reply));
    });
    repliesDone += results.length;
    bar?.update(repliesDone, bytesRead);
  };
  let batch: Reply[] = [];
  const submit = async () => {
    if (!batch.length) return;
    inFlight.push({ replies: batch, results: linting.lint(batch) });
    batch = [];
    if (inFlight.length >= linting.capacity) await drainOne();
  };

  try {
    for (const file of files) {
      const before = bytesRead;
      for await (const item of readAuditFile(file, { from: options.from, csvColumns })) {
        if ('notice' in item) {
          notices.push(item.notice);
          continue;
        }
        const { replies, notices: found } = repliesFromConversation(item.conversation, item.source, item.line, config.channel ? { channel: config.channel } : {});
        notices.push(...found);
        for (const reply of replies) if (inWindow(reply, options)) batch.push(reply);
        if (item.bytes !== undefined) bytesRead = before + item.bytes;
        if (batch.length >= BATCH) await submit();
      }
      bytesRead = before + (statSync(file, { throwIfNoEntry: false })?.size ?? 0);
    }
    await submit();
    while (inFlight.length) await drainOne();
  } finally {
    await linting.close();
    bar?.update(repliesDone, totalBytes, true);
    bar?.end();
  }

  const figures = builder.build(notices.length);
  if (json) json.end(figures);
  if (csv && options.per === 'agent') write(csv.agentTable(figures));
  if (options.format === 'html') {
    const { formatAuditHtml } = await import('../report/audit-html.js');
    write(formatAuditHtml(figures));
  }
  if (options.format === 'stylish') {
    const [{ formatAuditStylish }, { default: chalk }] = await Promise.all([import('../report/audit-stylish.js'), import('chalk')]);
    write(formatAuditStylish(figures, chalk));
  }
  if (options.output) await new Promise<void>((resolve) => (out as ReturnType<typeof createWriteStream>).end(resolve));
  return { figures, notices };
}
