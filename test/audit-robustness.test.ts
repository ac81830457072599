// replylint audit on inputs that once killed it (issue 10, item 5): a long conversation,
// whose replies each copied the whole history, and a worker thread that dies.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter, lint } from '../src/index.js';
import { repliesFromConversation } from '../src/input/conversation.js';
import { defaultContext } from '../src/types.js';
import { cli, ROOT, tempDir } from './helpers.js';

interface Message {
  role: 'customer' | 'agent';
  text: string;
  author?: string;
}

const CUSTOMER = ['Where is my parcel? Order 5512.', 'It still has not arrived.', 'Thanks, that worked!', 'The kettle arrived broken.'];
const AGENT = [
  'Hi Sam, I have asked the courier to deliver it tomorrow by 10 am.',
  'Hi Sam, sorry about that. Please send us a photo.',
  'Hi Sam, glad to hear it!',
];

/** Customer and agent taking turns: complaints, apologies and thanks, so the rules that read the history have something to find. */
function longMessages(count: number): Message[] {
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0
      ? { role: 'customer', text: CUSTOMER[(i / 2) % CUSTOMER.length] }
      : { role: 'agent', text: AGENT[((i - 1) / 2) % AGENT.length], author: 'Mark Taylor' },
  );
}

const shortConversation = (id: string) => ({
  id,
  customer: { name: 'Sam Hill' },
  messages: [
    { role: 'customer', text: 'Where is it?' },
    { role: 'agent', text: 'Hi Sam, it ships today.', author: 'Emma Lewis' },
  ],
});

/** A JSONL file: a short conversation, the long one, another short one. */
function exportWith(messages: Message[]): string {
  const file = join(tempDir(), 'long.jsonl');
  const lines = [shortConversation('before'), { id: 'long', customer: { name: 'Sam Hill' }, messages }, shortConversation('after')];
  writeFileSync(file, lines.map((c) => JSON.stringify(c)).join('\n') + '\n');
  return file;
}

type Judged = [messageIndex: number, score: number, rules: string];

/** Each agent message linted by the library with its whole history as plain arrays, copied afresh: what the audit must agree with. */
function judgedWithCopiedHistory(messages: Message[]): Judged[] {
  const linter = createLinter();
  const texts = (role: Message['role']) => messages.filter((m) => m.role === role).map((m) => m.text);
  const [customerTexts, agentTexts] = [texts('customer'), texts('agent')];
  const judged: Judged[] = [];
  let customers = 0;
  let agents = 0;
  messages.forEach((m, index) => {
    if (m.role === 'customer') {
      customers++;
      return;
    }
    const context = defaultContext({
      customerName: 'Sam Hill',
      agentName: m.author,
      customerMessages: customerTexts.slice(0, customers),
      previousAgentMessages: agentTexts.slice(0, agents),
      firstReply: agents === 0,
    });
    const result = linter.lint({ text: m.text, source: 'x', context });
    judged.push([index, result.score, result.violations.map((v) => v.rule).join(',')]);
    agents++;
  });
  return judged;
}

interface AuditJson {
  results: { conversationId: string; messageIndex: number; score: number; violations: { rule: string }[] }[];
  summary: { replies: number; errors: number; skipped: number };
  audit: { agents: { agent: string; replies: number }[]; rules: { rule: string; violations: number }[] };
}

function expectAuditedInFull(reportFile: string, messages: Message[]): void {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as AuditJson;
  const long = report.results.filter((r) => r.conversationId === 'long');
  expect(long.map((r): Judged => [r.messageIndex, r.score, r.violations.map((v) => v.rule).join(',')])).toEqual(judgedWithCopiedHistory(messages));
  expect(report.results.map((r) => r.conversationId).filter((id) => id !== 'long')).toEqual(['before', 'after']);
  const replies = messages.length / 2;
  expect(report.summary).toMatchObject({ replies: replies + 2, errors: 0, skipped: 0 });
  expect(report.audit.agents.map((a) => [a.agent, a.replies]).sort()).toEqual([
    ['Emma Lewis', 2],
    ['Mark Taylor', replies],
  ]);
  // The rule the history matters to: "sorry" is required after a complaint until given.
  expect(report.audit.rules.find((r) => r.rule === 'apology')?.violations).toBe(long.filter((r) => r.violations.some((v) => v.rule === 'apology')).length);
}

describe("a reply's history", () => {
  it('holds the messages before the reply and no later ones, wherever the reply goes', () => {
    const messages = longMessages(8);
    const { replies } = repliesFromConversation({ messages }, 'x', 1, {});
    const last = replies[3].context;
    expect([...last.customerMessages]).toEqual([CUSTOMER[0], CUSTOMER[1], CUSTOMER[2], CUSTOMER[3]]);
    expect([last.previousAgentMessages.at(-1), last.previousAgentMessages.slice(-2), last.previousAgentMessages.length]).toEqual([
      AGENT[2],
      [AGENT[1], AGENT[2]],
      3,
    ]);
    const first = replies[0].context;
    expect([first.customerMessages.length, first.customerMessages.at(1), first.customerMessages.slice(), JSON.stringify(first)]).toEqual([
      1,
      undefined,
      [CUSTOMER[0]],
      expect.stringContaining('"customerMessages":["Where is my parcel? Order 5512."],"previousAgentMessages":[]'),
    ]);
    // The library keeps a conversation's history as it is: the complaint asks for an apology.
    expect(lint(AGENT[0], replies[0].context).violations.map((v) => v.rule)).toContain('apology');
    expect(lint(AGENT[0], { customerName: 'Sam Hill' }).violations.map((v) => v.rule)).not.toContain('apology');
  });
});

describe('a long conversation', () => {
  it('of 5,000 messages is audited on two workers, each reply judged with its whole history', () => {
    const messages = longMessages(5000);
    const input = exportWith(messages);
    const r = cli(['audit', '--format', 'json', '--workers', '2', '-o', `${input}.report.json`, input]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectAuditedInFull(`${input}.report.json`, messages);
  });

  it('of 20,000 messages is audited in the main thread (--workers 1) within a heap of 128 MB', () => {
    const messages = longMessages(20000);
    const input = exportWith(messages);
    // Its replies once held a copy of the history each: about 1 GB for this conversation.
    const r = cli(['audit', '--format', 'json', '--workers', '1', '-o', `${input}.report.json`, input], { env: { NODE_OPTIONS: '--max-old-space-size=128' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectAuditedInFull(`${input}.report.json`, messages);
  });
});

describe('a worker thread that dies', () => {
  const KILL = { NODE_OPTIONS: `--require ${join(ROOT, 'test', 'fixtures', 'kill-audit-worker.cjs')}`, REPLYLINT_WORKER_HEAP_MB: '32' };
  // A pool once waited for ever on a worker that had exited: such a run is ended, and fails.
  const killAfterMs = 120_000;
  /** Short conversations, one per line (line n holds id c<n>), some given an id that kills the worker parsing them. */
  function exportOf(lines: number, killer: (line: number) => string | undefined): string {
    const file = join(tempDir(), 'export.jsonl');
    const conversations = Array.from({ length: lines }, (_, i) => shortConversation(killer(i + 1) ?? `c${i + 1}`));
    writeFileSync(file, conversations.map((c) => JSON.stringify(c)).join('\n') + '\n');
    return file;
  }

  it.each([
    [
      'runs out of memory',
      'exhaust-worker-heap',
      'the worker thread ran out of memory; audit the file with --workers 1 (no worker threads), or give each worker more heap with REPLYLINT_WORKER_HEAP_MB (now 32)',
    ],
    ['crashes', 'exit-worker', 'the worker thread stopped (exit code 70)'],
  ])('and %s is replaced; its batch is reported skipped with file and lines, and the rest is audited', (_, killerId, why) => {
    const input = exportOf(6000, (line) => (line === 2000 ? killerId : undefined));
    const output = `${input}.report.json`;
    const r = cli(['audit', '--format', 'json', '--workers', '2', '-o', output, input], { env: KILL, killAfterMs });
    const skipped = /^replylint: (.+):(\d+): lines (\d+)-(\d+) not audited: (.+)\n$/.exec(r.stderr);
    expect(skipped?.slice(1)).toEqual([input, skipped?.[3], expect.any(String), expect.any(String), why]);
    const [first, last] = [Number(skipped![3]), Number(skipped![4])];
    // One batch of lines, the killer among them; the batches before and after it audited.
    expect(first <= 2000 && 2000 <= last && first > 1 && last < 6000).toBe(true);
    const report = JSON.parse(readFileSync(output, 'utf8')) as AuditJson;
    const outside = Array.from({ length: 6000 }, (_, i) => i + 1).filter((line) => line < first || line > last);
    expect(report.results.map((x) => x.conversationId)).toEqual(outside.map((line) => `c${line}`));
    expect(report.summary).toMatchObject({ replies: outside.length, errors: 0, skipped: 1 });
    expect(r.code).toBe(0);
  });

  it('on a conversation longer than a block takes no other conversation with it', () => {
    const file = join(tempDir(), 'export.jsonl');
    const long = { ...shortConversation('exhaust-worker-heap'), messages: [{ role: 'agent', text: 'Hi Sam, here is the log:\n'.repeat(20_000) }] };
    const lines = [
      ...Array.from({ length: 1000 }, (_, i) => shortConversation(`a${i}`)),
      long,
      ...Array.from({ length: 1000 }, (_, i) => shortConversation(`b${i}`)),
    ];
    writeFileSync(file, lines.map((c) => JSON.stringify(c)).join('\n') + '\n');
    const output = `${file}.report.json`;
    const r = cli(['audit', '--format', 'json', '--workers', '2', '-o', output, file], { env: KILL, killAfterMs });
    expect(r.stderr).toMatch(new RegExp(`^replylint: ${file}:1001: line 1001 not audited: the worker thread ran out of memory;`));
    const report = JSON.parse(readFileSync(output, 'utf8')) as AuditJson;
    expect(report.results.map((x) => x.conversationId)).toEqual(lines.filter((c) => c !== long).map((c) => c.id));
    expect(r.code).toBe(0);
  });

  it('again and again stops the audit with exit 2 and says why, and the previous report stays', () => {
    const input = exportOf(9000, () => 'exhaust-worker-heap');
    const output = join(tempDir(), 'report.json');
    writeFileSync(output, 'the previous report\n');
    const r = cli(['audit', '--format', 'json', '--workers', '2', '-o', output, input], { env: KILL, killAfterMs });
    expect(r.stderr).toBe(
      'replylint: the audit stopped: 3 worker threads in a row died before finishing a batch: they ran out of memory\n' +
        '  hint: audit with --workers 1 (no worker threads), or give each worker more heap with REPLYLINT_WORKER_HEAP_MB (now 32)\n',
    );
    expect(r.code).toBe(2);
    expect(readFileSync(output, 'utf8')).toBe('the previous report\n');
  });
});
