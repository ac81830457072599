// The library API. Its lintFiles and audit run the same code as the CLI's commands
// (run/lint-files.ts, run/audit.ts), with the arguments checked first.
//
//   import { loadConfig, createLinter, lint } from 'replylint';
//   const result = lint('Hi Anna, …', { customerName: 'Anna Smith' });
import { defaultConfig, type ResolvedConfig } from './config/load-config.js';
import { ConfigTree, resolveConfig } from './config/find-config.js';
import { FileSetups } from './run/file-setups.js';
import { Linter, type LinterOptions } from './engine/lint.js';
import { loadRuleSet } from './engine/rule-set.js';
import { defaultContext, type ContextInput, type Locale, type LintResult } from './types.js';
import { runAudit, type AuditOptions } from './run/audit.js';
import { runLint, type LintCommandOptions } from './run/lint-files.js';
import type { AuditFigures } from './audit/figures.js';
import type { VocabularyReport } from './audit/vocabulary-table.js';
import type { Notice } from './input/notice.js';
import { checkAudit, checkCreateLinter, checkLint, checkLintFiles, checkLoadConfig } from './api/arguments.js';
import type { LintCallOptions } from './api/lint-arguments.js';
import { readFileSync } from 'node:fs';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export type { ResolvedConfig } from './config/load-config.js';
export { ConfigError } from './config/errors.js';
export { InvalidArgumentError } from './api/arguments.js';
export type { Rule } from './engine/rule.js';
export { Linter } from './engine/lint.js';
export type * from './types.js';
export type { AuditFigures, AgentFigures, RuleFigures, DayFigures } from './audit/figures.js';
export type { VocabularyReport, VocabularyTerm } from './audit/vocabulary-table.js';
export type { Notice } from './input/notice.js';
export type { LintOptions, LinterOptions } from './engine/lint.js';

export interface LoadConfigOptions {
  /** The folder to search upwards from (default: the working folder). */
  cwd?: string;
  /** A config file to use instead of searching. */
  configFile?: string;
}

// Every function checks its arguments first: one that is not what its type says throws
// an InvalidArgumentError (a TypeError) that names it, instead of being quietly ignored.

/** The config for a folder (searched upwards), a given config file, or the default. */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  checkLoadConfig(options);
  return resolveConfig(options.configFile, options.cwd ?? process.cwd());
}

/** A linter with the config's rules compiled once; reuse it for many replies. */
export function createLinter(config: ResolvedConfig = defaultConfig(), options: LinterOptions = {}): Linter {
  checkCreateLinter(config, options);
  return new Linter(loadRuleSet(config), { locale: options.locale ?? config.locale });
}

let defaultLinter: Linter | undefined;

export interface LintFilesOptions extends Omit<LintCommandOptions, 'version'> {
  /** The config for every file (default: each file's folder's, as the CLI finds it). */
  config?: ResolvedConfig;
  locale?: Locale;
}

/** Lint files, folders and globs (one, or a list) as the CLI does; results in file order, unreadable input as notices. */
export async function lintFiles(
  patterns: string | readonly string[],
  options: LintFilesOptions = {},
): Promise<{ results: LintResult[]; notices: Notice[]; missing: string[] }> {
  const list = checkLintFiles(patterns, options);
  // Without a config given, each file gets its folder's, as the CLI's.
  const tree = options.config ? undefined : new ConfigTree();
  const setups = tree ? new FileSetups((folder) => tree.configFor(folder), options) : FileSetups.of(options.config!, options);
  return runLint(setups, list, { ...options, version: VERSION });
}

export interface AuditApiOptions extends Partial<Omit<AuditOptions, 'write' | 'version'>> {
  config?: ResolvedConfig;
}

/**
 * Audit exports (one file or a list: conversation files, helpdesk JSON/JSONL/CSV): the
 * figures, and a report file if `output` is given. With `vocabulary: true`, the terms
 * agents use that customers (almost) never do instead (`vocabulary`; `figures` then empty).
 */
export async function audit(
  files: string | readonly string[],
  options: AuditApiOptions = {},
): Promise<{ figures: AuditFigures; notices: Notice[]; vocabulary?: VocabularyReport }> {
  const list = checkAudit(files, options);
  const config = options.config ?? (await loadConfig());
  return runAudit(config, list, { ...options, format: options.format ?? 'json', from: options.from ?? 'auto', write: () => {}, version: VERSION });
}

export type { LintCallOptions } from './api/lint-arguments.js';

/** Lint one reply with the recommended rules (or a linter of your own). */
export function lint(text: string, context: ContextInput = {}, options: LintCallOptions = {}): LintResult {
  checkLint(text, context, options);
  const linter = options.linter ?? (defaultLinter ??= createLinter());
  return linter.lint({ text, source: options.source ?? '<text>', context: defaultContext(context) }, options);
}
