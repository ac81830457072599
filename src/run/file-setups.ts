// What each file is linted with: the config of its folder (config/find-config.ts's
// cascade), or one config for every file (-c, --no-config, the library's `config`); a
// linter made once per config; and the context that the flags, the config and its
// template and channel globs give the file's replies.
import { dirname, relative, resolve } from 'node:path';
import type { Ignores } from '../input/ignores.js';
import type { ResolvedConfig } from '../config/load-config.js';
import { Linter } from '../engine/lint.js';
import { loadRuleSet } from '../engine/rule-set.js';
import type { Channel, Language, Locale, ReplyContext } from '../types.js';
import { settingsKey } from './result-cache.js';

/** The flags that set the context of every reply (they win over the config). */
export interface ContextFlags {
  lang?: Language;
  channel?: Channel;
  customerName?: string;
  agentName?: string;
  customerMessage?: string;
  template?: boolean;
  locale?: string;
}

type Matcher = (path: string) => boolean;

/** One config with its linter: what the files of the folders it applies to are linted with. */
export class FileSetup {
  private readonly defaults: Partial<ReplyContext>;
  /** The config's channel globs that name any files. */
  private readonly channelEntries: [Channel, string[]][];
  private globs?: Promise<{ template?: Matcher; channels: [Channel, Matcher][] }>;
  private key?: string;

  constructor(
    readonly config: ResolvedConfig,
    readonly linter: Linter,
    private readonly flags: ContextFlags,
  ) {
    const d: Partial<ReplyContext> = {};
    const language = flags.lang ?? config.language;
    if (language) d.language = language;
    const channel = flags.channel ?? config.channel;
    if (channel) d.channel = channel;
    if (flags.customerName) d.customerName = flags.customerName;
    if (flags.agentName) d.agentName = flags.agentName;
    if (flags.customerMessage) d.customerMessages = [flags.customerMessage];
    if (flags.template !== undefined) d.template = flags.template;
    this.defaults = d;
    this.channelEntries = Object.entries(config.channelGlobs).filter(([, globs]) => globs?.length) as [Channel, string[]][];
  }

  /**
   * The context of a file's replies: the defaults, and what the config's globs say of the
   * file (a canned response, a channel); flags still win. Without a file (stdin), the
   * defaults: the glob library loads only when a file is named.
   */
  async contextFor(file?: string): Promise<Partial<ReplyContext>> {
    const { templates } = this.config;
    const { channelEntries } = this;
    if (file === undefined || (!templates.length && !channelEntries.length)) return this.defaults;
    const globs = await (this.globs ??= import('picomatch').then(({ default: picomatch }) => ({
      template: templates.length ? picomatch(templates, { dot: true }) : undefined,
      channels: channelEntries.map(([channel, list]) => [channel, picomatch(list, { dot: true })] as [Channel, Matcher]),
    })));
    const path = relative(this.config.baseDir, resolve(file)).split('\\').join('/');
    const context = { ...this.defaults };
    if (this.flags.template === undefined && globs.template?.(path)) context.template = true;
    const channel = this.flags.channel === undefined ? globs.channels.find(([, matches]) => matches(path))?.[0] : undefined;
    if (channel) context.channel = channel;
    return context;
  }

  /** What this setup's cached results depend on besides their file (result-cache.ts); worked out once. */
  cacheKey(version: string, extra: object): string {
    return (this.key ??= settingsKey(this.config, version, extra));
  }
}

/** The setups of a run, one per config, made as the folders that need them are met. */
export class FileSetups {
  private readonly byConfig = new Map<ResolvedConfig, Promise<FileSetup>>();

  /** `configFor`: a folder's config; the same object for folders that share one, so that they share a linter. */
  constructor(
    private readonly configFor: (folder: string) => Promise<ResolvedConfig>,
    private readonly flags: ContextFlags & { locale?: Locale },
  ) {}

  /** One config for every file. */
  static of(config: ResolvedConfig, flags: ContextFlags & { locale?: Locale }): FileSetups {
    return new FileSetups(async () => config, flags);
  }

  forFile(file: string): Promise<FileSetup> {
    return this.forFolder(dirname(resolve(file)));
  }

  async forFolder(folder: string): Promise<FileSetup> {
    const config = await this.configFor(folder);
    let setup = this.byConfig.get(config);
    if (!setup) this.byConfig.set(config, (setup = this.make(config)));
    return setup;
  }

  /**
   * What not to lint: .replylintignore, `patterns` (--ignore-pattern) and, for each file,
   * the `ignores` of its own config (relative to the config's folder); with `noIgnore`
   * only what never holds a reply. Loaded when files are named, never for stdin.
   */
  async ignores(patterns: readonly string[] | undefined, noIgnore: boolean | undefined): Promise<Ignores> {
    const { loadIgnores } = await import('../input/ignores.js');
    const configIgnores = async (file: string) => {
      const { config } = await this.forFile(file);
      return { base: config.baseDir, patterns: config.ignores };
    };
    return loadIgnores({ cwd: process.cwd(), configIgnores, patterns, noIgnore });
  }

  /** Every setup made so far (TIMING=1 sums their rules' times). */
  async made(): Promise<FileSetup[]> {
    return Promise.all(this.byConfig.values());
  }

  private async make(config: ResolvedConfig): Promise<FileSetup> {
    const linter = new Linter(loadRuleSet(config), { locale: this.flags.locale ?? config.locale });
    await linter.prepare();
    return new FileSetup(config, linter, this.flags);
  }
}
