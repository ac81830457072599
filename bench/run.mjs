#!/usr/bin/env node
// Benchmark (not a test): throughput on ~1 MB of mixed en/cs/sk replies, and the cold
// start of one reply on stdin beside a bare `node -e ''`. Run after `npm run build`:
//   node bench/run.mjs [--runs N]
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
const corpus = join(root, 'bench/out/replies.jsonl');
if (!existsSync(corpus)) execFileSync(process.execPath, [join(root, 'bench/generate.mjs'), '1000000', corpus], { stdio: 'inherit' });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn) => {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
};

// Throughput, in process, on one core: the engine alone.
const { createLinter } = await import(join(root, 'dist/index.js'));
const { defaultContext } = await import(join(root, 'dist/types.js'));
const linter = createLinter();
const replies = readFileSync(corpus, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l))
  .map((c) => ({
    text: c.messages[1].text,
    source: 'bench',
    context: defaultContext({ language: undefined, channel: c.channel, customerName: c.customer.name, customerMessages: [c.messages[0].text] }),
  }));
const mb = replies.reduce((s, r) => s + Buffer.byteLength(r.text), 0) / 1e6;
linter.lint(replies[0]); // warm the lazily compiled phrases
const engineMs = median(
  Array.from({ length: 5 }, () =>
    time(() => {
      for (const r of replies) linter.lint(r);
    }),
  ),
);
console.log(
  `engine: ${replies.length} replies, ${mb.toFixed(2)} MB in ${engineMs.toFixed(0)} ms = ${(mb / (engineMs / 1000)).toFixed(2)} MB/s, ${(engineMs / 1000 / mb).toFixed(3)} s per MB (one core)`,
);

// One very long reply, 1 MB and 4 MB: the time per MB should not grow with the length
// (a rule that looks sentence by sentence through all matches would make it quadratic).
// The same without sentence punctuation, per language: a reply with no full stop is one
// sentence of megabytes (issue 10: the English grammar step was quadratic in it).
const joined = replies.map((r) => r.text).join('\n\n');
const unpunctuated = (lang) =>
  replies
    .filter((r) => detect(r.text, r.text.toLowerCase()) === lang)
    .map((r) => r.text.replace(/[.!?…]/g, ' '))
    .join(' ');
const { detectLanguage: detect } = await import(join(root, 'dist/document/language.js'));
const longTexts = [['', joined], ...['en', 'cs', 'sk'].map((lang) => [` ${lang}, unpunctuated`, unpunctuated(lang), lang])];
for (const [label, source, language] of longTexts) {
  for (const size of [1e6, 4e6]) {
    const text = source.repeat(Math.ceil(size / source.length) + 1).slice(0, size);
    const context = language ? defaultContext({ ...replies[0].context, language }) : replies[0].context;
    const ms = time(() => linter.lint({ ...replies[0], text, context }));
    console.log(`one reply of ${(size / 1e6).toFixed(0)} MB${label}: ${ms.toFixed(0)} ms = ${(ms / (size / 1e6) / 1000).toFixed(3)} s per MB`);
  }
}

// The whole CLI on the JSONL file (start-up, streaming, JSON report).
const cliMs = median(
  Array.from({ length: 3 }, () =>
    time(() => spawnSync(process.execPath, [join(root, 'bin/replylint.cjs'), '--format', 'json', corpus], { stdio: ['ignore', 'ignore', 'ignore'] })),
  ),
);
console.log(`cli:    the same file through bin/replylint.cjs --format json: ${cliMs.toFixed(0)} ms = ${(cliMs / 1000 / mb).toFixed(3)} s per MB`);

// Cold start: one ~200-character reply on stdin, beside a bare node.
const samples = {
  en: "Hi Anna,\n\nI'm sorry your grinder hasn't arrived. I've asked DPD to deliver it tomorrow and I'll email you the tracking link by 10 am.\n\nBest wishes,\nMark",
  cs: 'Dobrý den, pane Nováku,\n\nomlouváme se za zpoždění. Zásilku vám doručíme zítra mezi 8:00 a 16:00 a ráno vám pošleme SMS.\n\nS pozdravem\nPetr Malý',
  sk: 'Dobrý deň, pani Kováčová,\n\nospravedlňujem sa za meškanie. Zásielku vám doručia v stredu medzi 8:00 a 17:00.\n\nS pozdravom\nVeronika',
};
const spawnMs = (args, input) => time(() => spawnSync(process.execPath, args, { input, stdio: ['pipe', 'ignore', 'ignore'] }));
// Rounds of bare node and each language in turn, so that the machine's drift touches all alike.
const customers = { en: 'Anna Smith', cs: 'Petr Novák', sk: 'Zuzana Kováčová' };
const times = { bare: [], en: [], cs: [], sk: [] };
for (let i = 0; i < runs; i++) {
  times.bare.push(spawnMs(['-e', ''], ''));
  for (const [lang, text] of Object.entries(samples))
    times[lang].push(spawnMs([join(root, 'bin/replylint.cjs'), '--format', 'json', '--customer-name', customers[lang]], text));
}
const bare = median(times.bare);
console.log(`cold start (median of ${runs}, interleaved): bare node -e '' ${bare.toFixed(1)} ms`);
for (const lang of Object.keys(samples)) {
  const ms = median(times[lang]);
  console.log(`  ${lang} reply on stdin: ${ms.toFixed(1)} ms = ${(ms / bare).toFixed(2)}x bare node (target 1.35x: ${ms / bare <= 1.35 ? 'met' : 'not met'})`);
}
