// Issue 13: helpdesk exports as the APIs really return them.
import { describe, expect, it } from 'vitest';
import { conversationsIn } from '../src/input/importers/index.js';
import { cli, tempFile as file } from './helpers.js';

const users = [
  { id: 11, name: 'Anna Smith', role: 'end-user' },
  { id: 22, name: 'Tom Agent', role: 'agent' },
];
const comments = [
  { id: 1, author_id: 11, public: true, body: 'My parcel has not arrived.', created_at: '2025-03-01T09:00:00Z' },
  { id: 2, author_id: 22, public: false, body: 'Checked with DPD.', created_at: '2025-03-01T09:05:00Z' },
  { id: 3, author_id: 22, public: true, body: 'Hi Anna, it arrives tomorrow. Kind regards, Tom', created_at: '2025-03-01T09:10:00Z' },
];

describe('Zendesk as its APIs return it', () => {
  it('the Comments API response ({comments, users, next_page}) is one ticket', () => {
    const [c] = conversationsIn({ comments, users, next_page: null, previous_page: null, count: 3 });
    expect(c.messages.map((m) => m.role)).toEqual(['customer', 'note', 'agent']);
    expect(c.messages[2].author).toBe('Tom Agent');
  });

  it('the incremental export: a ticket a line, comments embedded', () => {
    const line = (id: number) => JSON.stringify({ id, subject: 'Parcel', status: 'open', requester_id: 11, comments });
    const r = cli(['audit', '-f', 'json', '--workers', '0', '--from', 'zendesk', file('incremental.jsonl', `${line(1)}\n${line(2)}\n`)]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).results.map((x: { conversationId: string }) => x.conversationId)).toEqual(['1', '2']);
    // Recognised without --from too, and linted by the lint command alike.
    const lint = cli(['-f', 'json', file('ticket.json', line(7))]);
    expect(JSON.parse(lint.stdout).results).toHaveLength(1);
  });

  it('--from zendesk on another shape is an error naming what it expected, not 0 replies and exit 0', () => {
    const r = cli(['audit', '--from', 'zendesk', file('other.json', JSON.stringify({ conversations: [] }))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a zendesk export: expected {tickets, users}');
    expect(r.stderr).toContain('found conversations');
  });
});

describe('Help Scout threads', () => {
  const conversation = {
    id: 9,
    mailboxId: 1,
    primaryCustomer: { first: 'Eva', last: 'Malá' },
    threads: [
      { type: 'lineitem', createdAt: '2025-03-01T09:20:00Z', action: { text: 'Assigned to Tom' } },
      { type: 'chat', body: 'Hi Eva, your refund went out today. Tom', createdBy: { type: 'user', first: 'Tom' }, createdAt: '2025-03-01T09:10:00Z' },
      { type: 'chat', body: 'Where is my refund?', createdBy: { type: 'customer', first: 'Eva' }, createdAt: '2025-03-01T09:00:00Z' },
    ],
  };
  it('chat threads are mapped by who wrote them; what carries no message is counted in a notice', () => {
    const [c] = conversationsIn(conversation);
    expect(c.messages.map((m) => m.role)).toEqual(['customer', 'agent']);
    const r = cli(['audit', '-f', 'json', '--workers', '0', file('hs.json', JSON.stringify(conversation))]);
    expect(JSON.parse(r.stdout).results).toHaveLength(1);
    expect(r.stderr).toContain('conversation 9: 1 lineitem thread skipped');
  });
});

describe('lint reads exports as audit does', () => {
  it('the README first command: every helpdesk export and the CSV linted as conversations', () => {
    const r = cli(['-f', 'json', 'fixtures/']);
    const report = JSON.parse(r.stdout);
    const bySource = (name: string) => report.results.filter((x: { source: string }) => x.source.endsWith(name));
    for (const name of ['zendesk.json', 'intercom.json', 'freshdesk.json', 'helpscout.json']) expect(bySource(name).length, name).toBeGreaterThan(0);
    // The CSV's columns read from its header (ticket, sender, body, agent, created), one result per agent message.
    expect(bySource('export.csv').map((x: { conversationId: string }) => x.conversationId)).toEqual(['501', '502']);
    expect(r.stderr).not.toContain('add "messages"');
  });

  it('a CSV whose header names no columns says how to map them', () => {
    const r = cli(['-f', 'json', file('odd.csv', 'a,b,c\n1,2,3\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not say which columns hold the conversation, the role and the text; give --csv-columns');
  });
});
