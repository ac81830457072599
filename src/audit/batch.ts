// The audit's unit of work, the same in a worker thread and in the main thread: raw
// JSONL lines or parsed conversations in, output chunks and figure records out. Doing
// the parsing, linting, redaction and formatting here leaves the main thread only
// reading and writing, so the pool scales with the cores.
import { addFiltered, agentKey, noneFiltered, type FilteredOut } from './filtered.js';
import type { Linter } from '../engine/lint.js';
import { conversationIdOf, readConversation } from '../input/conversation.js';
import type { Conversation, Helpdesk } from '../input/importers/index.js';
import { itemsOfValue } from '../input/conversation-data.js';
import { auditItem } from './read.js';
import { internalErrorNotice, replySubject, type Notice } from '../input/notice.js';
import type { AuditedReply, Channel, Language, LintResult, Reply } from '../types.js';
import { safeJson } from '../report/escape.js';
import { contractResult } from '../report/json.js';
import { blockLines, parseJsonlLine } from '../input/jsonl.js';
import { redact } from './redact.js';
import { FiguresBuilder, type FiguresPart, type WorstCandidate } from './figures.js';
import { conversationKey, ownsKey, placeKey, type Shard } from './shard.js';
import { VocabularyCollector, type VocabularyPart } from './vocabulary.js';

/**
 * Raw JSONL lines, or a conversation read in the main thread (with its place among those
 * its line or value holds). `input`: the file's place among those named, for the order of
 * the worst replies (figures.ts: InputPlace).
 */
export type WorkItem =
  | { block: Uint8Array; source: string; input: number; firstLine: number; lastLine: number }
  | { conversation: Conversation; source: string; input: number; lineNumber?: number; index: number };

/** A conversation of a work item, with its line and its place among the conversations on that line. */
type Found = { conversation: Conversation; lineNumber?: number; index: number };

/** Conversations of one work item (of this shard, under --shard), with problems as notices. */
function* conversationsOf(item: WorkItem, s: BatchSettings, notices: Notice[]): Generator<Found> {
  if ('conversation' in item) {
    yield { conversation: item.conversation, lineNumber: item.lineNumber, index: item.index };
    return;
  }
  const { shard } = s;
  for (const { text, lineNumber } of blockLines(item.block, item.firstLine)) {
    const parsed = parseJsonlLine(text, item.source, lineNumber);
    if (!parsed) continue;
    if ('notice' in parsed) {
      if (!shard || ownsKey(shard, placeKey(item.source, lineNumber))) notices.push(parsed.notice);
      continue;
    }
    let index = 0;
    for (const found of itemsOfValue(parsed.value, item.source, lineNumber, s)) {
      const taken = auditItem(found);
      if ('notice' in taken) {
        if (!shard || ownsKey(shard, placeKey(item.source, lineNumber))) notices.push(taken.notice);
      } else if ('conversation' in taken) {
        const conversation = taken.conversation as Conversation;
        // Another shard's conversation is parsed (its id is known no sooner) but neither read nor linted.
        if (!shard || ownsKey(shard, conversationKey(conversationIdOf(conversation.id), item.source, lineNumber, index)))
          yield { conversation, lineNumber, index };
        index++;
      }
    }
  }
}

/** What the audit's flags and config say of every reply, under what its conversation says. */
const replyDefaults = (s: BatchSettings) => ({ ...(s.channel ? { channel: s.channel } : {}), ...(s.language ? { language: s.language } : {}) });

export interface BatchSettings {
  from: Helpdesk;
  format: 'stylish' | 'json' | 'csv' | 'html' | 'figures';
  perAgentCsv: boolean;
  since?: string;
  until?: string;
  agents?: string[];
  redact: boolean;
  channel?: Channel;
  /** --lang: the replies' language, where a conversation does not give its own. */
  language?: Language;
  /** --vocabulary: gather the terms agents and customers use instead of linting. */
  vocabulary?: boolean;
  /** --shard: audit only this shard's conversations (shard.ts). */
  shard?: Shard;
}

export interface BatchResult {
  /**
   * The batch's output in input order, UTF-8, in chunks: JSON results (each after
   * ",\n    ") or CSV rows. Bytes cross to the main thread without a copy and become no
   * strings there.
   */
  output: Uint8Array[];
  /** How many replies were linted. */
  replies: number;
  figures: FiguresPart;
  /** The batch's worst replies, in full, for the report's list. */
  worst: WorstCandidate[];
  notices: Notice[];
  /** Replies the filters left out: what agents and dates there are, should none be left. */
  filtered?: FilteredOut;
  /** With --vocabulary: the batch's terms. */
  vocabulary?: VocabularyPart;
}

// Output chunks all of one size: buffers of one size are reused by the allocator as they
// are freed, where buffers grown by doubling left two workers' memory fragmented
// (~25 MB more peak RSS on a 50 MB audit).
const CHUNK_BYTES = 1 << 16;

/** UTF-8 output in fixed-size chunks instead of a string per reply. */
class ByteSink {
  private readonly chunks: Uint8Array[] = [];
  private current = new Uint8Array(CHUNK_BYTES);
  private length = 0;

  add(text: string): void {
    let rest = text;
    for (;;) {
      // encodeInto writes what fits, never half a character.
      const { read, written } = encoder.encodeInto(rest, this.current.subarray(this.length));
      this.length += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      this.chunks.push(this.current.subarray(0, this.length));
      this.current = new Uint8Array(CHUNK_BYTES);
      this.length = 0;
    }
  }

  done(): Uint8Array[] {
    if (this.length) this.chunks.push(this.current.subarray(0, this.length));
    return this.chunks;
  }
}

const encoder = new TextEncoder();
const WORST = 10;

function inWindow(reply: Reply, s: BatchSettings, agents: ReadonlySet<string> | undefined): boolean {
  if (agents && !agents.has(agentKey(reply.context.agentName ?? ''))) return false;
  if ((s.since || s.until) && !reply.time) return false;
  if (s.since && reply.time! < s.since) return false;
  if (s.until && reply.time!.slice(0, s.until.length) > s.until) return false;
  return true;
}

/** A reply as every report shows it: with --redact, its text, messages, hints, conversation id and agent masked. */
function audited(reply: Reply, result: LintResult, redacting: boolean): AuditedReply {
  const agent = reply.context.agentName;
  if (!redacting) return { ...result, text: reply.text, agent, time: reply.time };
  const violations = result.violations.map((v) => ({ ...v, message: redact(v.message), ...(v.hint !== undefined ? { hint: redact(v.hint) } : {}) }));
  const conversationId = result.conversationId !== undefined ? redact(result.conversationId) : undefined;
  return { ...result, conversationId, violations, text: redact(reply.text), agent: agent !== undefined ? redact(agent) : undefined, time: reply.time };
}

export function processBatch(items: readonly WorkItem[], linter: Linter, s: BatchSettings, csvRow?: (r: AuditedReply) => string): BatchResult {
  if (s.vocabulary) return vocabularyBatch(items, s);
  const output = new ByteSink();
  const figures = new FiguresBuilder(WORST);
  const notices: Notice[] = [];
  const agents = s.agents?.length ? new Set(s.agents.map(agentKey)) : undefined;
  const filtered = noneFiltered();
  let replies = 0;
  for (const item of items) {
    for (const { conversation, lineNumber, index } of conversationsOf(item, s, notices)) {
      // A bug of ours on one conversation or reply is its notice; the batch, and the audit, go on.
      const converted = readConversation(conversation, item.source, lineNumber, replyDefaults(s));
      for (const notice of converted.notices) notices.push(notice);
      for (const reply of converted.replies) {
        let r: AuditedReply;
        let row: string | undefined;
        try {
          if (!inWindow(reply, s, agents)) {
            addFiltered(filtered, reply.context.agentName, reply.time);
            continue;
          }
          r = audited(reply, linter.lint(reply), s.redact);
          row = s.format === 'json' ? `,\n    ${safeJson(contractResult(r))}` : s.format === 'csv' && !s.perAgentCsv && csvRow ? csvRow(r) : undefined;
        } catch (err) {
          notices.push(internalErrorNotice(item.source, lineNumber, replySubject(reply), err));
          continue;
        }
        if (row !== undefined) output.add(row);
        // Figures per agent are kept by the real name, shown by the masked one.
        figures.add(r, reply.context.agentName, [item.input, lineNumber ?? 0, index, r.messageIndex ?? 0]);
        replies++;
      }
    }
  }
  return { output: output.done(), replies, figures: figures.part(), worst: figures.worstCandidates(), notices, filtered };
}

/** --vocabulary: the batch's conversations read as the audit reads them (filters and all), their terms gathered, nothing linted. */
function vocabularyBatch(items: readonly WorkItem[], s: BatchSettings): BatchResult {
  const collector = new VocabularyCollector();
  const notices: Notice[] = [];
  const agents = s.agents?.length ? new Set(s.agents.map(agentKey)) : undefined;
  let replies = 0;
  for (const item of items) {
    for (const { conversation, lineNumber } of conversationsOf(item, s, notices)) {
      const converted = readConversation(conversation, item.source, lineNumber, replyDefaults(s));
      for (const notice of converted.notices) notices.push(notice);
      const kept = converted.replies.filter((reply) => inWindow(reply, s, agents));
      try {
        collector.add(conversation, kept);
      } catch (err) {
        // A bug of ours on one conversation is its notice; the batch goes on.
        notices.push(internalErrorNotice(item.source, lineNumber, 'this conversation', err));
        continue;
      }
      replies += kept.length;
    }
  }
  return { output: [], replies, figures: new FiguresBuilder(0).part(), worst: [], notices, vocabulary: collector.part() };
}
