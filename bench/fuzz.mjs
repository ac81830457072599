#!/usr/bin/env node
// Fuzzing (not a test): throws generated replies, conversation lines and configs at the
// library and the CLI, and reports crashes and hangs. Run after `npm run build`:
//   node bench/fuzz.mjs [replies=100000]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const total = Number(process.argv[2] ?? 100_000);
const { createLinter } = await import(join(root, 'dist/index.js'));
const { defaultContext } = await import(join(root, 'dist/types.js'));
const linter = createLinter();
const dir = mkdtempSync(join(tmpdir(), 'replylint-fuzz-'));
const HANG_MS = 1000;

const piece = fc.oneof(
  fc.constantFrom('Hi Anna,', 'Dobrý den, pane Novák,', 'Dobrý deň,', 'Sorry for any inconvenience.', 'omlouváme se', 'Ticket #48213', '{{first_name}}', '{{x}', 'XXX', 'PLEASE', '!!', 'ETA', "We'll look into it.", 'S pozdravem\nPetr', '4539 1488 0343 6467', '880930/6627', '\r\n', '> quoted', 'On Mon, Anna wrote:', '^Amy', '<!-- replylint-disable -->', '<font color=red>', '@user', '😡', '\u0000', '\uD800'),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('a', 'A', ' ', '!', '.', '\n', 'ř', '{', '}', '%', '#', '1'), maxLength: 200 }),
);
const reply = fc.array(fc.tuple(piece, fc.constantFrom(' ', '\n', '', '\n\n')), { maxLength: 16 }).map((p) => p.map(([a, b]) => a + b).join(''));
const context = fc.record({
  language: fc.constantFrom(undefined, 'en', 'cs', 'sk'),
  channel: fc.constantFrom('email', 'chat', 'social'),
  customerName: fc.oneof(fc.constantFrom(undefined, 'Anna Smith', 'Petr Novák', ''), fc.string({ maxLength: 20 })),
  customerMessages: fc.array(fc.string({ maxLength: 40 }), { maxLength: 3 }),
  firstReply: fc.boolean(),
  template: fc.boolean(),
});

// 1. The library, one reply at a time.
const crashes = [];
let slowest = 0;
let started = Date.now();
for (const [text, ctx] of fc.sample(fc.tuple(reply, context), total)) {
  const t = performance.now();
  try {
    linter.lint({ text, source: 'fuzz', context: defaultContext(ctx) }, { fix: Math.random() < 0.2 });
  } catch (err) {
    crashes.push({ text, ctx, error: String(err?.stack ?? err).split('\n').slice(0, 3).join(' | ') });
  }
  slowest = Math.max(slowest, performance.now() - t);
}
console.log(`library: ${total} replies in ${((Date.now() - started) / 1000).toFixed(1)} s, ${crashes.length} crashes, slowest ${slowest.toFixed(1)} ms${slowest > HANG_MS ? ' (HANG)' : ''}`);
for (const c of crashes.slice(0, 5)) console.log('  crash:', c.error, JSON.stringify(c.text).slice(0, 200));

// 2. The CLI on conversation lines: valid, broken, and odd shapes, in one JSONL file.
const line = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(reply, context, fc.string({ maxLength: 40 })).map(([text, ctx, customer]) => JSON.stringify({ id: customer, channel: ctx.channel, customer: { name: ctx.customerName }, messages: [{ role: 'customer', text: customer }, { role: 'agent', text }] })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom('{}', '[]', 'null', '{"messages": 5}', '{"messages": [{"role": "agent"}]}', '{"messages": [{"role": 7, "text": "x"}]}') },
);
const lines = fc.sample(line, total);
const jsonl = join(dir, 'fuzz.jsonl');
writeFileSync(jsonl, lines.join('\n') + '\n');
started = Date.now();
const run = spawnSync(process.execPath, [join(root, 'bin/replylint.cjs'), '--format', 'json', jsonl], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 600_000 });
const report = run.stdout ? JSON.parse(run.stdout) : undefined;
console.log(`cli: ${lines.length} conversation lines in ${((Date.now() - started) / 1000).toFixed(1)} s, exit ${run.status}${run.signal ? ` (${run.signal})` : ''}, ${report?.summary.replies ?? '?'} replies, ${report?.summary.skipped ?? '?'} skipped${/internal error/.test(run.stderr) ? ', INTERNAL ERROR' : ''}`);

// 3. The CLI with generated configs: every one must end in 0, 1 or 2, never in an internal error.
const config = fc.dictionary(
  fc.constantFrom('extends', 'rules', 'rulePaths', 'vocabulary', 'templates', 'channels', 'locale', 'language', 'channel', 'root', 'bogus'),
  fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(fc.constantFrom('greeting', 'no-jargon', 'jargon', 'allow', 'chat', 'x'), fc.oneof(fc.constantFrom('off', 'error', 'warning'), fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }), fc.integer()), { maxKeys: 3 })),
  { maxKeys: 4 },
);
const configs = fc.sample(config, 300);
const bad = [];
started = Date.now();
for (const [i, c] of configs.entries()) {
  const cfg = join(dir, `c${i}.json`);
  writeFileSync(cfg, JSON.stringify(c));
  const r = spawnSync(process.execPath, [join(root, 'bin/replylint.cjs'), '--config', cfg, join(root, 'fixtures/replies/sk-good.txt')], { encoding: 'utf8', timeout: 10_000 });
  if (![0, 1, 2].includes(r.status ?? -1) || /internal error/.test(r.stderr)) bad.push({ config: c, status: r.status, stderr: r.stderr.slice(0, 200) });
}
console.log(`configs: ${configs.length} in ${((Date.now() - started) / 1000).toFixed(1)} s, ${bad.length} crashes or hangs`);
for (const b of bad.slice(0, 5)) console.log('  bad:', JSON.stringify(b.config), b.status, b.stderr);
process.exitCode = crashes.length || bad.length || ![0, 1].includes(run.status ?? -1) ? 1 : 0;
