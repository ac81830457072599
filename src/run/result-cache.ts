// --cache: results kept per file, keyed on the file's content, the resolved config,
// the rule files and replylint's version (not on mtime: CI checks out fresh files).
// The cache is our own file, but whatever is in it is read as input: a cache that is not
// one (null, a number, results of another shape, a FIFO at its name) is left out with one
// notice and written afresh; it never stops a run.
import { createRequire } from 'node:module';
import { closeSync, readdirSync, readSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { BUILTIN_RULES_DIR, type ResolvedConfig } from '../config/load-config.js';
import { readConfigText } from '../config/yaml-source.js';
import type { Notice } from '../input/notice.js';
import { MAX_TEXT_BYTES } from '../input/read.js';
import { openRegularFile, readRegularFile, statPath } from '../files/regular-file.js';
import { CHANNELS, LANGUAGES, type LintResult } from '../types.js';
import { beginReport } from './safe-write.js';

export const CACHE_FILE = '.replylintcache';
/** A cache larger than this is not read (parsing it would cost more than linting again). */
const MAX_CACHE_BYTES = 128 * 1024 * 1024;
/** A file with more results than this (a long JSONL) is not kept: its results would stay in memory all run. */
export const MAX_CACHED_RESULTS = 10_000;

interface Entry {
  key: string;
  results: LintResult[];
}

// node:crypto costs over a millisecond to load; only --cache needs it.
const crypto = () => createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
export const sha = (data: string | Buffer) => crypto().createHash('sha256').update(data).digest('hex');

/**
 * The hash of a file's bytes as they are read. Only a file of at most the text limit is
 * cached (a longer one is no reply, and a long JSONL's results would stay in memory), so
 * past the limit nothing more is hashed.
 */
export class ContentHash {
  private readonly hash = crypto().createHash('sha256');
  private bytes = 0;

  add(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (!this.overLimit) this.hash.update(chunk);
  }

  get overLimit(): boolean {
    return this.bytes > MAX_TEXT_BYTES;
  }

  /** The hex digest (once), or undefined when more than the limit was read. */
  digest(): string | undefined {
    return this.overLimit ? undefined : this.hash.digest('hex');
  }
}

/**
 * The cache file for --cache-location: the file named, or, as ESLint does, for a folder
 * (one that exists, or a name ending in a slash) a file in it named after the working
 * folder, so that projects can share a cache folder.
 */
export function cacheFile(location = CACHE_FILE, cwd = process.cwd()): string {
  const status = statPath(location);
  // Anything else there (a loop of links, a path through a file) is the cache's notice to give.
  const isFolder = location.endsWith('/') || location.endsWith(sep) || ('stats' in status && status.stats.isDirectory());
  return isFolder ? join(location, `${CACHE_FILE}_${sha(cwd).slice(0, 16)}`) : location;
}

/**
 * The YAML files of a folder (relative names, sorted), and with `deep` of the folders in
 * it; none where it cannot be listed (the rules were loaded from it already).
 */
function yamlFiles(dir: string, deep: boolean): string[] {
  try {
    return (
      readdirSync(dir, { withFileTypes: true, recursive: deep })
        .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
        // (Node before 20.12 names the folder `path`.)
        .map((e) => relative(dir, join(e.parentPath ?? (e as { path?: string }).path ?? dir, e.name)))
        .sort()
    );
  } catch {
    return [];
  }
}

/**
 * The rule files' names and content as one digest: what a config's rules say, wherever
 * its folders are. The built-in folder counts whole (word classes, language files, the
 * nickname list, the lexicon and presets decide results as the rule files do); a team's
 * rule folders, their rule files.
 */
export function ruleFilesDigest(config: ResolvedConfig): string {
  const ruleTexts = [BUILTIN_RULES_DIR, ...config.rulePaths].flatMap((dir) =>
    yamlFiles(dir, dir === BUILTIN_RULES_DIR).map((n) => {
      // The rules were loaded already; a rule file changed since cannot be read as one.
      const read = readConfigText(join(dir, n));
      return `${n}\n${'text' in read ? read.text : read.problem}`;
    }),
  );
  return sha(ruleTexts.join('\n'));
}

/** What every cached result depends on besides its file. */
export function settingsKey(config: ResolvedConfig, version: string, extra: object): string {
  return sha(JSON.stringify({ version, config, extra, rules: ruleFilesDigest(config) }));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const SEVERITIES = ['error', 'warning', 'suggestion'];
const position = (n: unknown) => Number.isInteger(n) && (n as number) >= 1;

/** Whether a cached value has the shape of a result, down to its violations: reports read every field. */
export function isResult(r: unknown): r is LintResult {
  return (
    isObject(r) &&
    typeof r.source === 'string' &&
    LANGUAGES.includes(r.language as never) &&
    CHANNELS.includes(r.channel as never) &&
    typeof r.score === 'number' &&
    Number.isFinite(r.score) &&
    (r.conversationId === undefined || typeof r.conversationId === 'string') &&
    (r.messageIndex === undefined || Number.isInteger(r.messageIndex)) &&
    Array.isArray(r.violations) &&
    r.violations.every(
      (v) =>
        isObject(v) &&
        typeof v.rule === 'string' &&
        SEVERITIES.includes(v.severity as string) &&
        typeof v.message === 'string' &&
        (v.hint === undefined || typeof v.hint === 'string') &&
        [v.line, v.column, v.endLine, v.endColumn].every(position),
    )
  );
}

/** What a parsed cache holds, or why it is not a cache. */
function entriesIn(value: unknown): Map<string, Entry> | string {
  if (!isObject(value)) return `it holds ${value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`}, not a cache`;
  const entries = new Map<string, Entry>();
  for (const [path, entry] of Object.entries(value)) {
    if (!isObject(entry) || typeof entry.key !== 'string' || !Array.isArray(entry.results) || !entry.results.every(isResult))
      return `its entry for "${path}" is not results of replylint`;
    entries.set(path, { key: entry.key, results: entry.results });
  }
  return entries;
}

/**
 * Whether a cache can be written at `path`: a file stands there, or nothing does in a
 * folder (a missing folder is said when the cache is saved). A link loop, a folder we may
 * not enter, a path through a file: nothing to write to.
 */
function canHoldCache(path: string): boolean {
  const status = statPath(path);
  if ('stats' in status) return status.stats.isFile();
  if (!status.absent) return false;
  const folder = statPath(dirname(path));
  return 'stats' in folder ? folder.stats.isDirectory() : folder.absent;
}

export class ResultCache {
  private readonly entries: Map<string, Entry>;
  private changed = false;
  /** False where something other than a file stands at the cache's name (a FIFO would block the write): it is never written to. */
  private readonly writable: boolean;
  /** Why the cache file could not be used, for the user; it is then left out and written afresh. */
  readonly notice?: Notice;

  constructor(private readonly file: string) {
    const read = readRegularFile(file, MAX_CACHE_BYTES, 'a cache');
    const absent = 'problem' in read && read.problem.startsWith('no such file');
    this.writable = canHoldCache(file);
    if (absent && !this.writable) {
      this.notice = { source: file, message: `cannot hold a cache: ${read.problem}; every file is linted, and nothing is cached` };
      this.entries = new Map();
      return;
    }
    let entries: Map<string, Entry> | string;
    if ('problem' in read) entries = absent ? new Map() : `it ${read.problem}`;
    else {
      try {
        entries = entriesIn(JSON.parse(read.bytes.toString('utf8')));
      } catch (err) {
        entries = `it is not JSON (${(err as Error).message})`;
      }
    }
    if (typeof entries === 'string') {
      const after = this.writable ? 'every file is linted and cached afresh' : 'every file is linted, and nothing is cached';
      this.notice = { source: file, message: `is not a usable cache: ${entries}; it is left out, and ${after}` };
      this.entries = new Map();
      this.changed = true;
    } else this.entries = entries;
  }

  /** The key of a content hash: the content with the settings (settingsKey) it was linted with. */
  private keyOf(settings: string, digest: string): string {
    return sha(settings + digest);
  }

  /** A file's key as it is now, read through a descriptor checked to be a regular file; undefined for anything else, or anything over the text limit. */
  private currentKey(path: string, settings: string): string | undefined {
    const opened = openRegularFile(path);
    if ('problem' in opened) return undefined;
    try {
      if (opened.size > MAX_TEXT_BYTES) return undefined;
      const hash = new ContentHash();
      const chunk = Buffer.allocUnsafe(1 << 16);
      // (A file that grows past the limit meanwhile has no digest.)
      for (let n: number; !hash.overLimit && (n = readSync(opened.fd, chunk, 0, chunk.length, null)) > 0; ) hash.add(chunk.subarray(0, n));
      const digest = hash.digest();
      return digest === undefined ? undefined : this.keyOf(settings, digest);
    } catch {
      return undefined;
    } finally {
      closeSync(opened.fd);
    }
  }

  /** A file's results, kept when its content and settings were what they are now; nothing is read for a file never kept. */
  get(path: string, settings: string): LintResult[] | undefined {
    const entry = this.entries.get(resolve(path));
    return entry && entry.key === this.currentKey(path, settings) ? entry.results : undefined;
  }

  /** A file's results, under the hash of the very bytes that were linted (a file edited since is not the one they belong to). */
  set(path: string, results: LintResult[], linted: ContentHash, settings: string): void {
    const digest = linted.digest();
    if (digest === undefined) return;
    const key = this.keyOf(settings, digest);
    this.entries.set(resolve(path), { key, results });
    this.changed = true;
  }

  /** Write the cache (whole or not at all); a problem is returned as a notice: a cache not saved costs only time. */
  save(): Notice | undefined {
    if (!this.changed || !this.writable) return undefined;
    try {
      const report = beginReport(this.file, 'the cache');
      try {
        // An entry at a time: the cache of a large run would not fit in one string.
        let first = true;
        for (const [path, entry] of this.entries) {
          report.write(`${first ? '{' : ','}${JSON.stringify(path)}:${JSON.stringify(entry)}`);
          first = false;
        }
        report.write(first ? '{}' : '}');
      } catch (err) {
        report.abort();
        throw err;
      }
      report.commit();
    } catch (err) {
      return { source: this.file, message: `${(err as Error).message}; the next run lints every file again` };
    }
    return undefined;
  }
}
