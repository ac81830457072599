// Expanding the command line's files, folders and globs into a sorted list of files.
import { glob, isDynamicPattern } from 'tinyglobby';
import { appendAll } from '../lists.js';
import { resolve } from 'node:path';
import { statPath } from '../files/regular-file.js';
import type { Ignores } from './ignores.js';

/** Extensions linted when a folder is named. */
export const REPLY_EXTENSIONS = ['txt', 'md', 'markdown', 'text', 'html', 'htm', 'json', 'jsonl', 'ndjson', 'yaml', 'yml', 'csv'];

export interface Expanded {
  files: string[];
  /** Arguments that matched nothing: a usage error, as in ESLint. */
  unmatched: string[];
  /** Files named on the command line that an ignore pattern leaves out, and why (said, as ESLint warns). */
  ignored: { file: string; why: string }[];
}

/**
 * The files the arguments name. `extensions` (--ext): what a folder is scanned for
 * (default REPLY_EXTENSIONS); files and globs named are taken as they are.
 */
export async function expandArguments(
  args: readonly string[],
  cwd = process.cwd(),
  ignores?: Ignores,
  extensions: readonly string[] = REPLY_EXTENSIONS,
): Promise<Expanded> {
  const files: string[] = [];
  const unmatched: string[] = [];
  const ignored: Expanded['ignored'] = [];
  for (const arg of args) {
    let pattern: string | undefined;
    if (isDynamicPattern(arg)) pattern = arg;
    else {
      const status = statPath(arg);
      // A file that cannot be looked at is reported by the reader with its name, like any other bad input.
      if (!('stats' in status) || !status.stats.isDirectory()) {
        const why = await ignores?.why(resolve(cwd, arg));
        if (why) ignored.push({ file: arg, why });
        else files.push(arg);
        continue;
      }
      // One extension is no brace set: tinyglobby reads {txt} as the literal text.
      const ext = extensions.length === 1 ? extensions[0] : `{${extensions.join(',')}}`;
      pattern = `${arg.replace(/(?<!\/)\/+$/, '')}/**/*.${ext}`;
    }
    const found = await glob(pattern, { cwd, ignore: ['**/node_modules/**', '**/.git/**'], followSymbolicLinks: false, expandDirectories: false });
    if (!found.length) unmatched.push(arg);
    // What a folder or glob finds that is ignored is left out without a word.
    const kept: string[] = [];
    for (const f of found) if (!(await ignores?.why(resolve(cwd, f)))) kept.push(f);
    appendAll(files, kept.sort());
  }
  return { files: [...new Set(files)], unmatched, ignored };
}
