// The audit's unit of work, the same in a worker thread and in the main thread: raw
// JSONL lines or parsed conversations in, output chunks and figure records out. Doing
// the parsing, linting, redaction and formatting here leaves the main thread only
// reading and writing, so the pool scales with the cores.
import type { Linter } from '../engine/lint.js';
import { repliesFromConversation } from '../input/conversation.js';
import { conversationsIn, type Conversation, type Source } from '../input/importers/index.js';
import type { Notice } from '../input/notice.js';
import type { AuditedReply, Channel, LintResult, Reply, Severity } from '../types.js';
import { contractResult } from '../report/json.js';
import { parseJsonlLine } from '../input/jsonl.js';
import { redact } from './redact.js';

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

/** What figures need of a reply (small, to cross threads cheaply). */
export interface ReplyRecord {
  agent?: string;
  time?: string;
  score: number;
  violations: { rule: string; severity: Severity }[];
}

export interface BatchResult {
  /** Output for this batch, in input order (JSON results or CSV rows). */
  chunks: string[];
  records: ReplyRecord[];
  /** The batch's worst replies, in full, for the report's list. */
  worst: AuditedReply[];
  notices: Notice[];
}

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
  const out: BatchResult = { chunks: [], records: [], worst: [], notices: [] };
  for (const item of items) {
    for (const { conversation, lineNumber } of conversationsOf(item, s, out.notices)) {
      const { replies, notices } = repliesFromConversation(conversation, item.source, lineNumber, s.channel ? { channel: s.channel } : {});
      out.notices.push(...notices);
      for (const reply of replies) {
        if (!inWindow(reply, s)) continue;
        const r = audited(reply, linter.lint(reply), s.redact);
        if (s.format === 'json') out.chunks.push(JSON.stringify(contractResult(r)));
        else if (s.format === 'csv' && !s.perAgentCsv && csvRow) out.chunks.push(csvRow(r));
        out.records.push({ agent: r.agent, time: r.time, score: r.score, violations: r.violations.map((v) => ({ rule: v.rule, severity: v.severity })) });
        if (out.worst.length < WORST || r.score < out.worst[out.worst.length - 1].score) {
          out.worst.push(r);
          out.worst.sort((a, b) => a.score - b.score);
          out.worst.length = Math.min(out.worst.length, WORST);
        }
      }
    }
  }
  return out;
}
