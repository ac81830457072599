// One line of a JSONL file: its value, a notice when it is not JSON, nothing when blank.
import type { Notice } from './notice.js';

export function parseJsonlLine(raw: string, source: string, line: number): { value: unknown } | { notice: Notice } | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    return { notice: { source, line, message: `invalid JSON on this line (${(err as Error).message}); the line is skipped` } };
  }
}
