// A small structural validator that reports the first problem with its YAML position
// and a hint. Schemas are plain objects (see config/schema.ts, and each rule kind's fields).
// The library API checks its arguments with the same schemas (api/arguments.ts).
import { ConfigError } from './errors.js';
import type { Path, YamlSource } from './yaml-source.js';

export type Schema =
  | { type: 'string'; pattern?: RegExp; patternHint?: string }
  | { type: 'number'; min?: number; max?: number; integer?: boolean }
  | { type: 'boolean' }
  | { type: 'enum'; values: readonly string[] }
  /** `accepts`: a value that is no array but stands for a list (a view the reader made). */
  | { type: 'list'; of: Schema; max?: number; maxHint?: string; accepts?: (value: unknown) => boolean }
  | { type: 'map'; keys?: readonly string[]; values: Schema; max?: number; maxHint?: string }
  | { type: 'object'; fields: Record<string, Schema & { required?: boolean }> }
  | { type: 'any-of'; options: readonly Schema[]; describe: string }
  /** A value only code can make (a Linter, a resolved config): the library API's arguments. */
  | { type: 'made-by'; test: (value: unknown) => boolean; describe: string };

/**
 * Names that a plain object has already, or whose assignment changes its prototype: as
 * a rule id they would reach Object.prototype wherever ids key a table, so none is an id.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function typeName(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

export function didYouMean(word: string, options: readonly string[]): string {
  const best = [...options].sort((a, b) => distance(word, a) - distance(word, b))[0];
  // A short word must keep a letter: "cz" is a slip for "cs", "de" is no slip for "en".
  const near = Math.min(Math.max(2, Math.floor(word.length / 3)), word.length - 1);
  if (best && distance(word, best) <= near) return `did you mean "${best}"? `;
  // An abbreviation is far in letters but plain to read: "lang" for "language".
  const longer = word.length >= 3 ? options.find((o) => o.startsWith(word)) : undefined;
  return longer ? `did you mean "${longer}"? ` : '';
}

function describe(schema: Schema): string {
  switch (schema.type) {
    case 'enum':
      return `one of ${schema.values.map((v) => `"${v}"`).join(', ')}`;
    case 'list':
      return 'a list';
    case 'map':
    case 'object':
      return 'a mapping';
    case 'any-of':
    case 'made-by':
      return schema.describe;
    default:
      return `a ${schema.type}`;
  }
}

/**
 * Calls `fail` with the first problem of `value` against `schema`. `yamlHint` is advice
 * for whoever writes YAML ("quote the value"), beside the `hint` that holds for anyone.
 */
export type Fail = (path: Path, message: string, hint?: string, yamlHint?: string) => never;

export { check as checkValue };

/** A list or mapping longer than its schema's `max`: refused before any entry is looked at. */
function tooMany(length: number, schema: { max?: number; maxHint?: string }, label: string, path: Path, fail: Fail): void {
  if (schema.max !== undefined && length > schema.max)
    fail(path, `${label} has ${length.toLocaleString('en')} entries; it may have ${schema.max.toLocaleString('en')} at most`, schema.maxHint);
}

/** Whether a value is of the JavaScript type a schema takes (a string for an enum, …): whose error to report. */
function sameShape(schema: Schema, value: unknown): boolean {
  switch (schema.type) {
    case 'object':
    case 'map':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'list':
      return Array.isArray(value);
    case 'string':
    case 'enum':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'any-of':
      return schema.options.some((o) => sameShape(o, value));
    default:
      return false;
  }
}

function check(value: unknown, schema: Schema, path: (string | number)[], fail: Fail): void {
  const label = path.length ? `"${path.join('.')}"` : 'the file';
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') fail(path, `${label} must be a string, not ${typeName(value)}`, undefined, 'quote the value');
      if (schema.pattern && !schema.pattern.test(value as string)) fail(path, `${label} is not valid: "${value}"`, schema.patternHint);
      return;
    case 'number':
      if (typeof value !== 'number' || Number.isNaN(value)) fail(path, `${label} must be a number, not ${typeName(value)}`);
      if ((schema.min !== undefined && (value as number) < schema.min) || (schema.max !== undefined && (value as number) > schema.max))
        fail(path, `${label} must be between ${schema.min ?? '-∞'} and ${schema.max ?? '∞'}`);
      if (schema.integer && !Number.isInteger(value)) fail(path, `${label} must be a whole number, not ${value}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail(path, `${label} must be true or false, not ${typeName(value)}`);
      return;
    case 'enum':
      if (typeof value !== 'string' || !schema.values.includes(value))
        fail(
          path,
          `${label} must be ${describe(schema)}, not ${JSON.stringify(value)}`,
          typeof value === 'string' ? didYouMean(value, schema.values).trim() || undefined : undefined,
        );
      return;
    case 'list': {
      if (!Array.isArray(value) && schema.accepts?.(value)) return;
      if (!Array.isArray(value)) fail(path, `${label} must be a list, not ${typeName(value)}`, undefined, 'write it as "- item" lines or [a, b]');
      const list = value as unknown[];
      tooMany(list.length, schema, label, path, fail);
      // Items of a simple type are checked in a plain loop, and a path is made only for the
      // one that fails: the library checks a conversation's history at every call.
      const simple = schema.of.type === 'string' || schema.of.type === 'number' || schema.of.type === 'boolean' ? schema.of.type : undefined;
      for (let i = 0; i < list.length; i++) if (!simple || typeof list[i] !== simple) check(list[i], schema.of, [...path, i], fail);
      return;
    }
    case 'map':
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, `${label} must be a mapping, not ${typeName(value)}`);
      const record = value as Record<string, unknown>;
      if (schema.type === 'map') tooMany(Object.keys(record).length, schema, label, path, fail);
      const allowed = schema.type === 'object' ? Object.keys(schema.fields) : schema.keys;
      for (const key of Object.keys(record)) {
        if (allowed && !allowed.includes(key))
          fail([...path, key], `unknown key "${key}"${path.length ? ` in ${label}` : ''}`, `${didYouMean(key, allowed)}allowed keys: ${allowed.join(', ')}`);
        const sub = schema.type === 'object' ? schema.fields[key] : schema.values;
        // An empty key ("rules:" with everything below commented out) counts as absent, as
        // does a key a library caller set to undefined.
        if ((record[key] === null || record[key] === undefined) && schema.type === 'object' && !schema.fields[key].required) continue;
        check(record[key], sub, [...path, key], fail);
      }
      if (schema.type === 'object') {
        for (const [key, sub] of Object.entries(schema.fields)) {
          if (sub.required && !(key in record)) fail(path, `${label} is missing the required key "${key}"`, `add "${key}:" (${describe(sub)})`);
        }
      }
      return;
    }
    case 'made-by':
      if (!schema.test(value)) fail(path, `${label} must be ${schema.describe}, not ${typeName(value)}`);
      return;
    case 'any-of': {
      for (const option of schema.options) {
        try {
          check(value, option, path, (_path, m, h) => {
            throw new ConfigError(m, undefined, h);
          });
          return;
        } catch {
          /* try the next option */
        }
      }
      // Report the error of the option whose shape matches best (same JS type).
      const same = schema.options.find((o) => sameShape(o, value));
      if (same) check(value, same.type === 'any-of' ? (same.options.find((o) => sameShape(o, value)) ?? same) : same, path, fail);
      fail(path, `${label} must be ${schema.describe}, not ${typeName(value)}`);
    }
  }
}

export function validate(source: YamlSource, schema: Schema, path: Path = []): void {
  let value: unknown = source.value;
  for (const key of path) value = (value as Record<string | number, unknown>)?.[key];
  check(value, schema, [...path], (p, message, hint, yamlHint) => {
    if (value === undefined && path.length) throw new ConfigError(`"${path.join('.')}" is missing`, source.locate([]), hint ?? yamlHint);
    throw new ConfigError(message, source.locate(p), hint ?? yamlHint);
  });
}
