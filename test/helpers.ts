import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLinter, lint } from '../src/index.js';
import type { ReplyContext } from '../src/types.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'replylint.cjs');

const linter = createLinter();

/** Rules of tone that fire on almost any short test reply; tests of other rules leave them out. */
export const SUGGESTIONS = ['further-help', 'empathy', 'concise'];

/** The rule ids that fire on a reply with the recommended rules (the suggestions above left out). */
export function firing(text: string, context: Partial<ReplyContext> = {}): string[] {
  return [...new Set(lint(text, context, { linter }).violations.map((v) => v.rule))].filter((r) => !SUGGESTIONS.includes(r));
}

export function violationsOf(rule: string, text: string, context: Partial<ReplyContext> = {}) {
  return lint(text, context, { linter }).violations.filter((v) => v.rule === rule);
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'replylint-test-'));
}

/** A file of that name and text in a new temporary folder; its path. */
export function tempFile(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Kills a run that hangs, so that a test of a hang fails instead of blocking the suite.
 * No test measures time: every run here ends in well under a second or two. A test
 * sets a shorter `killAfterMs` where a hang is the very bug it guards against.
 */
const HANG = 60_000;

const PRLIMIT = '/usr/bin/prlimit';
/** Whether `memoryLimit` is enforced here (util-linux's prlimit); a test that needs the ceiling skips without it. */
export const hasPrlimit = existsSync(PRLIMIT);

/**
 * Run the built binary as a user would; `stdin` is a descriptor to read instead of
 * `input`. With `memoryLimit` (bytes), where prlimit is at hand, the kernel stops a run
 * that would take more (RLIMIT_DATA): a test of a bounded read of /dev/zero then fails
 * instead of taking the machine's memory.
 */
export function cli(
  args: string[],
  options: { input?: string; stdin?: number; cwd?: string; env?: Record<string, string>; memoryLimit?: number; killAfterMs?: number } = {},
): CliRun {
  const limited = options.memoryLimit !== undefined && hasPrlimit;
  const command = limited ? [PRLIMIT, `--data=${options.memoryLimit}`, process.execPath] : [process.execPath];
  const r = spawnSync(command[0], [...command.slice(1), BIN, ...args], {
    input: options.stdin === undefined ? (options.input ?? '') : undefined,
    stdio: [options.stdin ?? 'pipe', 'pipe', 'pipe'],
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: options.killAfterMs ?? HANG,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const isRoot = process.getuid?.() === 0;
export const hasSetpriv = existsSync('/usr/bin/setpriv');

/**
 * The CLI as an unprivileged user: root's uid with every capability dropped, so the
 * kernel checks permissions as it does for any user on their own files. Switching to
 * nobody instead would need the checkout readable by nobody, which CI's folder need not be.
 */
export function unprivileged(args: string[], cwd: string): CliRun {
  const r = spawnSync('/usr/bin/setpriv', ['--bounding-set=-all', '--inh-caps=-all', process.execPath, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    input: '',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: HANG,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
