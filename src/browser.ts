// The engine for the browser: the draft checker page (web/) and the extension run this,
// built by scripts/bundle-browser.mjs with the built-in rules and phrase tables inside
// (no Node on its path: the build's files are served from memory). The same Linter, rules
// and verdicts as the CLI, the library and the MCP server.
//
//   const result = replylint.lint('Dobrý den, pane Novák, …', { customerName: 'Petr Novák' });
//   const fixed = replylint.applyFix(text, result.violations[0]);
import { checkCreateLinter, checkLint, type LintCallOptions } from './api/lint-arguments.js';
import { ConfigError, formatConfigError } from './config/errors.js';
import { cascadeConfig, defaultConfig, type ResolvedConfig } from './config/load-config.js';
import { parseYaml } from './config/yaml-source.js';
import { applyFixes } from './engine/fix.js';
import { Linter, type LinterOptions } from './engine/lint.js';
import { loadRuleSet } from './engine/rule-set.js';
import { LineIndex } from './text/lines.js';
import { defaultContext, type ContextInput, type LintResult, type Severity, type Violation } from './types.js';

export { ConfigError, formatConfigError, Linter };
export type { ContextInput, LintResult, ResolvedConfig, Violation };

/** A linter with the config's rules compiled once (default: the recommended preset). */
export function createLinter(config: ResolvedConfig = defaultConfig('/'), options: LinterOptions = {}): Linter {
  checkCreateLinter(config, options);
  return new Linter(loadRuleSet(config), { locale: options.locale ?? config.locale });
}

let defaultLinter: Linter | undefined;

/** Lint one reply with the recommended rules, or a linter of your own (`options.linter`). */
export function lint(text: string, context: ContextInput = {}, options: LintCallOptions = {}): LintResult {
  checkLint(text, context, options);
  const linter = options.linter ?? (defaultLinter ??= createLinter());
  return linter.lint({ text, source: options.source ?? '<draft>', context: defaultContext(context) }, options);
}

// What a page cannot give a config: folders and files to read.
const NEEDS_FILES: readonly [string, (value: Record<string, unknown>) => unknown][] = [
  ['rulePaths', (v) => (v.rulePaths as unknown[] | undefined)?.length],
  ['vocabulary.dictionaries', (v) => (v.vocabulary as Record<string, unknown> | undefined)?.dictionaries],
];

/**
 * A team config from its text (YAML or JSON, as in .replylintrc), checked with the CLI's
 * messages: a mistake throws a ConfigError naming `name`, the line and the column.
 */
export function configFromText(text: string, name = 'team config'): ResolvedConfig {
  const source = parseYaml(text, name);
  const value = source.value;
  if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value)))
    throw new ConfigError(
      'a config is a mapping of keys such as "rules" and "vocabulary"',
      { file: name, line: 1, column: 1 },
      'e.g. rules: { no-jargon: off }',
    );
  for (const [key, present] of NEEDS_FILES)
    if (value && present(value as Record<string, unknown>))
      throw new ConfigError(
        `"${key}" names files, which a browser cannot read`,
        source.locate(key.split('.')),
        'leave it out here; team rules and dictionaries work with the command-line tool',
      );
  const config = cascadeConfig([{ file: name, source }], '/');
  // Compiled once here, so that an unknown rule id or a bad option is said now, not at the first reply.
  loadRuleSet(config);
  return config;
}

/** The text with one violation's fix applied (the fixes of `lint`'s result; a violation without one leaves it as it is). */
export function applyFix(text: string, violation: Violation): string {
  return violation.fix ? applyFixes(text.normalize('NFC'), [violation.fix]).text : text;
}

/** The text with every fix applied, as `--fix` does (several passes). */
export function fixAll(text: string, context: ContextInput = {}, linter?: Linter): string {
  return lint(text, context, { fix: true, linter }).output ?? text;
}

/** Each violation's place in the text it was found in, as offsets [start, end) of at least one character: for drawing it. */
export function violationSpans(text: string, violations: readonly Violation[]): { start: number; end: number }[] {
  const lines = new LineIndex(text);
  const at = (line: number, column: number) => Math.min(text.length, lines.line(line).start + column - 1);
  return violations.map((v) => {
    const start = at(v.line, v.column);
    return { start, end: Math.min(text.length, Math.max(at(v.endLine, v.endColumn), start + 1)) };
  });
}

const RANK: Record<Severity, number> = { suggestion: 0, warning: 1, error: 2 };

/**
 * The text cut at every violation's edge, for marking it: violations overlap (a whole
 * line and a word in it), so each piece names all the violations over it (their indexes)
 * and the most severe of their levels; a piece under none has no severity.
 */
export function markedPieces(text: string, violations: readonly Violation[]): { start: number; end: number; violations: number[]; severity?: Severity }[] {
  const spans = violationSpans(text, violations);
  const edges = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [start, end] = [edges[i], edges[i + 1]];
    const over = spans.flatMap((s, index) => (s.start <= start && s.end >= end ? [index] : []));
    const severity = over.reduce<Severity | undefined>((worst, index) => {
      const level = violations[index].severity;
      return worst === undefined || RANK[level] > RANK[worst] ? level : worst;
    }, undefined);
    pieces.push({ start, end, violations: over, ...(severity ? { severity } : {}) });
  }
  return pieces;
}
