// Offsets ↔ 1-based line/column, computed once per text.

export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];
  private readonly length: number;

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
    this.length = text.length;
  }

  /** The 0-based index of the line holding `offset` (a binary search). */
  private lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): Position {
    const line = this.lineAt(offset);
    return { line: line + 1, column: offset - this.starts[line] + 1 };
  }

  /** Line `line` (1-based): its first offset and the offset of its line break (the text's end on the last line). */
  line(line: number): { start: number; end: number } {
    const i = Math.min(Math.max(line, 1), this.starts.length) - 1;
    return { start: this.starts[i], end: i + 1 < this.starts.length ? this.starts[i + 1] - 1 : this.length };
  }

  /**
   * The line holding `offset`: its first offset, and the offset of its line break (the
   * text's end on the last line). A lookup, where searching the text for the breaks
   * around each of many matches on one long line was quadratic.
   */
  bounds(offset: number): { start: number; end: number } {
    const line = this.lineAt(offset);
    return { start: this.starts[line], end: line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.length };
  }
}
