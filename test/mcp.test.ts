// The MCP server, spoken to by the official SDK's client over stdio, and by raw bytes
// for what no well-behaved client sends.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.js';

/** Over the transport's message limit (4 MiB), so never parsed. */
const OVER_MESSAGE_LIMIT = 5 * 1024 * 1024;
/** lint_reply's text limit, in characters. */
const TEXT_LIMIT = 256 * 1024;

describe('replylint mcp', () => {
  const client = new Client({ name: 'replylint-test', version: '1.0.0' });

  beforeAll(async () => {
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], cwd: ROOT, stderr: 'pipe' }));
  }, 30_000);
  afterAll(async () => {
    await client.close();
  });

  it('lists its tools and the rules', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['lint_reply', 'list_rules']);
    const rules = await client.callTool({ name: 'list_rules', arguments: {} });
    const { rules: list } = rules.structuredContent as { rules: { id: string }[] };
    expect(list.map((r) => r.id)).toContain('name-use');
  });

  it('lint_reply returns the score, violations and the fixed text', async () => {
    const res = await client.callTool({
      name: 'lint_reply',
      arguments: {
        text: 'Dobrý den, pane Novák,\n\nzítra vám zavoláme.\n\nS pozdravem\nPetr Malý\n\nPožadavek č. 48213',
        customerName: 'Petr Novák',
        language: 'cs',
      },
    });
    const payload = res.structuredContent as { score: number; violations: { rule: string }[]; fixed: string };
    expect(payload.violations.map((v) => v.rule)).toEqual(expect.arrayContaining(['name-use', 'no-ticket-clutter']));
    expect(payload.score).toBeLessThan(100);
    expect(payload.fixed).toContain('pane Nováku');
    expect(payload.fixed).not.toContain('48213');
    // The same process answers again: start-up is paid once.
    const again = await client.callTool({ name: 'lint_reply', arguments: { text: 'Hi Anna,\n\nYour refund went out today.', customerName: 'Anna Smith' } });
    expect((again.structuredContent as { score: number }).score).toBeGreaterThan(50);
  });

  it('declares what its tools return (outputSchema), and returns that', async () => {
    const { tools } = await client.listTools();
    const lint = tools.find((t) => t.name === 'lint_reply')!;
    expect(lint.outputSchema?.required).toEqual(expect.arrayContaining(['score', 'language', 'violations', 'fixed', 'remaining']));
    expect(tools.find((t) => t.name === 'list_rules')!.outputSchema?.required).toEqual(['rules']);
    // The SDK's client validates structuredContent against the declared schema.
    const res = await client.callTool({ name: 'lint_reply', arguments: { text: 'Hi Anna, THE REFUND IS DONE!!!' } });
    expect(res.isError).toBeFalsy();
    expect((res.structuredContent as { violations: { rule: string }[] }).violations.map((v) => v.rule)).toContain('no-shouting');
  });

  it('lint_reply refuses a text over its limit, saying the limit, and answers what comes next', async () => {
    const res = await client.callTool({ name: 'lint_reply', arguments: { text: 'Hi Anna, we will call you. '.repeat(TEXT_LIMIT / 20) } });
    expect(res.isError).toBe(true);
    expect(JSON.stringify(res.content)).toMatch(/text is \d+ characters long, over lint_reply's limit of 262144/);
    await expect(client.ping()).resolves.toEqual({});
    // The limit is advertised in the tool's schema, for an agent to see before it calls.
    const { tools } = await client.listTools();
    expect(tools.find((t) => t.name === 'lint_reply')!.inputSchema.properties!.text).toMatchObject({ maxLength: TEXT_LIMIT });
  });

  it('lint_reply refuses arguments it does not know or cannot use, naming them', async () => {
    const message = async (args: Record<string, unknown>) => {
      const res = await client.callTool({ name: 'lint_reply', arguments: { text: 'Hi Anna,', ...args } });
      expect(res.isError).toBe(true);
      return (res.content as { text: string }[])[0].text;
    };
    expect(await message({ lang: 'cs' })).toMatch(/unknown argument "lang"; lint_reply takes text, language, channel, /);
    expect(await message({ language: 'de' })).toMatch(/expected one of "en"\|"cs"\|"sk" at language/);
    expect(await message({ channel: 'fax' })).toMatch(/expected one of "email"\|"chat"\|"social" at channel/);
    expect(await message({ text: ' \n ' })).toMatch(/text is empty: give the reply as it would be sent/);
    expect(await message({ customerName: '  ' })).toMatch(/customerName is empty: give the customer's name, or leave it out/);
    expect(await message({ agentName: 'x'.repeat(300) })).toMatch(/agentName is 300 characters long, over the limit of 200/);
    expect(await message({ customerMessage: 'x'.repeat(TEXT_LIMIT + 1) })).toMatch(
      /customerMessage is 262145 characters long, over lint_reply's limit of 262144/,
    );
  });

  it('a message over the size limit is answered with a JSON-RPC error for its request, and the server keeps serving', async () => {
    const call = client.callTool({ name: 'lint_reply', arguments: { text: 'x'.repeat(OVER_MESSAGE_LIMIT) } });
    const err = (await call.catch((e: unknown) => e)) as McpError;
    expect(err).toBeInstanceOf(McpError);
    expect(err.code).toBe(ErrorCode.InvalidRequest);
    expect(err.message).toMatch(/over this server's limit of 4194304 bytes/);
    await expect(client.ping()).resolves.toEqual({});
    expect((await client.callTool({ name: 'list_rules', arguments: {} })).isError).toBeFalsy();
  }, 60_000);
});

/** The server spoken to in raw lines: what it answers, one JSON message a line. */
class RawSession {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffered = '';
  private readonly waiting: ((message: Record<string, unknown>) => void)[] = [];
  private readonly received: Record<string, unknown>[] = [];

  constructor() {
    this.child = spawn(process.execPath, [BIN, 'mcp'], { cwd: ROOT });
    this.child.stdout.setEncoding('utf8').on('data', (text: string) => {
      this.buffered += text;
      for (let end = this.buffered.indexOf('\n'); end !== -1; end = this.buffered.indexOf('\n')) {
        const message = JSON.parse(this.buffered.slice(0, end)) as Record<string, unknown>;
        this.buffered = this.buffered.slice(end + 1);
        const waiter = this.waiting.shift();
        if (waiter) waiter(message);
        else this.received.push(message);
      }
    });
  }

  write(bytes: string | Buffer): void {
    this.child.stdin.write(bytes);
  }

  /** The next message the server writes. */
  next(): Promise<Record<string, unknown>> {
    const message = this.received.shift();
    return message ? Promise.resolve(message) : new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Sends a ping and expects its answer next: the server still listens. */
  async ping(id: number): Promise<void> {
    this.write(`${JSON.stringify({ jsonrpc: '2.0', id, method: 'ping' })}\n`);
    expect(await this.next()).toEqual({ jsonrpc: '2.0', id, result: {} });
  }

  close(): void {
    this.child.stdin.end();
  }
}

describe('replylint mcp: malformed and oversized input, in raw bytes', () => {
  const session = new RawSession();

  beforeAll(async () => {
    session.write(
      `${JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } })}\n`,
    );
    expect(await session.next()).toMatchObject({ id: 0, result: { serverInfo: { name: 'replylint' } } });
    session.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
  }, 30_000);
  afterAll(() => session.close());

  it('answers invalid JSON with -32700 Parse error (id null), and keeps serving', async () => {
    for (const line of ['{not json', '{"jsonrpc": "2.0", "id": 1, "method": "ping"', '\u00ff\u00fe']) {
      session.write(`${line}\n`);
      expect(await session.next()).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32700, message: expect.stringMatching(/^Parse error/) } });
      await session.ping(2);
    }
  });

  it('answers valid JSON that is no JSON-RPC message with -32600 Invalid Request, and keeps serving', async () => {
    const cases: [string, string | number | null][] = [
      ['[]', null],
      ['42', null],
      ['"ping"', null],
      ['{"jsonrpc": "2.0", "id": 3}', null],
      ['{"jsonrpc": "2.0", "id": 4, "method": 5}', null],
      // A request but for its version: its id can be named.
      ['{"id": 5, "method": "ping"}', 5],
      ['{"jsonrpc": "1.0", "id": "six", "method": "ping"}', 'six'],
    ];
    for (const [line, id] of cases) {
      session.write(`${line}\n`);
      expect(await session.next(), line).toMatchObject({ jsonrpc: '2.0', id, error: { code: -32600, message: expect.stringMatching(/^Invalid Request/) } });
      await session.ping(7);
    }
  });

  it('answers a message over the size limit with -32600 for its id, read to its end, and keeps serving', async () => {
    // The id comes last, as the SDK's client writes it, after megabytes of params.
    const huge = `{"jsonrpc":"2.0","method":"tools/call","params":{"name":"lint_reply","arguments":{"text":"${'a\\"}{['.repeat(OVER_MESSAGE_LIMIT / 6)}","nested":{"id":1}}},"id":8}\n`;
    // In pieces, as a pipe delivers it.
    for (let at = 0; at < huge.length; at += 1_000_000) session.write(huge.slice(at, at + 1_000_000));
    expect(await session.next()).toMatchObject({
      jsonrpc: '2.0',
      id: 8,
      error: { code: -32600, message: expect.stringMatching(/^Invalid Request: the message is \d+ bytes, over this server's limit of 4194304 bytes/) },
    });
    await session.ping(9);
    // One with no id to name (a notification, or not an object) is answered with id null.
    session.write(`[${'1,'.repeat(OVER_MESSAGE_LIMIT / 2)}1]\n`);
    expect(await session.next()).toMatchObject({ id: null, error: { code: -32600 } });
    await session.ping(10);
  }, 60_000);

  it('reads lines ended by CRLF, and skips blank ones', async () => {
    session.write('\r\n\n');
    session.write(`${JSON.stringify({ jsonrpc: '2.0', id: 11, method: 'ping' })}\r\n`);
    expect(await session.next()).toEqual({ jsonrpc: '2.0', id: 11, result: {} });
  });
});
