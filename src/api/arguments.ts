// The library API's arguments, checked once per call at its border (never in the
// engine's loop) with the schemas config files are checked with. A JavaScript caller,
// or a TypeScript one behind a cast, gets an error that names the argument, the value
// and what it takes, instead of a reply that no rule applied to scored 100.
import { AUDIT_FORMATS } from '../run/audit.js';
import { MAX_SHARDS, parseShard } from '../audit/shard.js';
import type { ResolvedConfig } from '../config/load-config.js';
import { checkValue, type Schema } from '../config/validate.js';
import { Linter, type LinterOptions } from '../engine/lint.js';
import { isMessageHistory } from '../history.js';
import { HELPDESKS } from '../input/importers/index.js';
import { CHANNELS, LANGUAGES, LOCALES, type ContextInput } from '../types.js';
import type { AuditApiOptions, LintCallOptions, LintFilesOptions, LoadConfigOptions } from '../index.js';

/** A library function was given an argument it cannot use. A TypeError, as Node's own ERR_INVALID_ARG_VALUE is. */
export class InvalidArgumentError extends TypeError {
  constructor(
    /** The function called: "lint()". */
    readonly functionName: string,
    /** The argument, or the field of one: "context.language", "options.format". */
    readonly argument: string,
    readonly value: unknown,
    problem: string,
  ) {
    super(`${functionName}: ${problem}`);
    this.name = 'InvalidArgumentError';
  }
}

const STRING: Schema = { type: 'string' };
const STRINGS: Schema = { type: 'list', of: STRING };
const BOOLEAN: Schema = { type: 'boolean' };
const NUMBER: Schema = { type: 'number' };
const LANGUAGE: Schema = { type: 'enum', values: LANGUAGES };
const CHANNEL: Schema = { type: 'enum', values: CHANNELS };
const LOCALE: Schema = { type: 'enum', values: LOCALES };
const DATE: Schema = { type: 'string', pattern: /^\d{4}-\d{2}-\d{2}/, patternHint: 'write a date as YYYY-MM-DD' };

/** A config from loadConfig(): its fields, not the raw shape of a config file. */
function isResolvedConfig(value: unknown): boolean {
  const c = value as Partial<ResolvedConfig> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.rules === 'object' &&
    Array.isArray(c.rulePaths) &&
    typeof c.vocabulary === 'object' &&
    Array.isArray(c.templates) &&
    typeof c.baseDir === 'string'
  );
}
const RESOLVED_CONFIG: Schema = { type: 'made-by', test: isResolvedConfig, describe: 'a resolved config (from loadConfig())' };

// A conversation's replies share one history (history.ts); a caller passes a list.
const HISTORY: Schema = { ...STRINGS, accepts: isMessageHistory };

const PATHS: Schema = { type: 'any-of', describe: 'a file, folder or glob, or a list of them', options: [STRING, STRINGS] };

const object = (fields: Record<string, Schema>): Schema => ({ type: 'object', fields });

// Each checked against its option type: an option added to a type without a schema
// here does not compile.
const CONTEXT = object({
  language: LANGUAGE,
  channel: CHANNEL,
  customerName: STRING,
  agentName: STRING,
  customerMessages: HISTORY,
  customerMessage: STRING,
  previousAgentMessages: HISTORY,
  firstReply: BOOLEAN,
  template: BOOLEAN,
} satisfies Record<keyof ContextInput, Schema>);

const LINT_OPTIONS = object({
  fix: BOOLEAN,
  reportUnusedDirectives: BOOLEAN,
  source: STRING,
  linter: { type: 'made-by', test: (value) => value instanceof Linter, describe: 'a Linter (from createLinter())' },
} satisfies Record<keyof LintCallOptions, Schema>);

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

const LINTER_OPTIONS = object({ locale: LOCALE } satisfies Record<keyof LinterOptions, Schema>);
const LOAD_CONFIG_OPTIONS = object({ cwd: STRING, configFile: STRING } satisfies Record<keyof LoadConfigOptions, Schema>);

/** Throws an InvalidArgumentError for the first problem of `value` against `schema`. */
function check(functionName: string, name: string, value: unknown, schema: Schema): void {
  checkValue(value, schema, [name], (path, problem, hint) => {
    const inner = path.slice(1).reduce<unknown>((v, key) => (v as Record<string | number, unknown> | undefined)?.[key], value);
    throw new InvalidArgumentError(functionName, path.join('.'), inner, hint ? `${problem} (${hint})` : problem);
  });
}

/** Files, folders or globs: one as a string, or a list; never none. */
function paths(functionName: string, name: string, value: unknown): string[] {
  check(functionName, name, value, PATHS);
  const list = typeof value === 'string' ? [value] : (value as string[]);
  if (!list.length) throw new InvalidArgumentError(functionName, name, value, `"${name}" is empty (name at least one file, folder or glob)`);
  return list;
}

export function checkLint(text: unknown, context: unknown, options: unknown): void {
  if (text instanceof Uint8Array)
    throw new InvalidArgumentError('lint()', 'text', text, '"text" must be a string, not a Buffer (decode it first: buffer.toString(\'utf8\'))');
  check('lint()', 'text', text, STRING);
  check('lint()', 'context', context, CONTEXT);
  check('lint()', 'options', options, LINT_OPTIONS);
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

export function checkCreateLinter(config: unknown, options: unknown): void {
  check('createLinter()', 'config', config, RESOLVED_CONFIG);
  check('createLinter()', 'options', options, LINTER_OPTIONS);
}

export function checkLoadConfig(options: unknown): void {
  check('loadConfig()', 'options', options, LOAD_CONFIG_OPTIONS);
}
