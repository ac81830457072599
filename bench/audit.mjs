#!/usr/bin/env node
// Audit benchmark (not a test): a generated JSONL export of the given size (default
// 1 GB) audited by the CLI with one worker and with one per core. Prints wall time,
// MB/s, peak RSS (from /usr/bin/time) and the pool's speed-up. Run after npm run build:
//   node bench/audit.mjs [bytes]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const size = Number(process.argv[2] ?? 1e9);
const file = join(root, 'bench', 'out', `audit-${Math.round(size / 1e6)}mb.jsonl`);
if (!existsSync(file) || Math.abs(statSync(file).size - size) > size * 0.01) {
  execFileSync(process.execPath, [join(root, 'bench', 'generate.mjs'), String(size), file, '--file-bytes'], { stdio: 'inherit' });
}
const mb = statSync(file).size / 1e6;
const hasTime = existsSync('/usr/bin/time');

function run(workers) {
  const args = [join(root, 'bin', 'replylint.cjs'), 'audit', '--format', 'json', '--output', '/dev/null', '--workers', String(workers), file];
  const started = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rssKb = hasTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  console.log(
    `${workers} worker${workers === 1 ? '' : 's'}: ${seconds.toFixed(1)} s, ${(mb / seconds).toFixed(2)} MB/s, peak RSS ${(rssKb / 1024).toFixed(0)} MB`,
  );
  return seconds;
}

console.log(`audit of ${mb.toFixed(0)} MB of JSONL (${availableParallelism()} cores)`);
const one = run(1);
const all = run(availableParallelism());
console.log(`speed-up of the pool: ${(one / all).toFixed(2)}x`);
