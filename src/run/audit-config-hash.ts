// What an audit's figures depend on besides the input (issue 16): shards merge only when
// they were audited alike. The hash covers replylint's version, the resolved config, the
// rule files' content (as the lint cache's key does: result-cache.ts) and the settings
// that decide which replies count and how they read (filters, --lang, --locale, --redact,
// how the export is read). It must be the same on every machine of a fleet, so the
// config's own paths (its file, its folder, rule folders and dictionaries under it) are
// left out or made relative: a checkout in /home/runner/work and one in /builds agree.
import { relative } from 'node:path';
import type { ResolvedConfig } from '../config/load-config.js';
import { ruleFilesDigest, sha } from './result-cache.js';

/** The audit's settings a figures file records in the clear and the hash covers. */
export interface FiguresSettings {
  from: string;
  csvColumns?: string;
  csvDelimiter?: string;
  csvRoles?: string;
  since?: string;
  until?: string;
  /** --agent, folded as it matches (filtered.ts: agentKey) and sorted: "Jana" and "jana" filter alike. */
  agents: string[];
  lang?: string;
  locale?: string;
  redact: boolean;
}

/** The config with its machine's paths left out or made relative to its folder. */
function portableConfig(config: ResolvedConfig): object {
  const { file: _file, files: _files, baseDir, rulePaths, vocabulary, ...rest } = config;
  const here = (path: string) => relative(baseDir, path).split('\\').join('/');
  const dictionaries = vocabulary.dictionaries
    ? Object.fromEntries(Object.entries(vocabulary.dictionaries).map(([language, path]) => [language, path === undefined ? path : here(path)]))
    : undefined;
  return { ...rest, rulePaths: rulePaths.map(here), vocabulary: { ...vocabulary, dictionaries } };
}

/** The SHA-256 (hex) that two shards must share to be merged. */
export function auditConfigHash(config: ResolvedConfig, version: string, settings: FiguresSettings): string {
  return sha(JSON.stringify({ version, config: portableConfig(config), settings, rules: ruleFilesDigest(config) }));
}
