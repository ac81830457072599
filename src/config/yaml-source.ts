// YAML parsed with positions, so that a validation error can name its line and column.
import { createRequire } from 'node:module';
import type { Node, Document } from 'yaml';
import { readRegularFile } from '../files/regular-file.js';
import { ConfigError } from './errors.js';

// The parser is loaded on first use: the built-in rules come pre-parsed (builtin-bundle.ts).
type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;
const yaml = (): YamlModule => (yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule);

export type Path = readonly (string | number)[];

export interface YamlSource {
  file: string;
  value: unknown;
  /** Built in and validated when replylint was built. */
  trusted?: boolean;
  /** From the build's bundle, whose values leave the examples out (builtin-bundle.ts). */
  bundled?: boolean;
  /** Where the node at `path` starts (falls back to its nearest ancestor). */
  locate(path: Path): { file: string; line: number; column: number };
}

/**
 * Config and rule files larger than this are not what a person writes: a 1 MB YAML list
 * already takes the parser about a second and 300 MB.
 */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** A config or rule file's text, if it is a regular file within the limit; else the problem in words. */
export function readConfigText(file: string): { text: string } | { problem: string } {
  const read = readRegularFile(file, MAX_CONFIG_BYTES, 'a config or rule file');
  return 'problem' in read ? read : { text: read.bytes.toString('utf8') };
}

export function parseYaml(text: string, file: string): YamlSource {
  const { LineCounter, parseDocument, isMap, isSeq, isScalar } = yaml();
  const lineCounter = new LineCounter();
  // maxAliasCount guards against alias bombs ("billion laughs").
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [error] = doc.errors;
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    throw new ConfigError(
      `invalid YAML: ${error.message.split('\n')[0]}`,
      { file, line: pos.line, column: pos.col },
      'check the indentation and quoting on that line',
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new ConfigError(`invalid YAML: ${(err as Error).message}`, { file }, 'remove the repeated aliases');
  }
  return {
    file,
    value,
    locate(path) {
      let node: unknown = doc.contents;
      let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
          if (!pair) break;
          offset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? offset;
          node = pair.value;
          if (typeof key === 'string' && (node as Node | null)?.range && path[path.length - 1] !== key) offset = (node as Node).range![0];
        } else if (isSeq(node)) {
          node = node.items[key as number];
          if (!node) break;
          offset = (node as Node).range?.[0] ?? offset;
        } else break;
      }
      const pos = lineCounter.linePos(offset);
      return { file, line: pos.line, column: pos.col };
    },
  };
}
