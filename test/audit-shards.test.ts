// Issue 16: an audit split into shards (--shard i/n) run as separate processes, their
// figures files (--format figures) merged (audit merge) into what one run prints.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyHash, parseShard, placeKey, shardOfKey } from '../src/audit/shard.js';
import { audit } from '../src/index.js';
import { cli, ROOT, tempDir } from './helpers.js';

const AGENTS = ['Jana Horská', 'Petr Malý', 'Emma Lewis', 'Mark Taylor', 'Silvia Benková'];
const TEXTS = [
  'Hi {name},\n\nyour parcel leaves today and arrives tomorrow by noon.\n\nKind regards,\n{agent}',
  'Sorry for any inconvenience. We will look into it ASAP and get back to you soon.',
  'Dobrý den,\n\nomlouváme se za zpoždění. Zásilku vám doručíme zítra mezi 8:00 a 16:00.\n\nS pozdravem\n{agent}',
  'Dobrý deň,\n\nchyba je na strane backendu a eskalovala som ju na L2, založila som tiket.\n\nS pozdravom\n{agent}',
  'PLEASE READ OUR FAQ BEFORE WRITING.',
  'Hello Anna, as per our policy refunds take 14 days. Thanks.',
];

/**
 * A JSONL export of varied conversations (ids, numeric ids and none; agents, days,
 * languages; several replies each), a broken line and a line that is no conversation.
 */
function exportLines(count: number): string[] {
  const lines: string[] = [];
  for (let n = 0; n < count; n++) {
    const agent = AGENTS[n % AGENTS.length];
    const reply = (k: number) => ({
      role: 'agent',
      author: agent,
      time: `2025-03-${String(1 + ((n + k) % 9)).padStart(2, '0')}T10:00:00Z`,
      text: TEXTS[(n * 7 + k) % TEXTS.length].replace('{name}', 'Anna').replace('{agent}', agent),
    });
    const conversation: Record<string, unknown> = {
      messages: [{ role: 'customer', text: 'Where is my order?' }, reply(0), ...(n % 3 === 0 ? [{ role: 'customer', text: 'Thanks.' }, reply(1)] : [])],
    };
    if (n % 7 !== 3) conversation.id = n % 5 === 0 ? 1000 + n : `c-${n}`;
    lines.push(JSON.stringify(conversation));
    if (n === 40) lines.push('{"id": "broken", "messages": [');
    if (n === 90) lines.push('{"tickets": 3}');
  }
  return lines;
}

function exportFile(dir: string, count = 160): string {
  const file = join(dir, 'export.jsonl');
  writeFileSync(file, `${exportLines(count).join('\n')}\n`);
  return file;
}

/** The export, a JSON helpdesk export (read in the main thread) and a CSV one, as a lead would name them. */
function inputs(dir: string): string[] {
  return [exportFile(dir), join(ROOT, 'fixtures', 'exports', 'zendesk.json'), join(ROOT, 'fixtures', 'exports', 'export.csv')];
}

const json = (text: string) =>
  JSON.parse(text) as { results: { conversationId?: string; messageIndex?: number; source: string }[]; summary: object; audit: Audit };
type Audit = {
  replies: number;
  meanScore: number;
  p10Score: number;
  agents: { agent: string; meanScore: number; p10Score: number }[];
  rules: { rule: string; share: number }[];
  worst: { conversationId?: string; messageIndex?: number }[];
  incomplete?: unknown;
};
const where = (r: { conversationId?: string; messageIndex?: number; source: string }) => `${r.source}|${r.conversationId}#${r.messageIndex}`;

/** Shards i/n of the files as figures files, each its own process, alternating worker threads and none. */
function shardFiles(dir: string, files: string[], n: number, extra: string[] = []): string[] {
  return Array.from({ length: n }, (_, k) => {
    const out = join(dir, `shard-${k + 1}.json`);
    const r = cli(['audit', '--shard', `${k + 1}/${n}`, '--format', 'figures', '-o', out, '--workers', k % 2 ? '2' : '0', ...extra, ...files]);
    expect(r.code, r.stderr).not.toBe(2);
    return out;
  });
}

describe('the shard rule', () => {
  it('is the first 4 bytes of the SHA-256 of the key, cut into n equal ranges, from 1', () => {
    // printf %s b-1 | sha256sum → 3e499e75…: the docs' shell check gives the same shard.
    expect(keyHash('b-1')).toBe(0x3e499e75);
    expect(shardOfKey('b-1', 4)).toBe(Math.floor((0x3e499e75 * 4) / 2 ** 32) + 1);
    expect([shardOfKey('b-1', 2), shardOfKey('b-1', 3), shardOfKey('4821', 4), shardOfKey('Příliš žluťoučký kůň', 7)]).toEqual([1, 1, 3, 6]);
    // A conversation without an id is keyed by its place, whatever folder the file is in on this machine.
    expect(placeKey('/data/a/export.jsonl', 12, 1)).toBe('export.jsonl:12/1');
    expect(placeKey('export.json', undefined)).toBe('export.json:0/0');
  });

  it('spreads keys evenly over any number of shards', () => {
    for (const n of [2, 3, 4, 7]) {
      const counts = new Array<number>(n).fill(0);
      for (let i = 0; i < 20_000; i++) counts[shardOfKey(String(i), n) - 1]++;
      for (const c of counts) expect(Math.abs(c - 20_000 / n)).toBeLessThan((20_000 / n) * 0.05);
    }
  });

  it('--shard takes i/n from 1/n to n/n; anything else is a usage error saying how to write it', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    const file = exportFile(tempDir(), 3);
    for (const [bad, says] of [
      ['0/4', 'pass --shard $((JOB_COMPLETION_INDEX + 1))/4'],
      ['5/4', 'there is no shard 5 of 4'],
      ['1/0', 'n is the number of shards'],
      ['two/4', 'takes i/n'],
      ['1-4', 'takes i/n'],
    ]) {
      const r = cli(['audit', '--shard', bad, file]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr, bad).toContain(says);
    }
  });
});

describe('audit --shard, then audit merge', () => {
  it('4 shards in 4 processes cover every reply exactly once, and merged give the figures of a single run', () => {
    const dir = tempDir();
    const files = inputs(dir);
    const single = cli(['audit', '--format', 'json', '--workers', '2', ...files]);
    expect(single.code).toBe(0);
    const one = json(single.stdout);
    expect(one.summary).toMatchObject({ skipped: 3 }); // the broken line, the line of no conversation, the CSV's row without text

    // Every reply in exactly one shard.
    const perShard = [1, 2, 3, 4].map((i) =>
      json(cli(['audit', '--shard', `${i}/4`, '--format', 'json', '--workers', '0', ...files]).stdout).results.map(where),
    );
    expect(perShard.every((list) => list.length > 0)).toBe(true);
    expect(perShard.flat().sort()).toEqual(one.results.map(where).sort());

    const shards = shardFiles(dir, files, 4);
    const merged = cli(['audit', 'merge', '--format', 'json', ...shards.reverse()]);
    expect(merged.code, merged.stderr).toBe(0);
    const all = json(merged.stdout);
    expect(all.results).toEqual([]); // the figures hold no replies
    expect(all.summary).toEqual(one.summary);
    expect(all.audit).toEqual(one.audit);
    // Spelled out, what the issue asks to be identical:
    expect(all.audit.replies).toBe(one.audit.replies);
    expect(all.audit.agents.map((a) => [a.agent, a.meanScore, a.p10Score])).toEqual(one.audit.agents.map((a) => [a.agent, a.meanScore, a.p10Score]));
    expect(all.audit.p10Score).toBe(one.audit.p10Score);
    expect(all.audit.rules.map((r) => [r.rule, r.share])).toEqual(one.audit.rules.map((r) => [r.rule, r.share]));
    expect(all.audit.worst.map((w) => `${w.conversationId}#${w.messageIndex}`)).toEqual(one.audit.worst.map((w) => `${w.conversationId}#${w.messageIndex}`));
    expect(one.audit.worst).toHaveLength(10);

    // Every report prints what the single run prints.
    for (const format of ['stylish', 'html']) {
      expect(cli(['audit', 'merge', '--format', format, ...shards]).stdout, format).toBe(cli(['audit', '--format', format, ...files]).stdout);
    }
    expect(cli(['audit', 'merge', '--format', 'csv', ...shards]).stdout).toBe(cli(['audit', '--format', 'csv', '--per', 'agent', ...files]).stdout);
  });

  it('merged figures merge again: shards 1-2 and 3-4 merged apart, then together', () => {
    const dir = tempDir();
    const files = [exportFile(dir)];
    const shards = shardFiles(dir, files, 4);
    const half = (names: string[], out: string) => {
      const r = cli(['audit', 'merge', '--allow-missing', '--format', 'figures', '-o', join(dir, out), ...names]);
      expect(r.stderr).toContain('incomplete');
      return join(dir, out);
    };
    const halves = [half(shards.slice(0, 2), 'a.json'), half(shards.slice(2), 'b.json')];
    expect(cli(['audit', 'merge', '--format', 'json', ...halves]).stdout).toBe(cli(['audit', 'merge', '--format', 'json', ...shards]).stdout);
    expect(cli(['audit', 'merge', halves[0], halves[0]]).stderr).toContain('is named twice');
  });

  it('--redact holds across shards: agents that mask alike stay apart, and no name or address is in a shard file', () => {
    const dir = tempDir();
    const file = join(dir, 'export.jsonl');
    const lines = ['anna.k@firma.cz', 'anna.x@firma.cz'].flatMap((agent, a) =>
      Array.from({ length: 12 }, (_, n) =>
        JSON.stringify({
          id: `${a}-${n}`,
          messages: [
            { role: 'customer', text: 'Hello?' },
            {
              role: 'agent',
              author: agent,
              time: '2025-03-02T09:00:00Z',
              text: TEXTS[(n + a) % TEXTS.length].replace('{name}', 'Anna').replace('{agent}', 'Anna'),
            },
          ],
        }),
      ),
    );
    writeFileSync(file, `${lines.join('\n')}\n`);
    const shards = shardFiles(dir, [file], 3, ['--redact', '--agent', 'anna.k@firma.cz', '--agent', 'anna.x@firma.cz']);
    for (const shard of shards) expect(readFileSync(shard, 'utf8')).not.toMatch(/anna\.[kx]@/);
    const merged = json(cli(['audit', 'merge', '--format', 'json', ...shards]).stdout).audit;
    const single = json(cli(['audit', '--format', 'json', '--redact', '--agent', 'anna.x@firma.cz', '--agent', 'anna.k@firma.cz', file]).stdout).audit;
    expect(merged.agents.map((a) => a.agent)).toEqual(['a•••••@firma.cz', 'a•••••@firma.cz']);
    expect(merged).toEqual(single);
  });

  it('refuses shards of other settings, counts or inputs, and names missing ones', () => {
    const dir = tempDir();
    const file = exportFile(dir);
    const [s1, s2, , s4] = shardFiles(dir, [file], 4);
    const since = shardFiles(tempDir(), [file], 4, ['--since', '2025-03-03'])[2];
    const ofThree = shardFiles(tempDir(), [file], 3)[2];

    let r = cli(['audit', 'merge', s1, s2, s4]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('shard 3 of 4 is missing (the files hold shards 1, 2, 4)');
    expect(r.stderr).toContain('--allow-missing');

    r = cli(['audit', 'merge', s1, s2, since, s4]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--since: not given');
    expect(r.stderr).toContain(`"2025-03-03" (${since})`);

    r = cli(['audit', 'merge', s1, s2, ofThree, s4]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the files are shards of different counts: of 4 (${s1}, ${s2}, ${s4}); of 3 (${ofThree})`);

    r = cli(['audit', 'merge', s1, s2, s2, s4]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is named twice');

    // Shard 3 of another day's export: the same name, another size.
    const later = join(tempDir(), 'export.jsonl');
    writeFileSync(later, `${exportLines(170).join('\n')}\n`);
    const otherInput = shardFiles(tempDir(), [later], 4)[2];
    r = cli(['audit', 'merge', s1, s2, otherInput, s4]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the shards read different inputs: export\.jsonl [\d,]+ bytes \(.*\); export\.jsonl [\d,]+ bytes/);

    // --allow-missing renders what there is, marked incomplete, in the report and on stderr.
    r = cli(['audit', 'merge', '--allow-missing', s1, s2, s4]);
    expect(r.code).not.toBe(2);
    expect(r.stdout).toContain('incomplete: missing shards 3 (of 4)');
    expect(r.stderr).toContain('the report is incomplete: shard 3 of 4 missing');
    expect(json(cli(['audit', 'merge', '--allow-missing', '-f', 'json', s1, s4]).stdout).audit.incomplete).toEqual({ shards: 4, missing: [2, 3] });
    expect(cli(['audit', 'merge', '--allow-missing', '-f', 'html', s4]).stdout).toContain('<p class="incomplete">incomplete: missing shards 1-3 (of 4)</p>');
  });

  it('a file that is not a sound figures file is refused, named, with the place of the damage', () => {
    const dir = tempDir();
    const file = exportFile(dir, 20);
    const [s1, s2] = shardFiles(dir, [file], 2);
    const doc = JSON.parse(readFileSync(s2, 'utf8'));
    const cases: [string, string, string][] = [
      ['notjson.json', '{"kind": "replylint-audit-figures", ', 'is not a figures file: not JSON'],
      ['report.json', cli(['audit', '-f', 'json', file]).stdout, 'is not a figures file: JSON without "kind": "replylint-audit-figures"'],
      ['newer.json', JSON.stringify({ ...doc, version: 2 }), 'is a figures file of version 2; this replylint reads version 1'],
      [
        'edited.json',
        JSON.stringify({ ...doc, figures: { ...doc.figures, replies: { ...doc.figures.replies, histogram: [5, ...doc.figures.replies.histogram.slice(1)] } } }),
        'is a damaged figures file: figures.replies.histogram: its counts add up to',
      ],
      [
        'short.json',
        JSON.stringify({ ...doc, figures: { ...doc.figures, days: [{ day: 'yesterday' }] } }),
        'is a damaged figures file: figures.days[0].day: expected a date',
      ],
      [
        'worst.json',
        JSON.stringify({ ...doc, worst: [{ at: [0, 1, 0, 1], reply: { score: 'low' } }] }),
        'is a damaged figures file: worst[0].reply: not a result',
      ],
    ];
    for (const [name, text, says] of cases) {
      const bad = join(dir, name);
      writeFileSync(bad, text);
      const r = cli(['audit', 'merge', s1, bad]);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toContain(`${bad}: ${says}`);
    }
    expect(cli(['audit', 'merge', s1, join(dir, 'absent.json')]).stderr).toContain('absent.json: no such file');
    expect(cli(['audit', 'merge', s1, dir]).stderr).toContain('is a directory');
  });

  it('a shard that cannot read an input stops (exit 2); an audit without --shard goes on with a notice', () => {
    const dir = tempDir();
    const file = exportFile(dir, 10);
    const missing = join(dir, 'gone.jsonl');
    const sharded = cli(['audit', '--shard', '1/2', '--format', 'figures', file, missing]);
    expect(sharded.code).toBe(2);
    expect(sharded.stderr).toContain(`${missing}: no such file; check the path; under --shard every shard must read every input`);
    const whole = cli(['audit', file, missing]);
    expect(whole.code).not.toBe(2);
    expect(whole.stderr).toContain(`${missing}: no such file`);
  });

  it('audits of separate inputs merge as parts of one, an input never twice', () => {
    const dir = tempDir();
    const lines = exportLines(120);
    const [a, b] = [join(dir, 'a.jsonl'), join(dir, 'b.jsonl')];
    writeFileSync(a, `${lines.slice(0, 60).join('\n')}\n`);
    writeFileSync(b, `${lines.slice(60).join('\n')}\n`);
    const figures = [a, b].map((input) => {
      const out = `${input}.figures.json`;
      cli(['audit', '--format', 'figures', '-o', out, input]);
      return out;
    });
    const merged = json(cli(['audit', 'merge', '-f', 'json', ...figures]).stdout);
    const single = json(cli(['audit', '-f', 'json', a, b]).stdout);
    expect(merged.summary).toEqual(single.summary);
    expect(merged.audit.agents).toEqual(single.audit.agents);
    expect(merged.audit.rules).toEqual(single.audit.rules);
    const copy = join(dir, 'again.json');
    copyFileSync(figures[0], copy);
    const twice = cli(['audit', 'merge', figures[0], copy]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('both audited a.jsonl');
    const mixed = cli(['audit', 'merge', figures[0], ...shardFiles(dir, [b], 2)]);
    expect(mixed.stderr).toContain('the files mix shards and whole audits');
  });

  it('a shard with nothing in it is no failure; the merge says when the whole audit is of nothing', () => {
    const dir = tempDir();
    const file = exportFile(dir, 30);
    const shards = shardFiles(dir, [file], 2, ['--agent', 'Nobody Here']);
    const r = cli(['audit', '--shard', '1/2', '--agent', 'Nobody Here', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('shard 1/2: no reply matches --agent "Nobody Here"');
    const merged = cli(['audit', 'merge', ...shards]);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toContain('no reply matches --agent "nobody here"');
  });

  it('--vocabulary is not sharded, nor written as figures', () => {
    const file = exportFile(tempDir(), 5);
    for (const args of [
      ['--shard', '1/2'],
      ['--format', 'figures'],
    ]) {
      const r = cli(['audit', '--vocabulary', ...args, file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--vocabulary cannot be');
    }
  });

  it('the library audits a shard too, and checks it', async () => {
    const dir = tempDir();
    const file = exportFile(dir, 40);
    const whole = await audit(file, { workers: 0 });
    const parts = await Promise.all([1, 2].map((index) => audit(file, { workers: 0, shard: { index, count: 2 } })));
    expect(parts[0].figures.replies + parts[1].figures.replies).toBe(whole.figures.replies);
    await expect(audit(file, { shard: { index: 3, count: 2 } })).rejects.toThrow(/options\.shard/);
  });
});
