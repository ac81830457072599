// Issue 13: the chat shape of LLM APIs ({"messages": [{"role": "user"|"assistant", "content": …}]})
// is a conversation wherever one is accepted: agents are a main user.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

const openai = {
  messages: [
    { role: 'system', content: 'You are a support agent for Acme.' },
    { role: 'user', content: 'My parcel still has not arrived, it has been two weeks!' },
    { role: 'assistant', content: 'Hi, I WILL CHECK IT NOW!!!' },
  ],
};
const anthropic = {
  id: 'a1',
  messages: [
    { role: 'user', content: [{ type: 'text', text: 'Objednávka mi pořád nedorazila.' }] },
    {
      role: 'assistant',
      content: [
        { type: 'text', text: 'Dobrý den,' },
        { type: 'tool_use', id: 't', name: 'lookup', input: {} },
        { type: 'text', text: 'zásilku jsme dnes odeslali znovu. NEZAPOMEŇTE!!!' },
      ],
    },
    { role: 'tool', content: [{ type: 'tool_result', tool_use_id: 't', content: 'ok' }] },
  ],
};

describe('LLM chat conversations', () => {
  it('on stdin: the assistant messages are the replies, the user messages their context', () => {
    const r = cli(['-f', 'json'], { input: JSON.stringify(openai) });
    const report = JSON.parse(r.stdout);
    expect(r.stderr).toBe('');
    expect(report.results).toHaveLength(1);
    expect(report.results[0].violations.map((v: { rule: string }) => v.rule)).toContain('no-shouting');
  });

  it('content given as parts (Anthropic): the text parts are the message; tool messages are skipped without a notice', () => {
    const r = cli(['-f', 'json'], { input: JSON.stringify(anthropic) });
    const report = JSON.parse(r.stdout);
    expect(report.summary.skipped).toBe(0);
    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({ conversationId: 'a1', language: 'cs' });
  });

  it('in a JSONL export for audit', () => {
    const file = join(tempDir(), 'chats.jsonl');
    writeFileSync(file, [openai, anthropic].map((c) => JSON.stringify(c)).join('\n') + '\n');
    const r = cli(['audit', '-f', 'json', '--workers', '0', file]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).results).toHaveLength(2);
  });
});
