// A batch whose worker thread died is skipped, not lost in silence: where its input lies
// is noted before the batch goes out (its JSONL bytes move to the worker), so the notice
// can name the file and the lines.
import { conversationIdOf } from '../input/conversation.js';
import type { Notice } from '../input/notice.js';
import { FiguresBuilder } from './figures.js';
import type { BatchResult, WorkItem } from './batch.js';

/** The part of one input file a batch holds. */
export interface BatchExtent {
  source: string;
  /** JSONL lines (or, for a JSON array, element numbers) from first to last, when known. */
  firstLine?: number;
  lastLine?: number;
  /** Conversations handed over parsed (JSON, CSV): their ids, for inputs without lines. */
  ids: string[];
}

export function batchExtent(items: readonly WorkItem[]): BatchExtent[] {
  const bySource = new Map<string, BatchExtent>();
  for (const item of items) {
    let extent = bySource.get(item.source);
    if (!extent) bySource.set(item.source, (extent = { source: item.source, ids: [] }));
    const [first, last] = 'block' in item ? [item.firstLine, item.lastLine] : [item.lineNumber, item.lineNumber];
    if (first !== undefined) extent.firstLine = Math.min(extent.firstLine ?? first, first);
    if (last !== undefined) extent.lastLine = Math.max(extent.lastLine ?? last, last);
    const id = 'conversation' in item ? conversationIdOf(item.conversation.id) : undefined;
    if (id !== undefined) extent.ids.push(id);
  }
  return [...bySource.values()];
}

function what(extent: BatchExtent): string {
  const { firstLine, lastLine, ids } = extent;
  if (firstLine !== undefined) return firstLine === lastLine ? `line ${firstLine}` : `lines ${firstLine}-${lastLine}`;
  if (ids.length === 1) return `conversation ${ids[0]}`;
  if (ids.length) return `${ids.length} conversations (${ids[0]} to ${ids[ids.length - 1]})`;
  return 'some conversations';
}

/** What a batch that was not audited yields: no replies, a notice per file it came from (each counted as skipped). */
export function skippedBatch(extents: readonly BatchExtent[], why: string): BatchResult {
  const notices: Notice[] = extents.map((e) => ({ source: e.source, line: e.firstLine, message: `${what(e)} not audited: ${why}` }));
  return { output: [], replies: 0, figures: new FiguresBuilder(0).part(), worst: [], notices };
}
