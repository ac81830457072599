// The id of a JSON-RPC request too large to keep (mcp-transport.ts): its bytes stream
// through a small state machine that keeps only the top-level "id" and whether there is
// a top-level "method", so that the error can answer the request that was sent. The
// SDK's client writes "id" last, after the params, so the whole message is read.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
/** A top-level key or id longer than this is none that matters ("id", "method", a short id). */
const MAX_TOKEN_BYTES = 256;

export class RequestIdScanner {
  private depth = 0;
  private started = false;
  private isObject = false;
  private inString = false;
  private escaped = false;
  /** At depth 1, between "{" or "," and the next key. */
  private expectKey = false;
  private key: unknown;
  /** The raw JSON of the top-level key or id being read; undefined when too long. */
  private reading: 'key' | 'id' | undefined;
  private token: number[] | undefined;
  private rawId: number[] | undefined;
  private hasMethod = false;

  push(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      if (this.inString) this.inside(bytes[i]);
      else this.outside(bytes[i]);
    }
  }

  /** The id of the request, if the message was an object with a "method" and an id; else null. */
  requestId(): string | number | null {
    if (!this.isObject || !this.hasMethod || !this.rawId) return null;
    const id = parse(this.rawId);
    return typeof id === 'string' || (typeof id === 'number' && Number.isInteger(id)) ? id : null;
  }

  private inside(b: number): void {
    this.record(b);
    if (this.escaped) this.escaped = false;
    else if (b === BACKSLASH) this.escaped = true;
    else if (b === QUOTE) {
      this.inString = false;
      if (this.reading === 'key') {
        this.key = this.token && parse(this.token);
        this.reading = undefined;
      }
    }
  }

  private outside(b: number): void {
    if (WHITESPACE.has(b)) return;
    if (!this.started) {
      this.started = true;
      this.isObject = b === 0x7b;
    }
    if (b === QUOTE) {
      this.inString = true;
      if (this.depth === 1 && this.expectKey) {
        this.expectKey = false;
        this.reading = 'key';
        this.token = [];
      }
      this.record(b);
      return;
    }
    if (OPEN.has(b)) {
      this.depth++;
      if (this.depth === 1) this.expectKey = true;
      // An object or list is no id.
      else if (this.reading === 'id') this.token = undefined;
      return;
    }
    if (this.depth !== 1) {
      if (CLOSE.has(b)) this.depth--;
      return;
    }
    if (b === COLON) {
      if (this.key === 'id') {
        this.reading = 'id';
        this.token = [];
      } else if (this.key === 'method') this.hasMethod = true;
    } else if (b === COMMA || CLOSE.has(b)) {
      if (this.reading === 'id') this.rawId = this.token;
      this.reading = undefined;
      this.key = undefined;
      this.expectKey = b === COMMA;
      if (CLOSE.has(b)) this.depth--;
    } else this.record(b);
  }

  private record(b: number): void {
    if (!this.reading || !this.token) return;
    if (this.token.length < MAX_TOKEN_BYTES) this.token.push(b);
    else this.token = undefined;
  }
}

function parse(bytes: number[]): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return undefined;
  }
}
