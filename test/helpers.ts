import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
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

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the built binary as a user would. `killAfterMs` ends a run that hangs (the test then
 * fails on its exit code) where a hang is the bug being guarded against.
 */
export function cli(args: string[], options: { input?: string; cwd?: string; env?: Record<string, string>; killAfterMs?: number } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input ?? '',
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: options.killAfterMs,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
