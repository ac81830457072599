// Where a file's config comes from: the nearest config up the tree from its folder, merged
// over those of the folders above it (load-config.ts's cascadeConfig), up to the project
// root (the first folder with a package.json, as cosmiconfig's "project" search) or to a
// config that says `root: true`: ESLint's eslintrc cascade, and Vale's nearest .vale.ini.
// cosmiconfig finds each folder's file; stat calls first tell whether there is any.
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { notRegular, statPath } from '../files/regular-file.js';
import { ConfigError } from './errors.js';
import { cascadeConfig, isRootConfig, loadConfigFile, readFoundConfig, type FoundConfig, type ResolvedConfig } from './load-config.js';
import { readConfigText } from './yaml-source.js';

// cosmiconfig's default search places for the module name "replylint" (its README,
// "searchPlaces"), used only to tell whether there is anything to search for.
const SEARCH_PLACES = [
  'package.json',
  '.replylintrc',
  '.replylintrc.json',
  '.replylintrc.yaml',
  '.replylintrc.yml',
  '.replylintrc.js',
  '.replylintrc.ts',
  '.replylintrc.mjs',
  '.replylintrc.cjs',
  '.config/replylintrc',
  '.config/replylintrc.json',
  '.config/replylintrc.yaml',
  '.config/replylintrc.yml',
  '.config/replylintrc.js',
  '.config/replylintrc.ts',
  '.config/replylintrc.mjs',
  '.config/replylintrc.cjs',
  'replylint.config.js',
  'replylint.config.ts',
  'replylint.config.mjs',
  'replylint.config.cjs',
];

/**
 * Whether a folder holds a possible config. Loading and creating a cosmiconfig explorer
 * costs ~20 ms, a fifth of a reply's whole run on stdin; these stat calls cost well under
 * 1 ms and let the common case of no config skip it. They also check what cosmiconfig
 * would read: a FIFO or a device among the candidates would hang its read, so it is
 * refused here.
 */
function mayHoldConfig(dir: string): boolean {
  let found = false;
  for (const place of SEARCH_PLACES) {
    const file = resolve(dir, place);
    const status = statPath(file);
    // Nothing there, or a part of the path is no folder: cosmiconfig passes over it too.
    if ('problem' in status) continue;
    const { stats } = status;
    if (stats.isDirectory()) continue;
    const problem = notRegular(stats);
    if (problem) throw new ConfigError(`cannot use this config file: it ${problem}`, { file }, 'remove it, or put the config in a regular file');
    if (place !== 'package.json') {
      found = true;
      continue;
    }
    const read = readConfigText(file);
    try {
      // A package.json too large or broken is left for cosmiconfig to read or report.
      if ('problem' in read || 'replylint' in (JSON.parse(read.text) as object)) found = true;
    } catch {
      found = true;
    }
  }
  return found;
}

type Explorer = ReturnType<typeof import('cosmiconfig').cosmiconfig>;

/** Configs per folder, each file read once however many folders below it are asked for. */
export class ConfigTree {
  private explorer?: Promise<Explorer>;
  private readonly inFolder = new Map<string, Promise<FoundConfig | undefined>>();
  private readonly forFolder = new Map<string, Promise<ResolvedConfig>>();
  /** By the files of its cascade: folders that share them share the very same config. */
  private readonly byFiles = new Map<string, ResolvedConfig>();

  /** `adjust`: what to do to each config once merged (--rule's settings over it). */
  constructor(private readonly adjust: (config: ResolvedConfig) => ResolvedConfig = (config) => config) {}

  /** The config for the files of a folder. */
  configFor(folder: string): Promise<ResolvedConfig> {
    const dir = resolve(folder);
    let config = this.forFolder.get(dir);
    if (!config) this.forFolder.set(dir, (config = this.merge(dir)));
    return config;
  }

  private async merge(dir: string): Promise<ResolvedConfig> {
    const found: FoundConfig[] = [];
    for (let at = dir; ; ) {
      const here = await this.configIn(at);
      if (here) found.push(here);
      const parent = dirname(at);
      if ((here && isRootConfig(here)) || existsSync(resolve(at, 'package.json')) || parent === at) break;
      at = parent;
    }
    const key = found.map((f) => f.file).join('\0');
    let config = this.byFiles.get(key);
    if (!config) this.byFiles.set(key, (config = this.adjust(cascadeConfig(found, dir))));
    return config;
  }

  /** The config file of one folder, as cosmiconfig finds it (its search places, in order; empty files passed over). */
  private configIn(dir: string): Promise<FoundConfig | undefined> {
    let found = this.inFolder.get(dir);
    if (!found) this.inFolder.set(dir, (found = mayHoldConfig(dir) ? this.search(dir) : Promise.resolve(undefined)));
    return found;
  }

  private async search(dir: string): Promise<FoundConfig | undefined> {
    const found = await (await (this.explorer ??= makeExplorer())).search(dir);
    if (!found) return undefined;
    if (!/\.(?:[cm]?js|ts)$/.test(found.filepath)) return readFoundConfig(found.filepath);
    // A JS config's value has no positions to name.
    const file = found.filepath;
    return { file, source: { file, value: found.config, locate: () => ({ file, line: 0, column: 0 }) } };
  }
}

async function makeExplorer(): Promise<Explorer> {
  // Loaded on demand (a separate chunk of the CLI bundle); CommonJS, so its named
  // export may sit on the default one depending on who loads it.
  const mod = (await import('cosmiconfig')) as typeof import('cosmiconfig') & { default?: typeof import('cosmiconfig') };
  const cosmiconfig = mod.cosmiconfig ?? mod.default!.cosmiconfig;
  return cosmiconfig('replylint', {
    // One folder at a time: ConfigTree walks up, and merges what each holds.
    searchStrategy: 'none',
    // Read YAML and JSON ourselves so that errors name line and column; JS configs load as usual.
    loaders: { '.yaml': keepPath, '.yml': keepPath, '.json': keepPath, noExt: keepPath },
  });
}

/** The config a run uses: the file named (--config), else the cascade of the folder `from`. */
export async function resolveConfig(configFile: string | undefined, from: string): Promise<ResolvedConfig> {
  return configFile ? loadConfigFile(configFile) : findConfig(from);
}

/** The config of the folder `from`: its cascade, or the default where there is none. */
export function findConfig(from: string): Promise<ResolvedConfig> {
  return new ConfigTree().configFor(from);
}

// cosmiconfig only needs to know whether a file holds a config; the contents are read
// again by loadConfigFile with positions. package.json counts only with a "replylint" key.
function keepPath(filepath: string, content: string): unknown {
  if (basename(filepath) === 'package.json') {
    try {
      return JSON.parse(content);
    } catch {
      return {};
    }
  }
  return content.trim() ? { filepath } : null;
}
