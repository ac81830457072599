// Conversations that once ended a whole lint or audit: one odd value in one conversation
// is a notice with its file and line, and every other conversation is still read.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from './helpers.js';

const GOOD = 'Hi Anna,\n\nThe ETA is Monday.\n\nBest,\nMark\n';
const conversation = (id: unknown, more: object = {}) => ({
  id,
  messages: [
    { role: 'customer', text: 'Where is my order?' },
    { role: 'agent', text: GOOD },
  ],
  ...more,
});
const jsonl = (values: unknown[]) => values.map((v) => JSON.stringify(v)).join('\n') + '\n';

interface Report {
  results: { source: string; conversationId?: string; agent?: string; time?: string }[];
}
const ids = (stdout: string) => (JSON.parse(stdout) as Report).results.map((r) => r.conversationId);

/** `args` linted and audited in the main thread and on two worker threads, each run's stdout and stderr. */
function everyWay(dir: string, files: string[], { lint = true } = {}) {
  const runs = [
    ...(lint ? [['-f', 'json', ...files]] : []),
    ['audit', '-f', 'json', '--workers', '0', ...files],
    ['audit', '-f', 'json', '--workers', '2', ...files],
  ];
  return runs.map((args) => ({ args: args.join(' '), ...cli(args, { cwd: dir, killAfterMs: 30_000 }) }));
}

/** Each of everyWay's runs said `stderr`, reported the conversations `expected` in order, and exited 0. */
function expectEveryWay(dir: string, files: string[], stderr: string, expected: string[]): void {
  for (const run of everyWay(dir, files)) {
    expect([run.args, run.stderr]).toEqual([run.args, stderr]);
    expect([run.args, ids(run.stdout)]).toEqual([run.args, expected]);
    expect(run.code).toBe(0);
  }
}

describe('a conversation id that is not a string or a number', () => {
  it('is a notice, and the conversation is reported under its line; the others are read as ever', () => {
    const dir = tempDir();
    const objectId = { toString: 1 };
    writeFileSync(join(dir, 'c.jsonl'), jsonl([conversation('c1'), conversation(objectId), conversation(7), conversation(['a', 'b'])]));
    // A JSON array crosses to the worker threads as parsed conversations.
    writeFileSync(join(dir, 'c.json'), JSON.stringify([conversation('d1'), conversation(objectId)]));
    expectEveryWay(
      dir,
      ['c.jsonl', 'c.json'],
      'replylint: c.jsonl:2: conversation "id" is an object, not a string or a number; its replies are reported under its line number, 2\n' +
        'replylint: c.jsonl:4: conversation "id" is a list, not a string or a number; its replies are reported under its line number, 4\n' +
        'replylint: c.json:2: conversation "id" is an object, not a string or a number; its replies are reported under its line number, 2\n',
      ['c1', '2', '7', '4', 'd1', '2'],
    );
  });
});

describe('helpdesk exports with odd values are read as far as they make sense', () => {
  it('a Zendesk user whose id is an object matches no one; the export is audited as without it', () => {
    const dir = tempDir();
    const exported = join(ROOT, 'fixtures', 'exports', 'zendesk.json');
    const zendesk = JSON.parse(readFileSync(exported, 'utf8')) as { users: object[] };
    zendesk.users.push({ id: { toString: 1 }, name: 'Nobody', role: 'agent' });
    writeFileSync(join(dir, 'zendesk.json'), JSON.stringify(zendesk));
    const asExported = (JSON.parse(cli(['audit', '-f', 'json', exported]).stdout) as Report).results.map((r) => ({ ...r, source: 'zendesk.json' }));
    expect(asExported.length).toBeGreaterThan(1);
    for (const run of everyWay(dir, ['zendesk.json'], { lint: false })) {
      expect([run.args, run.stderr]).toEqual([run.args, '']);
      expect((JSON.parse(run.stdout) as Report).results).toEqual(asExported);
    }
  });

  it('an Intercom time beyond what a date can hold is no time; the conversation is audited', () => {
    const dir = tempDir();
    const intercom = {
      type: 'conversation',
      id: 'i1',
      created_at: 1e20,
      source: { body: '<p>Where is it?</p>', author: { type: 'user', name: 'Anna' } },
      conversation_parts: [{ part_type: 'comment', created_at: -1e17, body: `<p>${GOOD}</p>`, author: { type: 'admin', name: 'Mark' } }],
    };
    writeFileSync(join(dir, 'intercom.jsonl'), jsonl([intercom, { ...intercom, id: 'i2', conversation_parts: [] }]));
    for (const run of everyWay(dir, ['intercom.jsonl'], { lint: false })) {
      expect([run.args, run.stderr]).toEqual([run.args, '']);
      expect((JSON.parse(run.stdout) as Report).results.map((r) => [r.conversationId, r.time])).toEqual([['i1', undefined]]);
    }
  });
});

describe('values nested deeper than any export nests them', () => {
  /** JSON of a list in a list, 100,000 times: JSON.parse reads it; recursive code (JSON.stringify among it) overflows the stack on it. */
  const NESTED = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  /** A value as JSON, with NESTED where it holds the string "NESTED". */
  const withNested = (value: unknown) => JSON.stringify(value).replace('"NESTED"', NESTED);

  it('a role nested 100,000 lists deep is an unknown role; the rest is read', () => {
    const dir = tempDir();
    const deepRole = {
      id: 'c2',
      messages: [
        { role: 'NESTED', text: GOOD },
        { role: 'agent', text: GOOD },
      ],
    };
    writeFileSync(join(dir, 'c.jsonl'), [conversation('c1'), deepRole, conversation('c3')].map(withNested).join('\n') + '\n');
    expectEveryWay(dir, ['c.jsonl'], 'replylint: c.jsonl:2: conversation c2 message 0: unknown role (a list); use "customer" or "agent"; message skipped\n', [
      'c1',
      'c2',
      'c3',
    ]);
  });

  it('a field the format does not read, nested 100,000 deep, is left behind (it once ended the audit on worker threads with exit 1)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.json'), withNested([conversation('c1'), conversation('c2', { extra: 'NESTED' }), conversation('c3')]));
    expectEveryWay(dir, ['c.json'], '', ['c1', 'c2', 'c3']);
  });

  it('HTML nested 20,000 elements deep is read to a depth, in an .html reply and in an export', () => {
    const dir = tempDir();
    const deepHtml = `<p>Hi Anna,</p>${'<div>'.repeat(20_000)}x${'</div>'.repeat(20_000)}<p>Best, Mark</p>`;
    writeFileSync(join(dir, 'deep.html'), deepHtml);
    writeFileSync(join(dir, 'good.txt'), GOOD);
    const lint = cli(['-f', 'json', 'deep.html', 'good.txt'], { cwd: dir, killAfterMs: 30_000 });
    expect(lint.stderr).toBe('');
    expect((JSON.parse(lint.stdout) as Report).results.map((r) => r.source)).toEqual(['deep.html', 'good.txt']);
    const zendesk = {
      tickets: [
        {
          id: 1,
          requester_id: 9,
          comments: [
            { author_id: 9, plain_body: 'Where is it?' },
            { author_id: 7, html_body: deepHtml },
          ],
        },
        { id: 2, requester_id: 9, comments: [{ author_id: 7, plain_body: GOOD }] },
      ],
      users: [
        { id: 9, role: 'end-user' },
        { id: 7, role: 'agent', name: 'Mark' },
      ],
    };
    writeFileSync(join(dir, 'zendesk.json'), JSON.stringify(zendesk));
    for (const run of everyWay(dir, ['zendesk.json'], { lint: false })) {
      expect([run.args, run.stderr]).toEqual([run.args, '']);
      expect(ids(run.stdout)).toEqual(['1', '2']);
    }
  });

  it('HTML nested 400,000 elements deep (4.4 MB) is read without its tags instead of in time that grows with the square of the depth', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'deep.html'), `<p>Hi Anna,</p>${'<div>'.repeat(400_000)}The ETA is Monday.${'</div>'.repeat(400_000)}<p>Best, Mark</p>`);
    writeFileSync(join(dir, 'good.txt'), GOOD);
    // Killed at 20 s: it took about a minute.
    const lint = cli(['-f', 'json', 'deep.html', 'good.txt'], { cwd: dir, killAfterMs: 20_000 });
    expect(lint.stderr).toBe('');
    expect((JSON.parse(lint.stdout) as Report).results.map((r) => r.source)).toEqual(['deep.html', 'good.txt']);
  }, 60_000);
});

describe('a bug of ours on one conversation or reply', () => {
  const PLANT = { NODE_OPTIONS: `--require ${join(ROOT, 'test', 'fixtures', 'plant-internal-error.cjs')}` };

  it('is a notice with its file and line that asks for a report; the rest is linted and audited, and the exit code is theirs', () => {
    const dir = tempDir();
    const twoReplies = {
      id: 'c2',
      messages: [
        { role: 'agent', text: `${GOOD}plant-lint-fault` },
        { role: 'customer', text: 'Thanks' },
        { role: 'agent', text: GOOD },
      ],
    };
    const unreadable = { id: 'c3', messages: [{ role: 'plant-read-fault', text: GOOD }] };
    writeFileSync(join(dir, 'c.jsonl'), jsonl([conversation('c1'), twoReplies, unreadable, conversation('c4')]));
    writeFileSync(join(dir, 'bad.txt'), `${GOOD}plant-lint-fault`);
    writeFileSync(join(dir, 'good.txt'), GOOD);
    const planted = (line: number, subject: string) =>
      `replylint: c.jsonl:${line}: internal error on ${subject} (a fault planted by the test); please report it; skipped\n`;
    const lint = cli(['-f', 'json', 'c.jsonl', 'bad.txt', 'good.txt'], { cwd: dir, env: PLANT });
    expect(lint.stderr).toBe(
      planted(2, 'conversation c2 message 0') +
        planted(3, 'conversation c3') +
        'replylint: bad.txt: internal error on this reply (a fault planted by the test); please report it; skipped\n',
    );
    expect((JSON.parse(lint.stdout) as Report).results.map((r) => r.conversationId ?? r.source)).toEqual(['c1', 'c2', 'c4', 'good.txt']);
    expect(lint.code).toBe(0);
    for (const workers of ['0', '2']) {
      const audit = cli(['audit', '-f', 'json', '--workers', workers, 'c.jsonl'], { cwd: dir, env: PLANT, killAfterMs: 30_000 });
      expect(audit.stderr).toBe(planted(2, 'conversation c2 message 0') + planted(3, 'conversation c3'));
      expect(ids(audit.stdout)).toEqual(['c1', 'c2', 'c4']);
      expect(audit.code).toBe(0);
    }
  });
});
