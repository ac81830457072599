// The figures file (`audit --format figures`, issue 16): an audit's figures as raw tallies
// that add up (counts, score sums in thousandths, 101-bucket score histograms, per agent,
// rule, day, severity and language), and the worst replies with their place in the input,
// so that `audit merge` of the shards' files gives exactly what one run over everything
// gives: means from sums, percentiles from histograms, the worst from candidates in one
// order. One JSON document on one line (a Spark task's output is read a line at a time).
//
// A file is input when it is merged: anything in it is checked before it is believed, and
// a problem names its place in the document.
import type { FilteredOut } from '../audit/filtered.js';
import type { FiguresPart, InputPlace, RuleTally, TallyData, WorstCandidate } from '../audit/figures.js';
import { safeJson } from '../report/escape.js';
import { contractResult } from '../report/json.js';
import { LANGUAGES, type AuditedReply, type Language, type Severity } from '../types.js';
import type { FiguresSettings } from './audit-config-hash.js';
import { isResult, sha } from './result-cache.js';

export const FIGURES_KIND = 'replylint-audit-figures';
export const FIGURES_VERSION = 1;

/** An input as every shard must have read it: its base name and size (null: standard input, or a file that could not be read). */
export interface FiguresInput {
  name: string;
  bytes: number | null;
}

/** How the figures were made; shards merge only where this agrees. */
export interface FiguresMeta {
  /** replylint's version. */
  replylint: string;
  configHash: string;
  settings: FiguresSettings;
  /** The shards covered (from 1) of how many; null for an audit of its whole input. */
  shards: { count: number; covered: number[] } | null;
  inputs: FiguresInput[];
}

export interface FiguresFile extends FiguresMeta {
  skipped: number;
  /** What the filters left out, to say what the input has when they leave nothing. */
  filtered: FilteredOut;
  part: FiguresPart;
  worst: WorstCandidate[];
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'suggestion'];
const BUCKETS = 101;

/**
 * Under --redact an agent's name stays out of the file: agents are told apart by a digest
 * of the name, salted with the config hash (the same in every shard of one audit, so they
 * still merge per agent). It hides a name from a reader, not from one who can guess the
 * name and has the config.
 */
export const agentPseudonym =
  (configHash: string) =>
  (key: string): string =>
    `agent-${sha(`${configHash}\n${key}`).slice(0, 24)}`;

const tallyOut = (t: TallyData) => ({ replies: t.replies, scoreSumMilli: t.scoreSumMilli, histogram: Array.from(t.histogram) });
const byName = <T>(entries: Iterable<[string, T]>) => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The document, one line; `agentKey` writes an agent's key (default: as it is). */
export function figuresDocument(f: FiguresFile, agentKey: (key: string) => string = (key) => key): string {
  const { part } = f;
  const document = {
    kind: FIGURES_KIND,
    version: FIGURES_VERSION,
    replylint: f.replylint,
    configHash: f.configHash,
    settings: f.settings,
    shards: f.shards,
    inputs: f.inputs,
    skipped: f.skipped,
    filtered: f.filtered,
    figures: {
      replies: tallyOut(part.all),
      bySeverity: part.bySeverity,
      byLanguage: part.byLanguage,
      agents: byName([...part.agents].map(([key, a]) => [agentKey(key), a] as [string, typeof a])).map(([key, a]) => ({
        key,
        label: a.label,
        ...tallyOut(a.tally),
        violations: a.violations,
      })),
      rules: byName(part.rules).map(([rule, r]) => ({ rule, violations: r.violations, replies: r.replies })),
      days: byName(part.days).map(([day, t]) => ({ day, ...tallyOut(t) })),
    },
    // The reply as the JSON report gives it (fixes left out), with the text the HTML report marks up.
    worst: f.worst.map(({ reply, at }) => ({ at, reply: { ...contractResult(reply), text: reply.text } })),
  };
  return `${safeJson(document)}\n`;
}

/** A problem of a figures file's content, at a place in the document ("figures.agents[2].histogram"). */
export class FiguresProblem extends Error {}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

function fail(at: string, what: string): never {
  throw new FiguresProblem(`${at}: ${what}`);
}

function objectAt(v: unknown, at: string): Json {
  return isObject(v) ? v : fail(at, 'expected an object');
}

function listAt(v: unknown, at: string): unknown[] {
  return Array.isArray(v) ? v : fail(at, 'expected a list');
}

function countAt(v: unknown, at: string): number {
  return isCount(v) ? v : fail(at, 'expected a whole number, 0 or more');
}

function stringAt(v: unknown, at: string): string {
  return typeof v === 'string' ? v : fail(at, 'expected a string');
}

function optionalString(v: unknown, at: string): string | undefined {
  return v === undefined || v === null ? undefined : stringAt(v, at);
}

/** A tally whose histogram has 101 buckets adding up to its replies, and a sum a score of 0 to 100 each can make. */
function tallyAt(v: Json, at: string): TallyData {
  const replies = countAt(v.replies, `${at}.replies`);
  const scoreSumMilli = countAt(v.scoreSumMilli, `${at}.scoreSumMilli`);
  const list = listAt(v.histogram, `${at}.histogram`);
  if (list.length !== BUCKETS) fail(`${at}.histogram`, `expected ${BUCKETS} counts (scores 0 to 100), found ${list.length}`);
  const histogram = new Uint32Array(BUCKETS);
  let total = 0;
  list.forEach((n, i) => {
    histogram[i] = countAt(n, `${at}.histogram[${i}]`);
    total += histogram[i];
  });
  if (total !== replies) fail(`${at}.histogram`, `its counts add up to ${total}, not to the ${replies} replies`);
  if (scoreSumMilli > replies * 100_000) fail(`${at}.scoreSumMilli`, `more than ${replies} replies can score`);
  return { replies, scoreSumMilli, histogram };
}

/** Counts by name, in an object without a prototype (as the builder keeps them). */
function countsAt(v: unknown, at: string, names?: readonly string[]): Record<string, number> {
  const out = Object.create(null) as Record<string, number>;
  for (const [name, n] of Object.entries(objectAt(v, at))) {
    if (names && !names.includes(name)) fail(at, `"${name}" is not one of ${names.join(', ')}`);
    out[name] = countAt(n, `${at}.${name}`);
  }
  return out;
}

/** Entries of a list keyed by a field that must not repeat. */
function uniqueAt<T>(list: unknown[], at: string, key: (item: Json, at: string) => string, read: (item: Json, at: string) => T): Map<string, T> {
  const out = new Map<string, T>();
  list.forEach((raw, i) => {
    const item = objectAt(raw, `${at}[${i}]`);
    const k = key(item, `${at}[${i}]`);
    if (out.has(k)) fail(`${at}[${i}]`, `"${k}" is listed twice`);
    out.set(k, read(item, `${at}[${i}]`));
  });
  return out;
}

function settingsAt(v: unknown, at: string): FiguresSettings {
  const s = objectAt(v, at);
  if (typeof s.redact !== 'boolean') fail(`${at}.redact`, 'expected true or false');
  const settings: FiguresSettings = {
    from: stringAt(s.from, `${at}.from`),
    agents: listAt(s.agents, `${at}.agents`).map((a, i) => stringAt(a, `${at}.agents[${i}]`)),
    redact: s.redact,
  };
  for (const field of ['csvColumns', 'csvDelimiter', 'csvRoles', 'since', 'until', 'lang', 'locale'] as const) {
    const value = optionalString(s[field], `${at}.${field}`);
    if (value !== undefined) settings[field] = value;
  }
  return settings;
}

function shardsAt(v: unknown, at: string): FiguresMeta['shards'] {
  if (v === null) return null;
  const s = objectAt(v, at);
  const count = countAt(s.count, `${at}.count`);
  if (count < 1) fail(`${at}.count`, 'expected 1 or more shards');
  const covered = listAt(s.covered, `${at}.covered`).map((n, i) => countAt(n, `${at}.covered[${i}]`));
  if (!covered.length) fail(`${at}.covered`, 'covers no shard');
  for (const [i, n] of covered.entries()) {
    if (n < 1 || n > count) fail(`${at}.covered[${i}]`, `there is no shard ${n} of ${count}`);
    if (covered.indexOf(n) !== i) fail(`${at}.covered[${i}]`, `shard ${n} is listed twice`);
  }
  return { count, covered };
}

function filteredAt(v: unknown, at: string): FilteredOut {
  const f = objectAt(v, at);
  const filtered: FilteredOut = {
    replies: countAt(f.replies, `${at}.replies`),
    agents: listAt(f.agents, `${at}.agents`).map((a, i) => stringAt(a, `${at}.agents[${i}]`)),
  };
  const first = optionalString(f.first, `${at}.first`);
  const last = optionalString(f.last, `${at}.last`);
  if (first !== undefined) filtered.first = first;
  if (last !== undefined) filtered.last = last;
  return filtered;
}

function worstAt(v: unknown, at: string): WorstCandidate {
  const w = objectAt(v, at);
  const place = listAt(w.at, `${at}.at`);
  if (place.length !== 4) fail(`${at}.at`, 'expected 4 whole numbers: input, line, conversation, message');
  const reply = objectAt(w.reply, `${at}.reply`);
  if (!isResult(reply)) fail(`${at}.reply`, 'not a result as the JSON report gives one (source, language, channel, score, violations with their places)');
  stringAt(reply.text, `${at}.reply.text`);
  optionalString(reply.agent, `${at}.reply.agent`);
  optionalString(reply.time, `${at}.reply.time`);
  return { reply: reply as unknown as AuditedReply, at: place.map((n, i) => countAt(n, `${at}.at[${i}]`)) as unknown as InputPlace };
}

/**
 * A parsed figures document (the caller has checked its kind and version), checked down
 * to its counts, as the builder's data; throws a FiguresProblem.
 */
export function readFiguresDocument(value: Json): FiguresFile {
  const figures = objectAt(value.figures, 'figures');
  const all = tallyAt(objectAt(figures.replies, 'figures.replies'), 'figures.replies');
  const agents = uniqueAt(
    listAt(figures.agents, 'figures.agents'),
    'figures.agents',
    (a, at) => stringAt(a.key, `${at}.key`),
    (a, at) => ({ label: stringAt(a.label, `${at}.label`), tally: tallyAt(a, at), violations: countsAt(a.violations, `${at}.violations`) }),
  );
  const agentReplies = [...agents.values()].reduce((n, a) => n + a.tally.replies, 0);
  if (agentReplies !== all.replies) fail('figures.agents', `their replies add up to ${agentReplies}, not to the ${all.replies} replies`);
  const rules = uniqueAt(
    listAt(figures.rules, 'figures.rules'),
    'figures.rules',
    (r, at) => stringAt(r.rule, `${at}.rule`),
    (r, at): RuleTally => ({ violations: countAt(r.violations, `${at}.violations`), replies: countAt(r.replies, `${at}.replies`) }),
  );
  for (const [rule, r] of rules)
    if (r.replies > all.replies || r.replies > r.violations)
      fail('figures.rules', `rule ${rule}: ${r.replies} replies with ${r.violations} violations of ${all.replies}`);
  const days = uniqueAt(
    listAt(figures.days, 'figures.days'),
    'figures.days',
    (d, at) => (isDay(d.day) ? d.day : fail(`${at}.day`, 'expected a date written YYYY-MM-DD')),
    tallyAt,
  );
  const bySeverity = countsAt(figures.bySeverity, 'figures.bySeverity', SEVERITIES) as Record<Severity, number>;
  for (const severity of SEVERITIES) bySeverity[severity] ??= 0;
  const byLanguage = countsAt(figures.byLanguage, 'figures.byLanguage', LANGUAGES) as Partial<Record<Language, number>>;
  return {
    replylint: stringAt(value.replylint, 'replylint'),
    configHash: stringAt(value.configHash, 'configHash'),
    settings: settingsAt(value.settings, 'settings'),
    shards: shardsAt(value.shards, 'shards'),
    inputs: listAt(value.inputs, 'inputs').map((raw, i) => {
      const input = objectAt(raw, `inputs[${i}]`);
      return { name: stringAt(input.name, `inputs[${i}].name`), bytes: input.bytes === null ? null : countAt(input.bytes, `inputs[${i}].bytes`) };
    }),
    skipped: countAt(value.skipped, 'skipped'),
    filtered: filteredAt(value.filtered, 'filtered'),
    part: { all, agents, rules, days, bySeverity, byLanguage },
    worst: listAt(value.worst, 'worst').map((w, i) => worstAt(w, `worst[${i}]`)),
  };
}
