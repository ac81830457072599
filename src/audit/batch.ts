// The audit's unit of work, the same in a worker thread and in the main thread: raw
// JSONL lines or parsed conversations in, output chunks and figure records out. Doing
// the parsing, linting, redaction and formatting here leaves the main thread only
// reading and writing, so the pool scales with the cores.
import type { Linter } from '../engine/lint.js';
import { repliesFromConversation } from '../input/conversation.js';
import { conversationsIn, type Conversation, type Source } from '../input/importers/index.js';
import type { Notice } from '../input/notice.js';
import type { AuditedReply, Channel, LintResult, Reply } from '../types.js';
import { contractResult } from '../report/json.js';
import { parseJsonlLine } from '../input/jsonl.js';
import { redact } from './redact.js';
import { FiguresBuilder, type FiguresPart } from './figures.js';

export type WorkItem =
  | { block: Uint8Array; source: string; firstLine: number }
  | { conversation: Conversation; source: string; lineNumber?: number };

const decoder = new TextDecoder();

/** The lines of a JSONL block, numbered from its first line. */
function* blockLines(block: Uint8Array, firstLine: number): Generator<{ text: string; lineNumber: number }> {
  const text = decoder.decode(block);
  let start = 0;
  let lineNumber = firstLine;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    if (line) yield { text: line, lineNumber };
    lineNumber++;
    start = end + 1;
  }
}

/** Conversations of one work item, with problems as notices. */
function* conversationsOf(item: WorkItem, s: BatchSettings, notices: Notice[]): Generator<{ conversation: Conversation; lineNumber?: number }> {
  if ('conversation' in item) {
    yield { conversation: item.conversation, lineNumber: item.lineNumber };
    return;
  }
  for (const { text, lineNumber } of blockLines(item.block, item.firstLine)) {
    const parsed = parseJsonlLine(text, item.source, lineNumber);
    if (!parsed) continue;
    if ('notice' in parsed) {
      notices.push(parsed.notice);
      continue;
    }
    try {
      for (const conversation of conversationsIn(parsed.value, s.from)) yield { conversation, lineNumber };
    } catch (err) {
      notices.push({ source: item.source, line: lineNumber, message: (err as Error).message });
    }
  }
}

export interface BatchSettings {
  from: Source;
  format: 'stylish' | 'json' | 'csv' | 'html';
  perAgentCsv: boolean;
  since?: string;
  until?: string;
  agents?: string[];
  redact: boolean;
  channel?: Channel;
}

export interface BatchResult {
  /**
   * The batch's output in input order, UTF-8: JSON results (each after ",\n    ") or CSV
   * rows. Bytes cross to the main thread without a copy and become no strings there.
   */
  output: Uint8Array;
  /** How many replies were linted. */
  replies: number;
  figures: FiguresPart;
  /** The batch's worst replies, in full, for the report's list. */
  worst: AuditedReply[];
  notices: Notice[];
}

/** UTF-8 output gathered in one growing buffer instead of a string per reply. */
class ByteSink {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;

  add(text: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (this.length + text.length * 3 > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + text.length * 3));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.length += encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
  }

  done(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

const encoder = new TextEncoder();
const WORST = 10;

function inWindow(reply: Reply, s: BatchSettings): boolean {
  if (s.agents?.length && !s.agents.includes(reply.context.agentName ?? '')) return false;
  if ((s.since || s.until) && !reply.time) return false;
  if (s.since && reply.time! < s.since) return false;
  if (s.until && reply.time!.slice(0, s.until.length) > s.until) return false;
  return true;
}

function audited(reply: Reply, result: LintResult, redacting: boolean): AuditedReply {
  const text = redacting ? redact(reply.text) : reply.text;
  const violations = redacting ? result.violations.map((v) => ({ ...v, message: redact(v.message) })) : result.violations;
  return { ...result, violations, text, agent: reply.context.agentName, time: reply.time };
}


export function processBatch(items: readonly WorkItem[], linter: Linter, s: BatchSettings, csvRow?: (r: AuditedReply) => string): BatchResult {
  const output = new ByteSink();
  const figures = new FiguresBuilder(WORST);
  const notices: Notice[] = [];
  let replies = 0;
  for (const item of items) {
    for (const { conversation, lineNumber } of conversationsOf(item, s, notices)) {
      const converted = repliesFromConversation(conversation, item.source, lineNumber, s.channel ? { channel: s.channel } : {});
      notices.push(...converted.notices);
      for (const reply of converted.replies) {
        if (!inWindow(reply, s)) continue;
        const r = audited(reply, linter.lint(reply), s.redact);
        if (s.format === 'json') output.add(`,\n    ${JSON.stringify(contractResult(r))}`);
        else if (s.format === 'csv' && !s.perAgentCsv && csvRow) output.add(csvRow(r));
        figures.add(r);
        replies++;
      }
    }
  }
  return { output: output.done(), replies, figures: figures.part(), worst: figures.worstReplies(), notices };
}
