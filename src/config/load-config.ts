// Finding and resolving the config: cosmiconfig's search, our YAML reader (so errors
// carry line and column), presets and `extends`.
import { closeSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleSettings } from '../engine/load-rules.js';
import type { Brand, Vocabulary } from '../engine/rule.js';
import type { Channel, Language, Level, Locale } from '../types.js';
import { bundledSource } from './builtin-bundle.js';
import { ConfigError } from './errors.js';
import { CONFIG_SCHEMA } from './schema.js';
import { didYouMean, RESERVED_IDS, validate } from './validate.js';
import { appendAll } from '../lists.js';
import { openRegularFile, statPath } from '../files/regular-file.js';
import { globIn, ignoreLineIn, inFolder } from './rebase-globs.js';
import { parseYaml, readConfigText, type Path, type YamlSource } from './yaml-source.js';

export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
const PRESETS_DIR = resolve(BUILTIN_RULES_DIR, 'presets');
export const PRESETS = ['recommended', 'strict'] as const;

export interface ResolvedConfig {
  /** The config file found or given, if any: the nearest to the files it applies to. */
  file?: string;
  /** Where configs cascade (config/find-config.ts): every file merged, the top-most first. */
  files?: string[];
  rules: Record<string, RuleSettings>;
  /** Rule folders beside the built-in one, absolute. */
  rulePaths: string[];
  vocabulary: Vocabulary;
  /** The company's own names, domains and phones (merged over `extends`). */
  brand: Brand;
  /** Globs (relative to the config's folder) of files that are canned responses. */
  templates: string[];
  /** Patterns in .gitignore's syntax (relative to the config's folder) of files not to lint. */
  ignores: string[];
  /** Globs (relative to the config's folder) of files whose replies are of a channel. */
  channelGlobs: Partial<Record<Channel, string[]>>;
  /** The language of messages: en, cs, sk, or auto (the reply's own). */
  locale?: Locale;
  baseDir: string;
  language?: Language;
  channel?: Channel;
}

interface RawConfig {
  root?: boolean;
  extends?: string | string[];
  rules?: Record<string, unknown>;
  rulePaths?: string[];
  vocabulary?: {
    jargon?: (string | { term: string; replace?: string })[] | Record<string, string>;
    allow?: string[];
    dictionaries?: Partial<Record<Language, string>>;
    classes?: Record<string, Partial<Record<Language | 'any', string[]>>>;
    nicknames?: Record<string, string[]>;
  };
  brand?: Partial<Brand>;
  templates?: string[];
  ignores?: string[];
  channels?: Partial<Record<Channel, string[]>>;
  locale?: Locale;
  language?: Language;
  channel?: Channel;
}

/** A config file parsed, or the problem that keeps it from being read, in words. */
function sourceOrProblem(file: string, prefix: readonly string[] = []): YamlSource | { problem: string } {
  const bundled = prefix.length ? undefined : bundledSource(file);
  if (bundled) return bundled;
  const read = readConfigText(file);
  if ('problem' in read) return read;
  const source = parseYaml(read.text, file);
  if (!prefix.length) return source;
  let value: unknown = source.value;
  for (const key of prefix) value = (value as Record<string, unknown>)?.[key];
  return { file, value, locate: (path) => source.locate([...prefix, ...path]) };
}

function readSource(file: string, prefix: readonly string[] = []): YamlSource {
  const source = sourceOrProblem(file, prefix);
  if ('problem' in source)
    throw new ConfigError(`cannot use this config file: it ${source.problem}`, { file }, 'name a config file of your own (YAML, JSON or JS) under 1 MB');
  return source;
}

/** How a config file is named in a message: relative to the working folder where that is shorter. */
const shown = (file: string) => {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
};

/** A rule's setting as a config writes it; `at`: its path in `source` (the options' places are kept). */
/** A level as written, ESLint's way or ours: "warn" and 1 are "warning", 0 "off", 2 "error". */
function levelOf(raw: unknown): Level | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'warn' || raw === 1) return 'warning';
  if (raw === 0) return 'off';
  if (raw === 2) return 'error';
  return raw as Level;
}

function settingFrom(raw: unknown, source: YamlSource, at: Path): RuleSettings {
  if (typeof raw === 'string' || typeof raw === 'number') return { level: levelOf(raw) };
  const [options, path] = Array.isArray(raw)
    ? [raw[1] as Record<string, unknown> | undefined, [...at, 1]]
    : [(raw as { options?: Record<string, unknown> }).options, [...at, 'options']];
  const view: YamlSource = { file: source.file, value: options, locate: (p) => source.locate([...path, ...p]) };
  const optionSources = options && typeof options === 'object' ? Object.fromEntries(Object.keys(options).map((key) => [key, view])) : undefined;
  if (Array.isArray(raw)) return { level: levelOf(raw[0]), options, optionSources };
  const r = raw as { level?: unknown; weight?: number };
  return { level: levelOf(r.level), weight: r.weight, options, optionSources };
}

/**
 * Merge a config (and, first, what it extends) into `target`. `chain` holds the files
 * being merged from the top down, so that a file extending one of them is caught as the
 * cycle it makes instead of recursing until the stack runs out. `folder`: where the
 * config's globs stand, from `target.baseDir` (a config lower in a cascade), or "".
 */
function mergeInto(target: ResolvedConfig, source: YamlSource, chain: readonly string[] = [source.file], folder = ''): void {
  validate(source, CONFIG_SCHEMA);
  const raw = Object.fromEntries(Object.entries((source.value ?? {}) as object).filter(([, v]) => v !== null)) as RawConfig;
  const dir = dirname(source.file);
  for (const [i, base] of [raw.extends ?? []].flat().entries()) {
    const where = source.locate(Array.isArray(raw.extends) ? ['extends', i] : ['extends']);
    const presetName = base.replace(/^replylint:/, '');
    let file: string;
    if ((PRESETS as readonly string[]).includes(presetName)) {
      file = resolve(PRESETS_DIR, `${presetName}.yaml`);
    } else if (/^[./]/.test(base) || isAbsolute(base)) {
      file = resolve(dir, base);
    } else {
      throw new ConfigError(
        `unknown preset "${base}" in "extends"`,
        where,
        `${didYouMean(presetName, PRESETS)}presets: ${PRESETS.join(', ')}; or a path starting with ./`,
      );
    }
    if (chain.includes(file)) {
      throw new ConfigError(
        `"extends" makes a cycle: ${[...chain.slice(chain.indexOf(file)), file].map(shown).join(' → ')}`,
        where,
        'remove the "extends" that leads back to a config already extended',
      );
    }
    const extended = sourceOrProblem(file);
    if ('problem' in extended) {
      const problem = extended.problem.startsWith('no such file') ? 'does not exist' : extended.problem;
      throw new ConfigError(
        `"extends" names "${base}", which ${problem}`,
        where,
        `give the path of a config file relative to ${dir}, or a preset: ${PRESETS.join(', ')}`,
      );
    }
    mergeInto(target, extended, [...chain, file], folder);
  }
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    if (RESERVED_IDS.has(id))
      throw new ConfigError(
        `"${id}" is not a rule id`,
        source.locate(['rules', id]),
        'rule ids are lower-case words joined by hyphens, such as "no-jargon"; `replylint rules` lists them',
      );
    const next = settingFrom(setting, source, ['rules', id]);
    const prev = target.rules[id] ?? {};
    target.rules[id] = {
      level: next.level ?? prev.level,
      weight: next.weight ?? prev.weight,
      options: { ...prev.options, ...next.options },
      optionSources: { ...prev.optionSources, ...next.optionSources },
      where: source.locate(['rules', id]),
    };
  }
  appendAll(
    target.rulePaths,
    (raw.rulePaths ?? []).map((p) => resolve(dir, p)),
  );
  const jargon = raw.vocabulary?.jargon ?? undefined;
  if (jargon) {
    const entries = Array.isArray(jargon)
      ? jargon.map((j) => (typeof j === 'string' ? { term: j } : j))
      : Object.entries(jargon).map(([term, replace]) => ({ term, replace }));
    appendAll(target.vocabulary.jargon, entries);
  }
  appendAll(target.vocabulary.allow, raw.vocabulary?.allow ?? []);
  for (const [name, lists] of Object.entries(raw.vocabulary?.classes ?? {})) {
    // A config's class entries join those of the configs it extends (and the built-in class).
    const known = (target.vocabulary.classes ??= Object.create(null) as NonNullable<Vocabulary['classes']>);
    const into = (known[name] ??= {});
    for (const [lang, entries] of Object.entries(lists ?? {}) as [Language | 'any', string[]][]) into[lang] = [...(into[lang] ?? []), ...entries];
  }
  for (const [name, forms] of Object.entries(raw.vocabulary?.nicknames ?? {})) {
    // A config's nicknames join those of the configs it extends, name by name.
    const known = (target.vocabulary.nicknames ??= Object.create(null) as Record<string, string[]>);
    known[name] = [...(known[name] ?? []), ...forms];
  }
  for (const [lang, path] of Object.entries(raw.vocabulary?.dictionaries ?? {})) {
    const base = resolve(dir, path);
    checkDictionary(base, source.locate(['vocabulary', 'dictionaries', lang]));
    target.vocabulary.dictionaries = { ...target.vocabulary.dictionaries, [lang]: base };
  }
  appendAll(target.brand.names, raw.brand?.names ?? []);
  appendAll(target.brand.domains, raw.brand?.domains ?? []);
  appendAll(target.brand.phones, raw.brand?.phones ?? []);
  appendAll(target.templates, inFolder(folder, raw.templates ?? [], globIn));
  appendAll(target.ignores, inFolder(folder, raw.ignores ?? [], ignoreLineIn));
  for (const [channel, globs] of Object.entries(raw.channels ?? {}) as [Channel, string[]][]) {
    target.channelGlobs[channel] = [...(target.channelGlobs[channel] ?? []), ...inFolder(folder, globs, globIn)];
  }
  target.locale = raw.locale ?? target.locale;
  target.language = raw.language ?? target.language;
  target.channel = raw.channel ?? target.channel;
}

/**
 * A dictionary's .aff and .dic, where they exist, must be regular files we may read: the
 * spelling rule reads them whole, and a FIFO or a device there would hang or never end,
 * a link loop or a file we may not read would end the run. (Missing ones are the spelling
 * rule's to report, when it is on.)
 */
function checkDictionary(base: string, where: { file: string; line: number; column: number }): void {
  for (const file of [`${base}.aff`, `${base}.dic`]) {
    const status = statPath(file);
    if ('problem' in status && status.absent) continue;
    const opened = openRegularFile(file);
    if ('problem' in opened)
      throw new ConfigError(
        `the dictionary "${file}" ${opened.problem}`,
        where,
        'point "vocabulary.dictionaries" at the base name of a Hunspell .aff/.dic pair of files',
      );
    closeSync(opened.fd);
  }
}

function emptyConfig(baseDir: string, file?: string): ResolvedConfig {
  return {
    file,
    rules: {},
    rulePaths: [],
    vocabulary: { jargon: [], allow: [] },
    brand: { names: [], domains: [], phones: [] },
    templates: [],
    ignores: [],
    channelGlobs: {},
    baseDir,
  };
}

/** The built-in default: the recommended preset. */
export function defaultConfig(cwd = process.cwd()): ResolvedConfig {
  const config = emptyConfig(cwd);
  mergeInto(config, readSource(resolve(PRESETS_DIR, 'recommended.yaml')));
  return config;
}

/** A config file as found: its path and contents (YAML and JSON with their positions). */
export interface FoundConfig {
  file: string;
  source: YamlSource;
}

/** A config file found, read: package.json's "replylint" key, any other file whole. */
export function readFoundConfig(file: string): FoundConfig {
  return { file, source: basename(file) === 'package.json' ? readSource(file, ['replylint']) : readSource(file) };
}

/** Whether a config stops the cascade (`root: true`), as ESLint's eslintrc files did. */
export const isRootConfig = (found: FoundConfig): boolean => (found.source.value as RawConfig | null | undefined)?.root === true;

/**
 * The configs of a folder's cascade (nearest first) as one: merged from the top down, so
 * that the nearest has the last word; the top-most builds on the recommended preset
 * unless it extends something. Its folder is the base of every glob (rebase-globs.ts).
 */
export function cascadeConfig(found: readonly FoundConfig[], from: string): ResolvedConfig {
  if (!found.length) return defaultConfig(from);
  const topDown = [...found].reverse();
  const baseDir = dirname(topDown[0].file);
  const config = emptyConfig(baseDir, found[0].file);
  if ((topDown[0].source.value as RawConfig | null | undefined)?.extends === undefined) mergeInto(config, readSource(resolve(PRESETS_DIR, 'recommended.yaml')));
  for (const { file, source } of topDown) mergeInto(config, source, [file], relative(baseDir, dirname(file)).split(sep).join('/'));
  if (found.length > 1) config.files = topDown.map((f) => f.file);
  return config;
}

/** A config file given by path (`--config`). */
export function loadConfigFile(file: string): ResolvedConfig {
  const path = resolve(file);
  const status = statPath(path);
  if ('problem' in status)
    throw new ConfigError(`config file "${file}" ${status.absent ? 'does not exist' : status.problem}`, undefined, 'check the path given to --config');
  // A config without `extends` builds on the recommended preset, as ESLint's flat configs do not but users expect.
  return cascadeConfig([readFoundConfig(path)], dirname(path));
}

/**
 * --rule 'no-jargon: off' (repeatable, as ESLint's --rule): each a YAML mapping of rule
 * ids to settings, merged over the config's and checked as a config's rules are, a
 * mistake named by its column in the flag.
 */
export function withRuleSettings(config: ResolvedConfig, settings: readonly string[]): ResolvedConfig {
  for (const text of settings) {
    const source = parseYaml(text, '--rule');
    const value = source.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw new ConfigError(
        `--rule takes "rule-id: setting", not ${JSON.stringify(text)}`,
        undefined,
        'e.g. --rule "no-jargon: off" or --rule "no-shouting: [warning, {minLength: 4}]"',
      );
    mergeInto(config, { ...source, value: { rules: value }, locate: (path) => source.locate(path.slice(1)) });
  }
  return config;
}
