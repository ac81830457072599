// The rules of one run: built-in and extra rule folders, with the config's levels,
// weights and options applied, compiled once.
import { ConfigError } from '../config/errors.js';
import { BUILTIN_RULES_DIR, type ResolvedConfig } from '../config/load-config.js';
import { didYouMean } from '../config/validate.js';
import { compileRule, readRuleFolder, type RuleFile } from './load-rules.js';
import type { Rule } from './rule.js';

export function loadRuleSet(config: ResolvedConfig): Rule[] {
  const files = new Map<string, RuleFile>();
  // Later folders override earlier ones: a team can replace a built-in rule by id.
  for (const dir of [BUILTIN_RULES_DIR, ...config.rulePaths]) {
    for (const file of readRuleFolder(dir)) files.set(file.id, file);
  }
  const ids = [...files.keys()];
  for (const id of Object.keys(config.rules)) {
    if (!files.has(id)) {
      throw new ConfigError(`unknown rule id "${id}"`, config.file ? { file: config.file } : undefined, `${didYouMean(id, ids)}rules: ${ids.join(', ')}`);
    }
  }
  return [...files.values()].map(({ id, source }) => compileRule(source, id, config.vocabulary, config.rules[id], undefined, config.brand));
}
