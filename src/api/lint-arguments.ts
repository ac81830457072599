// The arguments of lint() and createLinter(), checked with the schemas config files are
// checked with (api/arguments.ts checks the rest of the library's). Apart from the file and
// audit options, so that the browser build (src/browser.ts) checks what it is given the
// same way without taking the file and audit code in.
import type { ResolvedConfig } from '../config/load-config.js';
import { checkValue, type Schema } from '../config/validate.js';
import { Linter, type LinterOptions, type LintOptions } from '../engine/lint.js';
import { isMessageHistory } from '../history.js';
import { CHANNELS, LANGUAGES, LOCALES, type ContextInput } from '../types.js';

/** lint()'s options: LintOptions, with a linter of one's own and the name results give the reply. */
export interface LintCallOptions extends LintOptions {
  /** A linter of your own (createLinter), e.g. with your config; default: the recommended rules. */
  linter?: Linter;
  /** What results name the reply by (default: "<text>"). */
  source?: string;
}

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

export const STRING: Schema = { type: 'string' };
export const STRINGS: Schema = { type: 'list', of: STRING };
export const BOOLEAN: Schema = { type: 'boolean' };
export const NUMBER: Schema = { type: 'number' };
export const LANGUAGE: Schema = { type: 'enum', values: LANGUAGES };
export const CHANNEL: Schema = { type: 'enum', values: CHANNELS };
export const LOCALE: Schema = { type: 'enum', values: LOCALES };
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
export const RESOLVED_CONFIG: Schema = { type: 'made-by', test: isResolvedConfig, describe: 'a resolved config (from loadConfig())' };

// A conversation's replies share one history (history.ts); a caller passes a list.
const HISTORY: Schema = { ...STRINGS, accepts: isMessageHistory };

export const object = (fields: Record<string, Schema>): Schema => ({ type: 'object', fields });

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

const LINTER_OPTIONS = object({ locale: LOCALE } satisfies Record<keyof LinterOptions, Schema>);

/** Throws an InvalidArgumentError for the first problem of `value` against `schema`. */
export function check(functionName: string, name: string, value: unknown, schema: Schema): void {
  checkValue(value, schema, [name], (path, problem, hint) => {
    const inner = path.slice(1).reduce<unknown>((v, key) => (v as Record<string | number, unknown> | undefined)?.[key], value);
    throw new InvalidArgumentError(functionName, path.join('.'), inner, hint ? `${problem} (${hint})` : problem);
  });
}

export function checkLint(text: unknown, context: unknown, options: unknown): void {
  if (text instanceof Uint8Array)
    throw new InvalidArgumentError('lint()', 'text', text, '"text" must be a string, not a Buffer (decode it first: buffer.toString(\'utf8\'))');
  check('lint()', 'text', text, STRING);
  check('lint()', 'context', context, CONTEXT);
  check('lint()', 'options', options, LINT_OPTIONS);
}

export function checkCreateLinter(config: unknown, options: unknown): void {
  check('createLinter()', 'config', config, RESOLVED_CONFIG);
  check('createLinter()', 'options', options, LINTER_OPTIONS);
}
