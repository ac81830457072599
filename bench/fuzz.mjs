#!/usr/bin/env node
// Fuzzing (not a test): throws generated replies, conversation lines and configs at the
// library and the CLI, and reports crashes and hangs. Besides ordinary pieces of replies,
// a share are hostile (issue 10): runs of separators and of unpunctuated words, glued
// words, unclosed markup, customer names of any length, conversations of thousands of
// messages, and a team config whose phrases have gaps (run on RE2). Every reply must
// take under a second. Run after `npm run build`:
//   node bench/fuzz.mjs [replies=100000]
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const total = Number(process.argv[2] ?? 100_000);
const { createLinter, loadConfig } = await import(join(root, 'dist/index.js'));
const { defaultContext } = await import(join(root, 'dist/types.js'));
const dir = mkdtempSync(join(tmpdir(), 'replylint-fuzz-'));
const linter = createLinter();
// A team's config: vocabulary with gaps and wildcards, run on RE2 (a reply in ten).
writeFileSync(
  join(dir, 'team.yaml'),
  'vocabulary:\n  jargon: ["regret ... (inconvenience|delay)", "still ... (no|nothing|not)", "escalat*", "tier (1|2|3)", "t{num}"]\n',
);
const teamLinter = createLinter(await loadConfig({ configFile: join(dir, 'team.yaml') }));
const HANG_MS = 1000;

const piece = fc.oneof(
  fc.constantFrom(
    'Hi Anna,',
    'Dobrý den, pane Novák,',
    'Dobrý deň,',
    'Sorry for any inconvenience.',
    'omlouváme se',
    'Ticket #48213',
    '{{first_name}}',
    '{{x}',
    'XXX',
    'PLEASE',
    '!!',
    'ETA',
    "We'll look into it.",
    'S pozdravem\nPetr',
    '4539 1488 0343 6467',
    '880930/6627',
    '\r\n',
    '> quoted',
    'On Mon, Anna wrote:',
    '^Amy',
    '<!-- replylint-disable -->',
    '<font color=red>',
    '@user',
    '😡',
    '\u0000',
    '\uD800',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('a', 'A', ' ', '!', '.', '\n', 'ř', '{', '}', '%', '#', '1'), maxLength: 200 }),
);
// Text built to make a regex or a parser work hard: a unit repeated up to 5,000 times,
// after a word that starts a phrase ("We regret" + commas took 24 s before issue 10).
const hostile = fc
  .tuple(
    fc.constantFrom(
      '',
      'We regret',
      'Still',
      'still',
      'sorry',
      'ticket',
      'order',
      'Hi',
      '@anna',
      'Dobrý den,',
      'pořád',
      'please',
      'hotovo',
      'On Monday Anna wrote:',
      'From: x',
    ),
    fc.constantFrom(
      ',',
      ', ',
      ' ,',
      ';:',
      '\t',
      '\n',
      ' \u00a0',
      'a',
      'ab',
      'ano',
      '!',
      '.',
      '1',
      '1-',
      '#1 ',
      'a-',
      '_@_',
      '@_',
      '<!--',
      '<font color=',
      '{{ ',
      '{% ',
      'word ',
      'we will send it ',
      'pošleme vám ',
      ' if ',
      'ťa',
      'ř',
    ),
    fc.integer({ min: 1, max: 5_000 }),
    fc.constantFrom('', 'x', '.', ' not', ' nothing', '@', '-->', '}}', ' done.', ' pošlete nám fotku.'),
  )
  .map(([before, unit, times, after]) => `${before}${unit.repeat(times)}${after}`);
const reply = fc
  .array(fc.tuple(fc.oneof({ weight: 9, arbitrary: piece }, { weight: 1, arbitrary: hostile }), fc.constantFrom(' ', '\n', '', '\n\n')), { maxLength: 16 })
  .map((p) => p.map(([a, b]) => a + b).join(''));
// Names as exports hand them over, and names no export should hold.
const name = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(undefined, 'Anna Smith', 'Petr Novák', 'Novák Petr', 'Ing. Jana Nováková', 'Katerina Cerna', 'Zuzana Kováčová', '') },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', 'Nov', 'á', 'Petr ', 'Ing. ', '\u0000', ' '), fc.integer({ min: 1, max: 50_000 }))
      .map(([unit, times]) => unit.repeat(times)),
  },
);
const context = fc.record({
  language: fc.constantFrom(undefined, 'en', 'cs', 'sk'),
  channel: fc.constantFrom('email', 'chat', 'social'),
  customerName: name,
  customerMessages: fc.array(fc.string({ maxLength: 40 }), { maxLength: 3 }),
  firstReply: fc.boolean(),
  template: fc.boolean(),
});

// 1. The library, one reply at a time.
const crashes = [];
let slowest = { ms: 0, text: '', ctx: undefined };
let slow = 0;
let bytes = 0;
let started = Date.now();
for (const [i, [text, ctx]] of fc.sample(fc.tuple(reply, context), total).entries()) {
  const t = performance.now();
  try {
    (i % 10 === 0 ? teamLinter : linter).lint({ text, source: 'fuzz', context: defaultContext(ctx) }, { fix: Math.random() < 0.2 });
  } catch (err) {
    crashes.push({
      text,
      ctx,
      error: String(err?.stack ?? err)
        .split('\n')
        .slice(0, 3)
        .join(' | '),
    });
  }
  const ms = performance.now() - t;
  bytes += text.length;
  if (ms > HANG_MS) slow++;
  if (ms > slowest.ms) slowest = { ms, text, ctx };
}
console.log(
  `library: ${total} replies (${(bytes / 1e6).toFixed(1)} M characters) in ${((Date.now() - started) / 1000).toFixed(1)} s, ${crashes.length} crashes, ${slow} over ${HANG_MS} ms, slowest ${slowest.ms.toFixed(1)} ms (${slowest.text.length} characters, name ${String(slowest.ctx?.customerName ?? '').length})`,
);
for (const c of crashes.slice(0, 5)) console.log('  crash:', c.error, JSON.stringify(c.text).slice(0, 200));

// 2. The CLI on conversation lines: valid, broken, and odd shapes, in one JSONL file.
const line = fc.oneof(
  {
    weight: 600,
    arbitrary: fc.tuple(reply, context, fc.string({ maxLength: 40 })).map(([text, ctx, customer]) =>
      JSON.stringify({
        id: customer,
        channel: ctx.channel,
        customer: { name: ctx.customerName },
        messages: [
          { role: 'customer', text: customer },
          { role: 'agent', text },
        ],
      }),
    ),
  },
  { weight: 100, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 100, arbitrary: fc.json({ maxDepth: 3 }) },
  {
    weight: 100,
    arbitrary: fc.constantFrom('{}', '[]', 'null', '{"messages": 5}', '{"messages": [{"role": "agent"}]}', '{"messages": [{"role": 7, "text": "x"}]}'),
  },
  // A long conversation now and then (3 lines in 1,000): each agent message sees the history before it.
  {
    weight: 3,
    arbitrary: fc.tuple(fc.integer({ min: 100, max: 3_000 }), fc.string({ maxLength: 20 })).map(([messages, customer]) =>
      JSON.stringify({
        id: `long-${messages}`,
        customer,
        messages: Array.from({ length: messages }, (_, i) =>
          i % 2 ? { role: 'agent', text: `Hi, we will send it tomorrow (${i}).` } : { role: 'customer', text: `Still nothing ${i}` },
        ),
      }),
    ),
  },
);
// Written line by line: hundreds of megabytes do not fit in one string.
const jsonl = join(dir, 'fuzz.jsonl');
const fd = openSync(jsonl, 'w');
let lineCount = 0;
for (const l of fc.sample(line, total)) {
  writeSync(fd, `${l}\n`);
  lineCount++;
}
closeSync(fd);
started = Date.now();
const run = spawnSync(process.execPath, [join(root, 'bin/replylint.cjs'), '--format', 'json', jsonl], {
  encoding: 'utf8',
  maxBuffer: 1 << 30,
  timeout: 600_000,
});
const report = run.stdout ? JSON.parse(run.stdout) : undefined;
console.log(
  `cli: ${lineCount} conversation lines in ${((Date.now() - started) / 1000).toFixed(1)} s, exit ${run.status}${run.signal ? ` (${run.signal})` : ''}, ${report?.summary.replies ?? '?'} replies, ${report?.summary.skipped ?? '?'} skipped${/internal error/.test(run.stderr) ? ', INTERNAL ERROR' : ''}`,
);

// 3. The CLI with generated configs: every one must end in 0, 1 or 2, never in an internal error.
const config = fc.dictionary(
  fc.constantFrom('extends', 'rules', 'rulePaths', 'vocabulary', 'templates', 'channels', 'locale', 'language', 'channel', 'root', 'bogus'),
  fc.oneof(
    fc.string({ maxLength: 10 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.dictionary(
      fc.constantFrom('greeting', 'no-jargon', 'jargon', 'allow', 'chat', 'x'),
      fc.oneof(fc.constantFrom('off', 'error', 'warning'), fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }), fc.integer()),
      { maxKeys: 3 },
    ),
  ),
  { maxKeys: 4 },
);
const configs = fc.sample(config, 300);
const bad = [];
started = Date.now();
for (const [i, c] of configs.entries()) {
  const cfg = join(dir, `c${i}.json`);
  writeFileSync(cfg, JSON.stringify(c));
  const r = spawnSync(process.execPath, [join(root, 'bin/replylint.cjs'), '--config', cfg, join(root, 'fixtures/replies/sk-good.txt')], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (![0, 1, 2].includes(r.status ?? -1) || /internal error/.test(r.stderr)) bad.push({ config: c, status: r.status, stderr: r.stderr.slice(0, 200) });
}
console.log(`configs: ${configs.length} in ${((Date.now() - started) / 1000).toFixed(1)} s, ${bad.length} crashes or hangs`);
for (const b of bad.slice(0, 5)) console.log('  bad:', JSON.stringify(b.config), b.status, b.stderr);
process.exitCode = crashes.length || slow || bad.length || ![0, 1].includes(run.status ?? -1) ? 1 : 0;
