#!/usr/bin/env node
// replylint beside its peers (not a test): the same ~1 MB of generated support replies
// through replylint (recommended rules), write-good (library), textlint (plain text,
// one rule) and alex, each as a whole process, several runs; medians and each peer's
// ratio to replylint. Then the cold start on one ~200-character reply beside bare node.
//   (cd bench/peers && npm install) && node bench/peers.mjs [--runs 3]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const peers = join(root, 'bench', 'peers');
if (!existsSync(join(peers, 'node_modules'))) {
  console.error('install the peers first: (cd bench/peers && npm install)');
  process.exit(2);
}
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const jsonl = join(root, 'bench/out/replies.jsonl');
if (!existsSync(jsonl)) execFileSync(process.execPath, [join(root, 'bench/generate.mjs'), '1000000', jsonl], { stdio: 'inherit' });
const replies = readFileSync(jsonl, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l).messages[1].text);
const text = join(root, 'bench/out/replies.txt');
writeFileSync(text, replies.join('\n\n'));
const mb = Buffer.byteLength(replies.join('')) / 1e6;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const timeRun = (cmd, args, input) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { input, cwd: peers, stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 300)}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const bin = (name) => join(peers, 'node_modules', '.bin', name);
const node = process.execPath;

// write-good has no CLI worth timing (it reads files one sentence at a time); its library is the fair form.
writeFileSync(
  join(peers, 'write-good-run.cjs'),
  `const wg = require('write-good'); const fs = require('fs');
const input = process.argv[2] ? fs.readFileSync(process.argv[2], 'utf8') : fs.readFileSync(0, 'utf8');
let n = 0; for (const reply of input.split('\\n\\n')) n += wg(reply).length; console.log(n);`,
);

const tools = {
  replylint: () => timeRun(node, [join(root, 'bin/replylint.cjs'), '--format', 'json', jsonl]),
  'write-good': () => timeRun(node, [join(peers, 'write-good-run.cjs'), text]),
  'textlint (one rule)': () => timeRun(bin('textlint'), ['--rule', 'no-todo', text]),
  alex: () => timeRun(bin('alex'), [text]),
};
console.log(`throughput: ${mb.toFixed(2)} MB of replies, median of ${runs} runs`);
const times = {};
for (const [name, run] of Object.entries(tools)) {
  times[name] = median(Array.from({ length: runs }, run));
  const ratio = name === 'replylint' ? '' : `  ${(times[name] / times.replylint).toFixed(1)}x replylint`;
  console.log(`  ${name.padEnd(20)} ${(times[name] / 1000).toFixed(2)} s${ratio}`);
}

const one = {
  en: "Hi Anna,\n\nI'm sorry your grinder hasn't arrived. I've asked DPD to deliver it tomorrow and I'll email you the tracking link by 10 am.\n\nBest wishes,\nMark",
  cs: 'Dobrý den, pane Nováku,\n\nomlouváme se za zpoždění. Zásilku vám doručíme zítra mezi 8:00 a 16:00 a ráno vám pošleme SMS.\n\nS pozdravem\nPetr Malý',
  sk: 'Dobrý deň, pani Kováčová,\n\nospravedlňujem sa za meškanie. Zásielku vám doručia v stredu medzi 8:00 a 17:00.\n\nS pozdravom\nVeronika',
};
// Cold starts in rounds, bare node and every command in turn, so that the machine's
// drift touches all alike.
const colds = {
  bare: [node, ['-e', ''], ''],
  ...Object.fromEntries(
    Object.entries(one).map(([lang, reply]) => [`replylint ${lang}`, [node, [join(root, 'bin/replylint.cjs'), '--format', 'json'], reply]]),
  ),
  'write-good (en)': [node, [join(peers, 'write-good-run.cjs')], one.en],
  'textlint (en)': [bin('textlint'), ['--rule', 'no-todo', '--stdin', '--stdin-filename', 'reply.txt'], one.en],
  'alex (en)': [bin('alex'), ['--stdin'], one.en],
};
const coldTimes = Object.fromEntries(Object.keys(colds).map((k) => [k, []]));
for (let i = 0; i < Math.max(9, runs * 3); i++) for (const [name, [cmd, args, input]] of Object.entries(colds)) coldTimes[name].push(timeRun(cmd, args, input));
const bare = median(coldTimes.bare);
console.log(`cold start, one reply on stdin (median, interleaved): bare node -e '' ${bare.toFixed(0)} ms`);
for (const [name, times] of Object.entries(coldTimes)) {
  if (name === 'bare') continue;
  const ms = median(times);
  const target = name.startsWith('replylint') ? ` (target 1.3x: ${ms / bare <= 1.3 ? 'met' : 'not met'})` : '';
  console.log(`  ${name}: ${ms.toFixed(0)} ms = ${(ms / bare).toFixed(2)}x bare node${target}`);
}
