// Files not to lint, as ESLint and Vale users expect: patterns in .gitignore's syntax
// (matched by `ignore`, the library ESLint uses) from a .replylintignore in the working
// folder, each file's config's `ignores` (relative to the config's folder) and --ignore-pattern;
// and, always, files that are never replies: package manifests and lock files,
// replylint's own config, cache and baseline. --no-ignore leaves out the first three.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative, resolve } from 'node:path';

interface Matcher {
  add(patterns: string | readonly string[]): Matcher;
  ignores(path: string): boolean;
}
type IgnoreFactory = (options?: { allowRelativePaths?: boolean }) => Matcher;

/** Files that hold no reply wherever they stand: never linted, named or found. */
export const NEVER_REPLIES = [
  'package.json',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'composer.json',
  'composer.lock',
  'tsconfig*.json',
  '.replylintrc*',
  'replylint.config.*',
  '.replylintcache',
  'replylint-suppressions.json',
  '.pre-commit-config.yaml',
  '.pre-commit-hooks.yaml',
];

export const IGNORE_FILE = '.replylintignore';

export interface IgnoreOptions {
  /** The working folder: .replylintignore and --ignore-pattern are relative to it. */
  cwd: string;
  /** The `ignores` of the config that applies to a file, and the folder they are relative to. */
  configIgnores?: (file: string) => Promise<{ base: string; patterns: readonly string[] }>;
  /** --ignore-pattern, each a .gitignore line. */
  patterns?: readonly string[];
  /** --no-ignore: only NEVER_REPLIES apply. */
  noIgnore?: boolean;
}

export interface Ignores {
  /** Why a file is not to be linted ("matches .replylintignore"), or undefined to lint it. */
  why(file: string): Promise<string | undefined>;
}

/** A path as `ignore` takes it: relative to `base`, with forward slashes; undefined outside `base`. */
function within(base: string, file: string): string | undefined {
  const rel = relative(base, resolve(base, file));
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split('\\').join('/');
}

export function loadIgnores(options: IgnoreOptions): Ignores {
  const create = createRequire(import.meta.url)('ignore') as IgnoreFactory;
  const never = create().add(NEVER_REPLIES);
  const sources: { base: string; matcher: Matcher; name: string }[] = [];
  if (!options.noIgnore) {
    let fileText: string | undefined;
    try {
      fileText = readFileSync(join(options.cwd, IGNORE_FILE), 'utf8');
    } catch {
      // No .replylintignore: nothing ignored by it.
    }
    if (fileText !== undefined) sources.push({ base: options.cwd, matcher: create().add(fileText), name: IGNORE_FILE });
    if (options.patterns?.length) sources.push({ base: options.cwd, matcher: create().add(options.patterns), name: '--ignore-pattern' });
  }
  // A matcher per config (configs are shared by the folders they apply to), by its list of patterns.
  const configMatchers = new WeakMap<readonly string[], Matcher>();
  const configSource = async (file: string) => {
    if (options.noIgnore || !options.configIgnores) return undefined;
    const { base, patterns } = await options.configIgnores(file);
    if (!patterns.length) return undefined;
    let matcher = configMatchers.get(patterns);
    if (!matcher) configMatchers.set(patterns, (matcher = create().add(patterns)));
    return { base, matcher, name: 'the config\'s "ignores"' };
  };
  return {
    async why(file) {
      // A manifest or a lock file is no reply wherever it stands: matched on its name.
      const name = file.split(/[\\/]/).pop() ?? file;
      if (never.ignores(name)) return 'holds no reply (a manifest, lock or replylint file)';
      const fromConfig = await configSource(file);
      // In the order they are said: .replylintignore, the config's, --ignore-pattern.
      const all = fromConfig ? [...sources.filter((s) => s.name === IGNORE_FILE), fromConfig, ...sources.filter((s) => s.name !== IGNORE_FILE)] : sources;
      for (const { base, matcher, name: source } of all) {
        const rel = within(base, file);
        if (rel !== undefined && matcher.ignores(rel)) return `matches ${source}`;
      }
      return undefined;
    },
  };
}
