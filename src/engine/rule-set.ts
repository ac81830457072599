// The rules of one run: built-in and extra rule folders, with the config's levels,
// weights and options applied, compiled once.
import { ConfigError } from '../config/errors.js';
import { join } from 'node:path';
import { BUILTIN_RULES_DIR, type ResolvedConfig } from '../config/load-config.js';
import { didYouMean } from '../config/validate.js';
import { compileRule, readRuleFolder, type RuleFile } from './load-rules.js';
import type { Rule } from './rule.js';
import { readClassFolder, withTeamClasses, type WordClass } from './word-classes.js';

const BUILTIN_CLASSES_DIR = join(BUILTIN_RULES_DIR, 'classes');

export function loadRuleSet(config: ResolvedConfig): Rule[] {
  const files = new Map<string, RuleFile>();
  // Later folders override earlier ones: a team can replace a built-in rule by id.
  for (const dir of [BUILTIN_RULES_DIR, ...config.rulePaths]) {
    for (const file of readRuleFolder(dir)) files.set(file.id, file);
  }
  const ids = [...files.keys()];
  for (const [id, setting] of Object.entries(config.rules)) {
    if (!files.has(id)) {
      const where = setting.where ?? (config.file ? { file: config.file } : undefined);
      throw new ConfigError(`unknown rule id "${id}"`, where, `${didYouMean(id, ids)}rules: ${ids.join(', ')}`);
    }
  }
  const classes = withTeamClasses(builtinClasses(), config.vocabulary.classes);
  return [...files.values()].map(({ id, source }) =>
    compileRule(source, id, config.vocabulary, config.rules[id], source.trusted ?? false, classes, config.brand),
  );
}

let builtin: Map<string, WordClass> | undefined;
/** The built-in word classes (rules/classes/), read once. */
export function builtinClasses(): Map<string, WordClass> {
  return (builtin ??= readClassFolder(BUILTIN_CLASSES_DIR));
}
