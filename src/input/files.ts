// Expanding the command line's files, folders and globs into a sorted list of files.
import { glob, isDynamicPattern } from 'tinyglobby';
import { appendAll } from '../lists.js';
import { statPath } from '../files/regular-file.js';

/** Extensions linted when a folder is named. */
export const REPLY_EXTENSIONS = ['txt', 'md', 'markdown', 'text', 'html', 'htm', 'json', 'jsonl', 'ndjson', 'yaml', 'yml', 'csv'];

export interface Expanded {
  files: string[];
  /** Arguments that matched nothing: a usage error, as in ESLint. */
  unmatched: string[];
}

export async function expandArguments(args: readonly string[], cwd = process.cwd()): Promise<Expanded> {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const arg of args) {
    let pattern: string | undefined;
    if (isDynamicPattern(arg)) pattern = arg;
    else {
      const status = statPath(arg);
      // A file that cannot be looked at is reported by the reader with its name, like any other bad input.
      if (!('stats' in status) || !status.stats.isDirectory()) {
        files.push(arg);
        continue;
      }
      pattern = `${arg.replace(/(?<!\/)\/+$/, '')}/**/*.{${REPLY_EXTENSIONS.join(',')}}`;
    }
    const found = await glob(pattern, { cwd, ignore: ['**/node_modules/**', '**/.git/**'], followSymbolicLinks: false, expandDirectories: false });
    if (!found.length) unmatched.push(arg);
    appendAll(files, found.sort());
  }
  return { files: [...new Set(files)], unmatched };
}
