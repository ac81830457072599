// The library API's arguments, checked once per call at its border (never in the engine's
// loop) with the schemas config files are checked with (lint()'s and createLinter()'s in
// lint-arguments.ts). A JavaScript caller,
// or a TypeScript one behind a cast, gets an error that names the argument, the value
// and what it takes, instead of a reply that no rule applied to scored 100.
import { AUDIT_FORMATS } from '../run/audit.js';
import { MAX_SHARDS, parseShard } from '../audit/shard.js';
import type { Schema } from '../config/validate.js';
import { HELPDESKS } from '../input/importers/index.js';
import type { AuditApiOptions, LintFilesOptions, LoadConfigOptions } from '../index.js';
import { BOOLEAN, CHANNEL, check, InvalidArgumentError, LANGUAGE, LOCALE, NUMBER, object, RESOLVED_CONFIG, STRING, STRINGS } from './lint-arguments.js';

export { checkCreateLinter, checkLint, InvalidArgumentError } from './lint-arguments.js';

const DATE: Schema = { type: 'string', pattern: /^\d{4}-\d{2}-\d{2}/, patternHint: 'write a date as YYYY-MM-DD' };

const PATHS: Schema = { type: 'any-of', describe: 'a file, folder or glob, or a list of them', options: [STRING, STRINGS] };

const LINT_FILES_OPTIONS = object({
  config: RESOLVED_CONFIG,
  locale: LOCALE,
  lang: LANGUAGE,
  channel: CHANNEL,
  customerName: STRING,
  agentName: STRING,
  customerMessage: STRING,
  template: BOOLEAN,
  fix: BOOLEAN,
  fixDryRun: BOOLEAN,
  quiet: BOOLEAN,
  minLevel: { type: 'enum', values: ['suggestion', 'warning', 'error'] },
  maxWarnings: NUMBER,
  minScore: { type: 'number', min: 0, max: 100 },
  stdinFilename: STRING,
  ignorePatterns: STRINGS,
  extensions: STRINGS,
  noIgnore: BOOLEAN,
  from: { type: 'enum', values: HELPDESKS.filter((s) => s !== 'csv') },
  cache: BOOLEAN,
  cacheLocation: STRING,
  reportUnusedDisableDirectives: { type: 'enum', values: ['off', 'warning', 'error'] },
} satisfies Record<keyof LintFilesOptions, Schema>);

const AUDIT_OPTIONS = object({
  config: RESOLVED_CONFIG,
  format: { type: 'enum', values: AUDIT_FORMATS },
  from: { type: 'enum', values: HELPDESKS },
  csvColumns: STRING,
  csvDelimiter: STRING,
  csvRoles: STRING,
  per: { type: 'enum', values: ['reply', 'agent'] },
  output: STRING,
  since: DATE,
  until: DATE,
  agent: STRINGS,
  redact: BOOLEAN,
  workers: { type: 'number', min: 0 },
  lang: LANGUAGE,
  locale: LOCALE,
  color: BOOLEAN,
  progress: BOOLEAN,
  vocabulary: BOOLEAN,
  minConversations: { type: 'number', min: 1 },
  customerRatio: { type: 'number', min: 0, max: 1 },
  top: { type: 'number', min: 0 },
  shard: {
    type: 'made-by',
    test: (v) => {
      const s = v as { index?: unknown; count?: unknown } | null;
      return typeof s === 'object' && s !== null && !('problem' in parseShard(`${s.index}/${s.count}`));
    },
    describe: `a shard { index, count }: the index-th of count shards, 1 ≤ index ≤ count ≤ ${MAX_SHARDS}`,
  },
} satisfies Record<keyof AuditApiOptions, Schema>);

const LOAD_CONFIG_OPTIONS = object({ cwd: STRING, configFile: STRING } satisfies Record<keyof LoadConfigOptions, Schema>);

/** Files, folders or globs: one as a string, or a list; never none. */
function paths(functionName: string, name: string, value: unknown): string[] {
  check(functionName, name, value, PATHS);
  const list = typeof value === 'string' ? [value] : (value as string[]);
  if (!list.length) throw new InvalidArgumentError(functionName, name, value, `"${name}" is empty (name at least one file, folder or glob)`);
  return list;
}

/** The patterns as a list. */
export function checkLintFiles(patterns: unknown, options: unknown): string[] {
  const list = paths('lintFiles()', 'patterns', patterns);
  check('lintFiles()', 'options', options, LINT_FILES_OPTIONS);
  return list;
}

/** The files as a list. */
export function checkAudit(files: unknown, options: unknown): string[] {
  const list = paths('audit()', 'files', files);
  check('audit()', 'options', options, AUDIT_OPTIONS);
  return list;
}

export function checkLoadConfig(options: unknown): void {
  check('loadConfig()', 'options', options, LOAD_CONFIG_OPTIONS);
}
