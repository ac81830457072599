// replylint audit: importers on their fixtures, CSV mapping, skipped accounting, figures.
import { closeSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FiguresBuilder } from '../src/audit/figures.js';
import { redact } from '../src/audit/redact.js';
import { conversationsIn } from '../src/input/importers/index.js';
import { readCsv, parseCsvColumns } from '../src/input/importers/csv.js';
import type { AuditedReply } from '../src/types.js';
import { cli, ROOT, tempDir } from './helpers.js';

const fixture = (name: string) => JSON.parse(readFileSync(join(ROOT, 'fixtures', 'exports', name), 'utf8')) as unknown;
const roles = (value: unknown) => conversationsIn(value)[0].messages.map((m) => m.role);

describe('importers', () => {
  it('Zendesk: end-user, agent and admin by role; private comments are notes; HTML becomes text without the quote', () => {
    const [c] = conversationsIn(fixture('zendesk.json'));
    expect(c.customer?.name).toBe('Anna Smith');
    expect(c.messages.map((m) => m.role)).toEqual(['customer', 'note', 'agent', 'customer', 'agent']);
    expect(c.messages[2].text).toBe(
      "Hi Anna,\n\nI'm sorry your grinder hasn't arrived yet. I've asked DPD to deliver it tomorrow, and I'll email you the tracking link by 10 am.\n\nBest wishes,\nMark Taylor",
    );
    expect(c.messages[2].author).toBe('Mark Taylor');
  });

  it('markup clutter is found in the HTML source the text came from', async () => {
    const { lint } = await import('../src/index.js');
    const { repliesFromConversation } = await import('../src/input/conversation.js');
    const [c] = conversationsIn(fixture('zendesk.json'));
    const [reply] = repliesFromConversation(c, 'zendesk.json', undefined, {}).replies;
    expect(reply.html).toContain('<font color="red">');
    const clutter = lint(reply.text, reply.context, {}).violations.filter((v) => v.rule === 'no-ticket-clutter');
    expect(clutter).toEqual([]); // the text alone has no markup left
    const { createLinter } = await import('../src/index.js');
    const found = createLinter()
      .lint(reply)
      .violations.filter((v) => v.rule === 'no-ticket-clutter');
    expect(found.map((v) => v.message)).toEqual(['Helpdesk clutter "<font color="red">" does not belong in the message.']);
  });

  it('Intercom: the source opens the conversation; bots, notes and assignments are not the agent', () => {
    const [c] = conversationsIn(fixture('intercom.json'));
    expect(c.messages.map((m) => m.role)).toEqual(['customer', 'bot', 'note', 'agent', 'customer', 'agent']);
    expect(c.messages[3].text).toBe('Dobrý den, paní Svobodová, omlouvám se za zpoždění. Pošlete mi prosím číslo objednávky, hned to zjistím.');
    expect(c.messages[3].time).toBe('2025-03-03T11:08:40.000Z');
  });

  it("Freshdesk: the description is the customer's; incoming and private decide the rest", () => {
    expect(roles((fixture('freshdesk.json') as unknown[])[0])).toEqual(['customer', 'note', 'agent', 'customer']);
    expect(conversationsIn((fixture('freshdesk.json') as unknown[])[0])[0].messages[2].text).toBe(
      'Dobrý deň, pán Novák,\n\nzľavy neposkytujeme.\n\nS pozdravom\nIvana Poláková',
    );
  });

  it('Help Scout: threads come newest first and are put in order; the quoted history is cut', () => {
    const [c] = conversationsIn(fixture('helpscout.json'));
    expect(c.messages.map((m) => m.role)).toEqual(['customer', 'note', 'agent']);
    expect(c.messages[0].text).toBe("I sent the jacket back three weeks ago and still haven't had my refund.");
    expect(c.customer?.name).toBe('James Wilson');
  });

  it('an unknown shape says what a conversation needs and how to name the helpdesk', () => {
    expect(() => conversationsIn({ foo: 1 })).toThrow(
      /not a conversation nor an export replylint knows \(keys: foo\): a conversation needs "messages": .*; for a helpdesk export, name the helpdesk with --from zendesk\|/,
    );
    expect(() => conversationsIn('hello')).toThrow(/not a conversation \(a string\)/);
    // A conversation whose "messages" is no list is one: the conversation reader explains.
    expect(conversationsIn({ messages: 'hi' })).toEqual([{ messages: 'hi' }]);
  });
});

describe('CSV', () => {
  it('maps columns, groups rows by conversation and reports rows without text', async () => {
    const records = [];
    const fd = openSync(join(ROOT, 'fixtures', 'exports', 'export.csv'), 'r');
    const readAt = async (buffer: Uint8Array, position: number) => readSync(fd, buffer, 0, buffer.length, position);
    for await (const r of readCsv(readAt, parseCsvColumns('conversation=ticket,role=sender,text=body,author=agent,time=created'))) records.push(r);
    closeSync(fd);
    const conversations = records.flatMap((r) => (r.conversation ? [r.conversation] : []));
    expect(conversations.map((c) => [c.id, c.messages.map((m) => m.role)])).toEqual([
      ['501', ['customer', 'agent']],
      ['502', ['customer', 'agent']],
    ]);
    expect(conversations[0].messages[1]).toMatchObject({ author: 'Ryan Scott', time: '2025-03-07T08:30:00Z' });
    expect(records.filter((r) => r.notice).map((r) => r.notice)).toEqual([{ line: 10, message: 'message without text; skipped' }]);
  });

  it('a bad mapping says what it needs', () => {
    expect(() => parseCsvColumns('conversation=ticket,text=body')).toThrow('--csv-columns needs role=<column>');
    expect(() => parseCsvColumns('conversation=ticket,role=sender,text=body,mood=x')).toThrow(/"mood=x" is not field=column/);
  });
});

describe('large JSON arrays', () => {
  it('stream element by element, reporting bad elements and a broken tail', async () => {
    const { readAuditFile } = await import('../src/audit/read.js');
    const dir = tempDir();
    const file = join(dir, 'export.json');
    const good = (id: string) => ({ id, messages: [{ role: 'agent', text: 'Hi Anna, done.' }] });
    writeFileSync(file, JSON.stringify([good('a'), 5, good('b'), good('c')]).slice(0, -4));
    const items = [];
    for await (const item of readAuditFile(file, { from: 'auto', streamJsonOver: 0 })) items.push(item);
    expect(items.map((i) => ('conversation' in i ? i.conversation.id : 'notice' in i ? i.notice.message.slice(0, 20) : '?'))).toEqual([
      'a',
      'not a conversation (',
      'b',
      'invalid JSON: Parser',
    ]);
  });
});

describe('figures', () => {
  const reply = (agent: string, score: number, rules: string[], time?: string): AuditedReply => ({
    source: 's',
    language: 'en',
    channel: 'email',
    score,
    agent,
    time,
    text: 't',
    violations: rules.map((rule) => ({ rule, severity: 'warning', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2 })),
  });

  it('per agent, per rule, per day and the worst replies', () => {
    const b = new FiguresBuilder(2);
    b.add(reply('Anna', 100, [], '2025-03-01T10:00:00Z'));
    b.add(reply('Anna', 80, ['apology', 'greeting'], '2025-03-01T11:00:00Z'));
    b.add(reply('Ben', 90, ['greeting'], '2025-03-02T09:00:00Z'));
    b.add(reply('Ben', 70, ['greeting', 'greeting', 'next-steps']));
    const f = b.build(3);
    expect(f).toMatchObject({ replies: 4, meanScore: 85, p10Score: 70, skipped: 3 });
    expect(f.agents).toEqual([
      { agent: 'Ben', replies: 2, meanScore: 80, p10Score: 70, violations: { greeting: 3, 'next-steps': 1 } },
      { agent: 'Anna', replies: 2, meanScore: 90, p10Score: 80, violations: { apology: 1, greeting: 1 } },
    ]);
    expect(f.rules.map((r) => [r.rule, r.violations, r.replies, r.share])).toEqual([
      ['greeting', 4, 3, 0.75],
      ['apology', 1, 1, 0.25],
      ['next-steps', 1, 1, 0.25],
    ]);
    expect(f.days).toEqual([
      { day: '2025-03-01', replies: 2, meanScore: 90 },
      { day: '2025-03-02', replies: 1, meanScore: 90 },
    ]);
    expect(f.worst.map((w) => w.score)).toEqual([70, 80]);
    expect(f.scoreDistribution).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
  });
});

describe('--redact', () => {
  it('masks every birth-number shape and any Luhn-valid card run, each mask as long as what it hides', () => {
    // A bad check digit is still a birth number to hide; so is a card of an unknown issuer.
    const text = 'RČ 880930/6628, born 8809306628, card 9999 9999 9999 9995, mail jan.novak@seznam.cz.';
    const masked = redact(text);
    expect(masked).toBe('RČ ••••••/••••, born ••••••••••, card •••• •••• •••• 9995, mail j••••••••@seznam.cz.');
    expect(masked.length).toBe(text.length); // so the HTML report's highlights stay on their words
  });

  it('masks e-mail addresses, phone, card and birth numbers', () => {
    expect(redact('Write to ella.t@gmail.com or call 07700 900123; card 4539 1488 0343 6467; RČ 880930/6627; order 10023.')).toBe(
      'Write to e•••••@gmail.com or call ••••• ••••23; card •••• •••• •••• 6467; RČ ••••••/••••; order 10023.',
    );
  });
});

describe('replylint audit (the built binary)', () => {
  it('reads every fixture export, keeps input order on two workers, and counts what it skipped', () => {
    const dir = tempDir();
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(
      broken,
      `${JSON.stringify({ id: 'x', messages: [{ role: 'agent', text: 'Hi Anna, done.' }] })}\nnot json\n{"tickets": 3}\n{"id": "y", "messages": [{"role": "agent"}]}\n`,
    );
    const files = ['zendesk.json', 'intercom.json', 'freshdesk.json', 'helpscout.json'].map((f) => join(ROOT, 'fixtures', 'exports', f));
    const r = cli(['audit', '--format', 'json', '--workers', '2', ...files, broken]);
    const report = JSON.parse(r.stdout);
    expect(report.results.map((x: { conversationId: string; messageIndex: number }) => `${x.conversationId}#${x.messageIndex}`)).toEqual([
      '4821#2',
      '4821#4',
      '1911149811#3',
      '1911149811#5',
      '7731#2',
      '88123#2',
      'x#0',
    ]);
    expect(report.summary.skipped).toBe(3);
    expect(report.audit.agents.map((a: { agent: string }) => a.agent).sort()).toEqual([
      '(unknown agent)',
      'Barbora Šimková',
      'Emma Lewis',
      'Jake Thompson',
      'Mark Taylor',
      'user 33',
    ]);
    expect(r.stderr).toContain(`${broken}:2: invalid JSON on this line`);
    expect(r.stderr).toContain(`${broken}:3: not a conversation nor an export replylint knows`);
    expect(r.stderr).toContain(`${broken}:4: conversation y message 0: no "text" (or "content") string; message skipped`);
  });

  it('skips a conversation line too long for a worker, with its line, and audits the rest', () => {
    const dir = tempDir();
    const file = join(dir, 'long.jsonl');
    const conversation = (id: string, text: string) =>
      JSON.stringify({
        id,
        messages: [
          { role: 'customer', text: 'Where is it?' },
          { role: 'agent', text },
        ],
      });
    writeFileSync(
      file,
      [conversation('a', 'Hi Sam, it ships today.'), conversation('b', 'word '.repeat(500_000)), conversation('c', 'Hi Sam, it ships today.')].join('\n') +
        '\n',
    );
    for (const workers of ['1', '2']) {
      const r = cli(['audit', '--format', 'json', '--workers', workers, file]);
      const report = JSON.parse(r.stdout);
      expect(report.results.map((x: { conversationId: string }) => x.conversationId)).toEqual(['a', 'c']);
      expect(report.summary.skipped).toBe(1);
      expect(r.stderr).toBe(`replylint: ${file}:2: line is over 2 MB; a conversation that long is skipped\n`);
    }
  });

  it('filters by agent and date, and writes per-agent CSV', () => {
    const r = cli([
      'audit',
      '--format',
      'csv',
      '--per',
      'agent',
      '--since',
      '2025-03-04',
      '--agent',
      'Jake Thompson',
      join(ROOT, 'fixtures', 'exports', 'zendesk.json'),
    ]);
    const [header, row] = r.stdout.trim().split('\n');
    expect(header.split(',').slice(0, 4)).toEqual(['agent', 'replies', 'meanScore', 'p10Score']);
    expect(row.startsWith('Jake Thompson,1,')).toBe(true);
  });
});

describe('--redact in the HTML report', () => {
  it('keeps each highlight on its words after a masked address', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { cli } = await import('./helpers.js');
    const dir = mkdtempSync(join(tmpdir(), 'replylint-redact-'));
    const file = join(dir, 'export.jsonl');
    const text =
      'Hi Anna,\n\nwrite to jan.novakovic@example.com and we WILL CHECK it today.\n\nIf anything else comes up, just reply to this e-mail.\n\nKind regards,\nTom';
    writeFileSync(
      file,
      JSON.stringify({
        id: 'c1',
        messages: [
          { role: 'customer', text: 'Where is it?' },
          { role: 'agent', text },
        ],
      }) + '\n',
    );
    const html = cli(['audit', '--redact', '-f', 'html', '--workers', '0', file]).stdout;
    expect(html).not.toContain('jan.novakovic');
    expect(html).toMatch(/<mark class="v warning" data-rule="no-shouting"[^>]*>WILL<\/mark>/);
    expect(html).toMatch(/<mark class="v warning" data-rule="no-shouting"[^>]*>CHECK<\/mark>/);
  });
});
