// A reply's view of the messages before it in its conversation: the first `length` of a
// list that all the conversation's replies share. A conversation of n messages costs
// O(n) where a copy per reply cost O(n²) (issue 10: 5,000 messages exhausted a worker).
import type { MessageHistory } from './types.js';

/** Array.prototype.slice's reading of an index, within [0, length]. */
function clamp(index: number, length: number): number {
  const i = Math.trunc(index) || 0;
  return i < 0 ? Math.max(0, length + i) : Math.min(i, length);
}

export class HistoryPrefix implements MessageHistory {
  /** `messages` may grow after this view is taken (the conversation is still being read); the view does not. */
  constructor(
    private readonly messages: readonly string[],
    readonly length = messages.length,
  ) {}

  at(index: number): string | undefined {
    const i = Math.trunc(index) || 0;
    const at = i < 0 ? this.length + i : i;
    return at >= 0 && at < this.length ? this.messages[at] : undefined;
  }

  slice(start = 0, end = this.length): string[] {
    return this.messages.slice(clamp(start, this.length), clamp(end, this.length));
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.length; i++) yield this.messages[i];
  }

  /** Serialised (JSON.stringify, a report of a context) as the array it stands for. */
  toJSON(): string[] {
    return this.slice();
  }
}

/**
 * A history view by its shape, not its class: the CLI's bundle and the compiled modules
 * beside it (audit, MCP) each have a copy of the class, and a view made by one copy must
 * not read as "no history" to the other.
 */
export function isMessageHistory(value: unknown): value is MessageHistory {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Partial<MessageHistory>;
  return (
    typeof v.length === 'number' &&
    typeof v.at === 'function' &&
    typeof v.slice === 'function' &&
    typeof (v as Iterable<string>)[Symbol.iterator] === 'function'
  );
}
