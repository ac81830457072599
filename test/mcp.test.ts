// The MCP server, spoken to by the official SDK's client over stdio.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.js';

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
      arguments: { text: 'Dobrý den, pane Novák,\n\nzítra vám zavoláme.\n\nS pozdravem\nPetr Malý\n\nPožadavek č. 48213', customerName: 'Petr Novák', language: 'cs' },
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
});
