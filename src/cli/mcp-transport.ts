// The MCP server's stdio transport: newline-delimited JSON-RPC, as the SDK's
// StdioServerTransport, but it answers what that one drops. The SDK's (1.32) reader, in
// shared/stdio.js, cannot be configured to:
// - survive a message over its size limit: ReadBuffer.append throws, and the transport
//   closes itself, so the server stops answering, without a word to the client;
// - answer malformed input: a line that is not JSON, or not a JSON-RPC message, only
//   reaches onerror, so the client waits for an answer that never comes.
// Its methods are private, so this is a Transport of its own (the SDK's interface for
// them) rather than a subclass; it reuses the SDK's message schema and serialiser.
import type { Readable, Writable } from 'node:stream';
import { serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, JSONRPCMessageSchema, type JSONRPCMessage, type RequestId } from '@modelcontextprotocol/sdk/types.js';
import { RequestIdScanner } from './mcp-request-id.js';

/**
 * A message larger than this is read to its end but not kept: room for lint_reply's
 * largest text and customer message (mcp-command.ts), escaped, with plenty to spare, so
 * that an over-long text is answered by the tool with its own limit.
 */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** JSON-RPC 2.0's error answer; its id is null where the request's cannot be told. */
interface ErrorAnswer {
  jsonrpc: '2.0';
  id: RequestId | null;
  error: { code: number; message: string; data?: unknown };
}

export class BoundedStdioTransport implements Transport {
  onmessage?: (message: JSONRPCMessage) => void;
  onerror?: (error: Error) => void;
  onclose?: () => void;

  /** The pieces of the line being read, while it is within the limit. */
  private pieces: Buffer[] = [];
  private lineBytes = 0;
  /** Set once the line being read is over the limit: all that is kept of it is its id. */
  private oversized: RequestIdScanner | undefined;

  constructor(
    private readonly maxMessageBytes = MAX_MESSAGE_BYTES,
    private readonly input: Readable = process.stdin,
    private readonly output: Writable = process.stdout,
  ) {}

  async start(): Promise<void> {
    this.input.on('data', this.onData);
    this.input.on('error', this.onInputError);
  }

  async close(): Promise<void> {
    this.input.off('data', this.onData);
    this.input.off('error', this.onInputError);
    if (this.input.listenerCount('data') === 0) this.input.pause();
    this.pieces = [];
    this.oversized = undefined;
    this.onclose?.();
  }

  send(message: JSONRPCMessage | ErrorAnswer): Promise<void> {
    return new Promise((resolve) => {
      if (this.output.write(serializeMessage(message as JSONRPCMessage))) resolve();
      else this.output.once('drain', resolve);
    });
  }

  private readonly onInputError = (error: Error) => this.onerror?.(error);

  private readonly onData = (chunk: Buffer) => {
    let start = 0;
    for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, start)) {
      this.take(chunk.subarray(start, end));
      this.endLine();
      start = end + 1;
    }
    if (start < chunk.length) this.take(chunk.subarray(start));
  };

  private take(piece: Buffer): void {
    this.lineBytes += piece.length;
    if (this.oversized) {
      this.oversized.push(piece);
      return;
    }
    this.pieces.push(piece);
    if (this.lineBytes > this.maxMessageBytes) {
      this.oversized = new RequestIdScanner();
      for (const kept of this.pieces) this.oversized.push(kept);
      this.pieces = [];
    }
  }

  private endLine(): void {
    const { pieces, lineBytes, oversized } = this;
    this.pieces = [];
    this.lineBytes = 0;
    this.oversized = undefined;
    if (oversized) {
      this.answerError(
        oversized.requestId(),
        ErrorCode.InvalidRequest,
        `Invalid Request: the message is ${lineBytes} bytes, over this server's limit of ${this.maxMessageBytes} bytes; send less text`,
      );
      return;
    }
    const line = Buffer.concat(pieces, lineBytes).toString('utf8');
    if (line.trim()) this.receive(line);
  }

  private receive(line: string): void {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      this.answerError(null, ErrorCode.ParseError, `Parse error: ${(err as Error).message}`);
      return;
    }
    const message = JSONRPCMessageSchema.safeParse(value);
    if (!message.success) {
      this.answerError(
        requestIdOf(value),
        ErrorCode.InvalidRequest,
        'Invalid Request: a JSON-RPC 2.0 message is an object with "jsonrpc": "2.0" and a "method" string (a request has an "id" as well), or a response to a request of ours',
      );
      return;
    }
    this.onmessage?.(message.data);
  }

  private answerError(id: RequestId | null, code: number, message: string): void {
    void this.send({ jsonrpc: '2.0', id, error: { code, message } });
  }
}

/** The id of what was meant as a request, to answer it by; null for anything else (JSON-RPC 2.0, section 5). */
function requestIdOf(value: unknown): RequestId | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { id, method } = value as { id?: unknown; method?: unknown };
  if (typeof method !== 'string') return null;
  return typeof id === 'string' || (typeof id === 'number' && Number.isInteger(id)) ? id : null;
}
