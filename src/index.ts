// The library API; the CLI is built on it.
//
//   import { loadConfig, createLinter, lint } from 'replylint';
//   const result = lint('Hi Anna, …', { customerName: 'Anna Smith' });
import { defaultConfig, findConfig, loadConfigFile, type ResolvedConfig } from './config/load-config.js';
import { Linter, type LinterOptions, type LintOptions } from './engine/lint.js';
import { loadRuleSet } from './engine/rule-set.js';
import { defaultContext, type LintResult, type ReplyContext } from './types.js';

export type { ResolvedConfig } from './config/load-config.js';
export { ConfigError } from './config/errors.js';
export type { Rule } from './engine/rule.js';
export { Linter } from './engine/lint.js';
export type * from './types.js';

/** The config for a folder (searched upwards), a given config file, or the default. */
export async function loadConfig(options: { cwd?: string; configFile?: string } = {}): Promise<ResolvedConfig> {
  if (options.configFile) return loadConfigFile(options.configFile);
  return findConfig(options.cwd ?? process.cwd());
}

/** A linter with the config's rules compiled once; reuse it for many replies. */
export function createLinter(config: ResolvedConfig = defaultConfig(), options: LinterOptions = {}): Linter {
  return new Linter(loadRuleSet(config), { locale: options.locale ?? config.locale });
}

let defaultLinter: Linter | undefined;

/** Lint one reply with the recommended rules (or a linter of your own). */
export function lint(text: string, context: Partial<ReplyContext> = {}, options: LintOptions & { linter?: Linter; source?: string } = {}): LintResult {
  const linter = options.linter ?? (defaultLinter ??= createLinter());
  return linter.lint({ text, source: options.source ?? '<text>', context: defaultContext(context) }, options);
}
