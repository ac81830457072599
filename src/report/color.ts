// How much colour a terminal report uses. chalk 5 detects the terminal (and reads
// FORCE_COLOR) but does not honour NO_COLOR (no-color.org), and it reads --color /
// --no-color from process.argv, not from the arguments the CLI was given. So the
// decision is made here, the way ESLint and Node make it: an explicit flag wins, then
// FORCE_COLOR (which Node lets override NO_COLOR), then NO_COLOR, then the terminal.
import type { ChalkInstance } from 'chalk';

export type ColorFlag = boolean | undefined;

/** chalk's level (0 none, 1 basic, 2 256, 3 truecolor) for a flag, the environment and what chalk detected. */
export function colorLevel(flag: ColorFlag, env: NodeJS.ProcessEnv, detected: number, toFile = false): 0 | 1 | 2 | 3 {
  const level = Math.min(3, Math.max(0, detected)) as 0 | 1 | 2 | 3;
  if (flag === false) return 0;
  if (flag === true) return level || 1;
  if (env.FORCE_COLOR !== undefined) return level; // chalk has read it: "0"/"false" gives 0
  if (env.NO_COLOR) return 0; // present and not empty
  return toFile ? 0 : level; // a report file is no terminal
}

/** A chalk instance at the level the flag and the environment ask for. */
export async function chalkFor(flag: ColorFlag, toFile = false): Promise<ChalkInstance> {
  const { Chalk, supportsColor } = await import('chalk');
  return new Chalk({ level: colorLevel(flag, process.env, supportsColor ? supportsColor.level : 0, toFile) });
}
