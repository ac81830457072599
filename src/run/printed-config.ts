// --print-config FILE: what lint uses for that file, as ESLint's --print-config: the config
// of its folder (every file of its cascade), every rule it runs with its level, weight,
// options and rule file (rulePaths' rules too), and what the config's globs and ignores
// say of the file.
import { resolve } from 'node:path';
import type { FileSetups } from './file-setups.js';

export interface PrintOptions {
  /** --ignore-pattern, as commander names it. */
  ignorePattern?: string[];
  /** false for --no-ignore. */
  ignore?: boolean;
}

export async function printedConfig(setups: FileSetups, file: string, options: PrintOptions = {}): Promise<object> {
  const setup = await setups.forFile(file);
  const { config, linter } = setup;
  const context = await setup.contextFor(file);
  const ignored = await (await setups.ignores(options.ignorePattern, options.ignore === false)).why(resolve(file));
  const { rules: settings, ...rest } = config;
  const rules = Object.fromEntries(
    linter.rules.map((rule) => {
      const options = settings[rule.id]?.options;
      return [
        rule.id,
        {
          level: rule.level,
          ...(rule.weight !== undefined ? { weight: rule.weight } : {}),
          ...(options && Object.keys(options).length ? { options } : {}),
          file: rule.file,
        },
      ];
    }),
  );
  return {
    ...rest,
    rules,
    lintedAs: {
      file: resolve(file),
      template: context.template === true,
      ...(context.channel ? { channel: context.channel } : {}),
      ...(context.language ? { language: context.language } : {}),
      ...(ignored ? { ignored } : {}),
    },
  };
}
