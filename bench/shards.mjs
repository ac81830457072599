#!/usr/bin/env node
// Sharded audit benchmark (not a test; issue 16): a generated JSONL export of the given
// size (default 1 GB, written under /tmp, never into the repository) audited as one run
// on two worker threads, and as two shards in two processes at once (one thread each)
// plus the merge of their figures. Prints each process's wall time and peak RSS (from
// /usr/bin/time, else process.resourceUsage of the children), and checks that the merged
// figures are the single run's. Run after npm run build:
//   node bench/shards.mjs [bytes] [--dir /tmp/replylint-shards]
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dirAt = args.indexOf('--dir');
const dir = dirAt >= 0 ? args[dirAt + 1] : '/tmp/replylint-shards';
const size = Number(args.find((a, i) => !a.startsWith('--') && i !== dirAt + 1) ?? 1e9);
mkdirSync(dir, { recursive: true });
const file = join(dir, `audit-${Math.round(size / 1e6)}mb.jsonl`);
if (!existsSync(file) || Math.abs(statSync(file).size - size) > size * 0.01) {
  execFileSync(process.execPath, [join(root, 'bench', 'generate.mjs'), String(size), file, '--file-bytes'], { stdio: 'inherit' });
}
const mb = statSync(file).size / 1e6;
const bin = join(root, 'bin', 'replylint.cjs');
const hasTime = existsSync('/usr/bin/time');

/** One replylint process: its wall time (s) and peak RSS (MB). */
function run(label, cliArgs) {
  const started = process.hrtime.bigint();
  const command = hasTime ? ['/usr/bin/time', '-f', '%M', process.execPath] : [process.execPath];
  const child = spawn(command[0], [...command.slice(1), bin, ...cliArgs], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // Without /usr/bin/time, the largest RSS of any child this process has waited for: an upper bound.
      const rssMb = hasTime ? Number(stderr.trim().split('\n').pop()) / 1024 : process.resourceUsage().maxRSS / 1024;
      if (code !== 0 && code !== 1) reject(new Error(`${label} exited ${code}: ${stderr}`));
      else resolve({ label, seconds, rssMb });
    }),
  );
}

const show = ({ label, seconds, rssMb }) =>
  console.log(`  ${label}: ${seconds.toFixed(1)} s, ${(mb / seconds).toFixed(2)} MB/s, peak RSS ${rssMb.toFixed(0)} MB`);

console.log(
  `audit of ${mb.toFixed(0)} MB of JSONL on ${availableParallelism()} cores${hasTime ? '' : ' (no /usr/bin/time: RSS from process.resourceUsage, an upper bound)'}`,
);

const whole = join(dir, 'whole.json');
console.log('one run, --workers 2:');
show(await run('audit --workers 2', ['audit', '--format', 'figures', '-o', whole, '--workers', '2', file]));

console.log('two shards in two processes at once (--workers 1 each), then the merge:');
const shards = [1, 2].map((i) => join(dir, `shard-${i}.json`));
const started = process.hrtime.bigint();
const parts = await Promise.all(
  shards.map((out, i) => run(`shard ${i + 1}/2`, ['audit', '--shard', `${i + 1}/2`, '--format', 'figures', '-o', out, '--workers', '1', file])),
);
const shardsWall = Number(process.hrtime.bigint() - started) / 1e9;
for (const part of parts) show(part);
const merged = join(dir, 'merged.json');
const merge = await run('audit merge', ['audit', 'merge', '--format', 'json', '-o', merged, ...shards]);
show(merge);
console.log(`  shards and merge, wall: ${(shardsWall + merge.seconds).toFixed(1)} s`);

// The merged figures must be the single run's.
const single = join(dir, 'single.json');
await run('render', ['audit', 'merge', '--format', 'json', '-o', single, whole]);
const same = JSON.stringify(JSON.parse(readFileSync(merged, 'utf8')).audit) === JSON.stringify(JSON.parse(readFileSync(single, 'utf8')).audit);
console.log(`merged figures ${same ? 'equal' : 'DIFFER FROM'} the single run's`);
if (!same) process.exitCode = 1;
