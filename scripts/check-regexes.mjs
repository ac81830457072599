#!/usr/bin/env node
// Build step: every regex that runs on V8's backtracking engine over text from strangers
// is checked with the recheck ReDoS checker (https://makenowjust-labs.github.io/recheck/):
// the built-in phrases as compiled (dist/builtin-phrases/), and the regex literals in
// src/. One that can backtrack badly would let a reply hang the linter (issue 10: "We
// regret" and 35 commas took 24 s). Users' patterns run on RE2 and need no check.
//
// recheck needs about half a second a regex, so its verdicts are kept in
// scripts/regex-checks.json, keyed by a hash of the regex and of recheck's version and
// settings: a verdict is a pure function of those, and only a new or changed regex is
// checked again (`--all` checks every one).
//
// recheck models backtracking in an engine of its own, which flags some regexes V8 runs
// in linear time (it does not see that a lookbehind keeps a phrase to word starts) and
// cannot decide on the largest alternations in its time limit. So a regex it flags or
// cannot decide is run on V8 with recheck's own attack string and with the adversarial
// texts of scripts/adversarial.mjs, 64 KB each: linear code takes a millisecond or so,
// polynomial backtracking seconds. The build fails on a regex slow on any of them.
//
//   node scripts/check-regexes.mjs [--all] [--jobs N]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { adversarialTexts, pumpedAttack, slowest } from './adversarial.mjs';

// Fuzzing with a fixed seed, so that a verdict is the same on every machine.
const SETTINGS = { timeout: 20000, randomSeed: 42 };
/** Over this on 64 KB of text, a phrase backtracks (linear ones take ~1 ms). */
const SLOW_MS = 100;

if (!isMainThread) {
  const { checkSync } = await import('recheck');
  for (const { key, source, flags } of workerData.todo) {
    const r = checkSync(source, flags.replace(/[gy]/g, ''), SETTINGS);
    const attack = r.attack && { pattern: r.attack.pattern, pumps: r.attack.pumps, suffix: r.attack.suffix };
    parentPort.postMessage({ key, source, status: r.status, complexity: r.complexity?.type, attack, error: r.error?.kind });
  }
  process.exit(0);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const verdictsFile = join(root, 'scripts', 'regex-checks.json');
const args = process.argv.slice(2);
const all = args.includes('--all');
const jobs = Number(args[args.indexOf('--jobs') + 1]) || availableParallelism();

let version;
try {
  version = JSON.parse(readFileSync(join(root, 'node_modules', 'recheck', 'package.json'), 'utf8')).version;
} catch {
  // A production install (no devDependencies) cannot check; the published phrases were.
  console.warn('check-regexes: recheck is not installed (a devDependency); regexes not checked');
  process.exit(0);
}

/** The regex literals of src/ that can repeat (the others cannot backtrack), named by file and line. */
async function sourceRegexes() {
  const ts = (await import('typescript')).default;
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
        const visit = (node) => {
          if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
            const text = node.getText();
            const slash = text.lastIndexOf('/');
            const source = text.slice(1, slash);
            // Named without a line number, so that the verdicts file changes only with the regexes.
            if (/[*+]|\{\d+,\d*\}/.test(source)) found.push({ text: `${relative(root, path)} /${source}/`, source, flags: text.slice(slash + 1) });
          }
          ts.forEachChild(node, visit);
        };
        visit(file);
      }
    }
  };
  walk(join(root, 'src'));
  return found;
}

const tablesDir = join(root, 'dist', 'builtin-phrases');
const { PhraseTable } = await import(join(root, 'dist/phrases/phrase-table.js'));
const phrases = {};
for (const name of readdirSync(tablesDir, { recursive: true }).filter((name) => name.endsWith('.tsv'))) {
  const table = new PhraseTable(readFileSync(join(tablesDir, name), 'utf8'));
  for (const key of table.keys()) phrases[key] = table.get(key);
}
const keyOf = ({ source, flags }) =>
  createHash('sha256')
    .update(JSON.stringify([version, SETTINGS, source, flags]))
    .digest('hex')
    .slice(0, 24);
let known = {};
let knownOnV8 = {};
try {
  const file = JSON.parse(readFileSync(verdictsFile, 'utf8'));
  known = file.safe ?? {};
  knownOnV8 = file.linearOnV8 ?? {};
} catch {
  /* none yet */
}
const current = [
  ...Object.entries(phrases).map(([text, p]) => ({ text: `phrase ${text}`, key: keyOf(p), source: p.source, flags: p.flags, literals: p.literals })),
  ...(await sourceRegexes()).map((r) => ({ ...r, key: keyOf(r) })),
];
const todo = current.filter((p) => all || !(known[p.key] || knownOnV8[p.key]));

const failures = [];
const safe = {};
const linearOnV8 = {};
for (const p of current) {
  if (all) continue;
  if (known[p.key]) safe[p.key] = p.text;
  else if (knownOnV8[p.key]) linearOnV8[p.key] = knownOnV8[p.key];
}
if (todo.length) {
  console.log(`check-regexes: checking ${todo.length} of ${current.length} regexes with recheck ${version} (${jobs} at a time)…`);
  const byKey = new Map(todo.map((p) => [p.key, p]));
  const shares = Array.from({ length: Math.min(jobs, todo.length) }, (_, i) => todo.filter((_, j) => j % jobs === i));
  await Promise.all(
    shares.map(
      (share) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { todo: share } });
          worker.on('message', (r) => {
            const phrase = byKey.get(r.key);
            if (r.status === 'safe') {
              safe[r.key] = phrase.text;
              return;
            }
            // Flagged or undecided: what does V8, which runs it, make of the attacks?
            const regex = new RegExp(phrase.source, phrase.flags.replace(/[gy]/g, ''));
            const texts = adversarialTexts(phrase.literals ?? []);
            if (r.attack) texts.push({ name: `recheck's attack ${r.attack.pattern}`, text: pumpedAttack(r.attack) });
            const worst = slowest(regex, texts);
            if (worst.ms < SLOW_MS) linearOnV8[r.key] = { text: phrase.text, recheck: r.status === 'vulnerable' ? `${r.complexity} (fuzz)` : r.error };
            else failures.push({ ...r, text: phrase.text, worst });
          });
          worker.on('error', reject);
          worker.on('exit', resolve);
        }),
    ),
  );
}

// The file keeps the verdicts of the current phrases only; written only when it changes.
const sorted = (o) => Object.fromEntries(Object.entries(o).sort());
const next = JSON.stringify({ recheck: version, settings: SETTINGS, safe: sorted(safe), linearOnV8: sorted(linearOnV8) }, null, 1) + '\n';
let previous = '';
try {
  previous = readFileSync(verdictsFile, 'utf8');
} catch {
  /* none yet */
}
if (next !== previous) {
  writeFileSync(`${verdictsFile}.tmp`, next);
  renameSync(`${verdictsFile}.tmp`, verdictsFile);
}
if (failures.length) {
  for (const f of failures) {
    console.error(
      `check-regexes: ${f.text} backtracks: ${f.worst.ms.toFixed(0)} ms on 64 KB of ${f.worst.name} (recheck: ${f.status === 'vulnerable' ? `${f.complexity}, e.g. on ${f.attack.pattern.slice(0, 120)}` : f.error})\n  regex: /${f.source}/`,
    );
  }
  console.error(
    `check-regexes: ${failures.length} regex(es) could hang on some text; rewrite them (for phrases, see the notes at the top of src/phrases/phrase.ts)`,
  );
  process.exit(1);
}
console.log(
  `check-regexes: ${current.length} regexes (built-in phrases and src/) checked for catastrophic backtracking: ${Object.keys(safe).length} safe by recheck ${version}, ${Object.keys(linearOnV8).length} linear on V8 with its attacks and ours`,
);
