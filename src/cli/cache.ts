// --cache: results kept per file, keyed on the file's content, the resolved config,
// the rule files and replylint's version (not on mtime: CI checks out fresh files).
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUILTIN_RULES_DIR, type ResolvedConfig } from '../config/load-config.js';
import type { LintResult } from '../types.js';

export const CACHE_FILE = '.replylintcache';

interface Entry {
  key: string;
  results: LintResult[];
}

// node:crypto costs over a millisecond to load; only --cache needs it.
const sha = (data: string | Buffer) => (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(data).digest('hex');

/** What every cached result depends on besides its file. */
export function settingsKey(config: ResolvedConfig, version: string, extra: object): string {
  const ruleTexts = [BUILTIN_RULES_DIR, ...config.rulePaths].flatMap((dir) =>
    existsSync(dir) ? readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => `${n}\n${readFileSync(join(dir, n), 'utf8')}`) : [],
  );
  return sha(JSON.stringify({ version, config, extra, rules: sha(ruleTexts.join('\n')) }));
}

export class ResultCache {
  private entries: Record<string, Entry> = {};
  private changed = false;

  constructor(
    private readonly file: string,
    private readonly settings: string,
  ) {
    try {
      if (existsSync(file)) this.entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Entry>;
    } catch {
      this.entries = {}; // a broken cache is no cache
    }
  }

  private key(path: string): string | undefined {
    try {
      return sha(this.settings + sha(readFileSync(path)));
    } catch {
      return undefined;
    }
  }

  get(path: string): LintResult[] | undefined {
    const entry = this.entries[resolve(path)];
    return entry && entry.key === this.key(path) ? entry.results : undefined;
  }

  set(path: string, results: LintResult[]): void {
    const key = this.key(path);
    if (!key) return;
    this.entries[resolve(path)] = { key, results };
    this.changed = true;
  }

  save(): void {
    if (this.changed) writeFileSync(this.file, JSON.stringify(this.entries));
  }
}
