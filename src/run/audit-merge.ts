// `replylint audit merge` (issue 16): the figures files of an audit's shards merged into
// the figures one run over everything gives, and rendered as any audit report. Shards
// merge only when they were audited alike (one replylint version, one config hash: config,
// rule files and flags), as shards of one count, of the same inputs, each once; missing
// shards are named. Figures of audits of separate inputs (each without --shard: the
// partitions of a Spark job, a day's export each) merge too, an input never twice.
import { mergeFiltered, noneFiltered, type FilteredOut } from '../audit/filtered.js';
import { FiguresBuilder, type AuditFigures } from '../audit/figures.js';
import { ConfigError } from '../config/errors.js';
import { readRegularFile } from '../files/regular-file.js';
import { numberRuns } from '../lists.js';
import type { Locale } from '../types.js';
import type { FiguresSettings } from './audit-config-hash.js';
import { writeWholeReport } from './audit-report.js';
import { FIGURES_KIND, FIGURES_VERSION, FiguresProblem, figuresDocument, readFiguresDocument, type FiguresFile, type FiguresInput } from './figures-file.js';
import { beginReport } from './safe-write.js';

export const MERGE_FORMATS = ['stylish', 'json', 'csv', 'html', 'figures'] as const;

export interface MergeOptions {
  format: (typeof MERGE_FORMATS)[number];
  output?: string;
  /** The reports' words; default: the --locale the shards were audited under. */
  locale?: Locale;
  color?: boolean;
  /** Render the shards there are, marked incomplete, instead of refusing. */
  allowMissing?: boolean;
  /** Where the report goes when there is no `output` (default: standard output). */
  write?: (chunk: string | Uint8Array) => void;
}

export interface MergeResult {
  figures: AuditFigures;
  filtered: FilteredOut;
  settings: FiguresSettings;
}

/** A figures file holds tallies and ten replies; this bounds what naming the wrong file costs. */
const MAX_FIGURES_BYTES = 256 * 1024 * 1024;
const WRITE_ONE = "write each shard's with replylint audit --shard i/n --format figures -o shard-i.json …";

type Named = { file: string; doc: FiguresFile };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One figures file, read safely (a regular file, bounded) and checked down to its counts. */
function readFiguresFile(file: string): FiguresFile {
  const read = readRegularFile(file, MAX_FIGURES_BYTES, 'a figures file');
  if ('problem' in read) throw new ConfigError(read.problem, { file }, `name the figures files the shards wrote; ${WRITE_ONE}`);
  let value: unknown;
  try {
    value = JSON.parse(read.bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ConfigError(`is not a figures file: not JSON (${(err as Error).message})`, { file }, WRITE_ONE);
  }
  if (!isObject(value) || value.kind !== FIGURES_KIND)
    throw new ConfigError(
      `is not a figures file: JSON without "kind": "${FIGURES_KIND}" (an audit's JSON report holds no mergeable figures)`,
      { file },
      WRITE_ONE,
    );
  if (value.version !== FIGURES_VERSION)
    throw new ConfigError(
      `is a figures file of version ${JSON.stringify(value.version)}; this replylint reads version ${FIGURES_VERSION}`,
      { file },
      'merge it with the replylint that wrote it, or audit that shard again with this one',
    );
  try {
    return readFiguresDocument(value);
  } catch (err) {
    if (err instanceof FiguresProblem) throw new ConfigError(`is a damaged figures file: ${err.message}`, { file }, 'audit that shard again');
    throw err;
  }
}

/** Files named in a message, at most a few. */
function fileList(files: readonly string[]): string {
  const shown = files.slice(0, 3).join(', ');
  return files.length > 3 ? `${shown} and ${files.length - 3} more` : shown;
}

/** The files grouped by what `key` says of them, when it says more than one thing: "A (a.json, b.json); B (c.json)". */
function groupsBy(named: readonly Named[], key: (doc: FiguresFile) => string): string | undefined {
  const groups = new Map<string, string[]>();
  for (const { file, doc } of named) groups.set(key(doc), [...(groups.get(key(doc)) ?? []), file]);
  if (groups.size < 2) return undefined;
  return [...groups].map(([value, files]) => `${value} (${fileList(files)})`).join('; ');
}

const SETTING_FLAGS: Record<keyof FiguresSettings, string> = {
  from: '--from',
  csvColumns: '--csv-columns',
  csvDelimiter: '--csv-delimiter',
  csvRoles: '--csv-roles',
  since: '--since',
  until: '--until',
  agents: '--agent',
  lang: '--lang',
  locale: '--locale',
  redact: '--redact',
};

const inputText = (inputs: readonly FiguresInput[]) =>
  inputs.map((i) => `${i.name}${i.bytes === null ? '' : ` ${i.bytes.toLocaleString('en')} bytes`}`).join(', ') || 'no input';

/** Refuses figures that were not audited alike: another replylint, config, rule files or flags. */
function checkAlike(named: readonly Named[]): void {
  const versions = groupsBy(named, (d) => `replylint ${d.replylint}`);
  if (versions) throw new ConfigError(`the figures were made by different replylint versions: ${versions}`, undefined, 'audit every shard with one version');
  const hashes = groupsBy(named, (d) => `config hash ${d.configHash.slice(0, 12)}`);
  if (hashes) {
    const flags = (Object.keys(SETTING_FLAGS) as (keyof FiguresSettings)[]).filter((k) => groupsBy(named, (d) => JSON.stringify(d.settings[k] ?? null)));
    const what = flags.length
      ? flags.map((k) => `${SETTING_FLAGS[k]}: ${groupsBy(named, (d) => JSON.stringify(d.settings[k] ?? null).replace(/^null$/, 'not given'))}`).join('; ')
      : `the config or its rule files differ: ${hashes}`;
    throw new ConfigError(
      `the figures were audited with different settings, so they do not add up to one audit: ${what}`,
      undefined,
      'audit every shard with the same config, rule files and flags',
    );
  }
  const kinds = groupsBy(named, (d) => (d.shards ? 'shards (--shard)' : 'whole audits (no --shard)'));
  if (kinds)
    throw new ConfigError(
      `the files mix shards and whole audits: ${kinds}`,
      undefined,
      'merge the shards of one audit, or whole audits of separate inputs, not both',
    );
}

/** The shards' count, and those missing; refuses shards of other counts or inputs, and a shard named twice. */
function checkShards(named: readonly Named[], allowMissing: boolean): { count: number; covered: number[]; missing: number[] } {
  const counts = groupsBy(named, (d) => `of ${d.shards!.count}`);
  if (counts) throw new ConfigError(`the files are shards of different counts: ${counts}`, undefined, 'merge the shards of one audit (one n in --shard i/n)');
  const inputs = groupsBy(named, (d) => inputText(d.inputs));
  if (inputs)
    throw new ConfigError(
      `the shards read different inputs: ${inputs}`,
      undefined,
      'give every shard the same files, named in the same order, as they were when the first shard ran',
    );
  const count = named[0].doc.shards!.count;
  const holder = new Map<number, string>();
  for (const { file, doc } of named)
    for (const shard of doc.shards!.covered) {
      const other = holder.get(shard);
      if (other !== undefined)
        throw new ConfigError(
          other === file ? `${file} is named twice` : `shard ${shard} of ${count} is in both ${other} and ${file}`,
          undefined,
          "name each shard's figures once; its replies would count twice",
        );
      holder.set(shard, file);
    }
  const covered = [...holder.keys()].sort((a, b) => a - b);
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !holder.has(i));
  if (missing.length && !allowMissing) {
    const some = missing.length === 1 ? `shard ${missing[0]} of ${count} is` : `shards ${numberRuns(missing)} of ${count} are`;
    throw new ConfigError(
      `${some} missing (the files hold ${covered.length === 1 ? 'shard' : 'shards'} ${numberRuns(covered)})`,
      undefined,
      `audit ${missing.length === 1 ? 'it' : 'them'} (replylint audit --shard ${missing[0]}/${count} --format figures …) and merge again, or add --allow-missing to render the shards there are, marked incomplete`,
    );
  }
  return { count, covered, missing };
}

/** Whole audits merge as parts of one; a file (name and size) audited in two of them would count twice. */
function checkParts(named: readonly Named[]): void {
  const seen = new Map<string, string>();
  for (const { file, doc } of named)
    for (const input of doc.inputs) {
      if (input.bytes === null) continue; // standard input: a Spark partition each, nothing to compare
      const key = `${input.name}\0${input.bytes}`;
      const other = seen.get(key);
      if (other !== undefined && other !== file)
        throw new ConfigError(
          `${other} and ${file} both audited ${input.name} (${input.bytes.toLocaleString('en')} bytes) whole: merged, its replies would count twice`,
          undefined,
          'merge each audit once; to split one export between processes, audit it with --shard i/n',
        );
      seen.set(key, file);
    }
}

export async function runAuditMerge(files: readonly string[], options: MergeOptions): Promise<MergeResult> {
  const named = files.map((file) => ({ file, doc: readFiguresFile(file) }));
  checkAlike(named);
  const sharded = named[0].doc.shards !== null;
  const shards = sharded ? checkShards(named, Boolean(options.allowMissing)) : undefined;
  if (!sharded) checkParts(named);
  // Shards in their order, whatever order they were named in; whole audits as named.
  const lowest = (d: FiguresFile) => d.shards!.covered.reduce((low, n) => Math.min(low, n), Infinity);
  if (sharded) named.sort((a, b) => lowest(a.doc) - lowest(b.doc));

  const builder = new FiguresBuilder();
  const filtered = noneFiltered();
  let skipped = 0;
  for (const { doc } of named) {
    builder.merge(doc.part);
    builder.considerWorst(doc.worst);
    skipped += doc.skipped;
    mergeFiltered(filtered, doc.filtered);
  }
  const figures = builder.build(skipped);
  if (shards?.missing.length) figures.incomplete = { shards: shards.count, missing: shards.missing };
  const first = named[0].doc;

  const report = options.output ? beginReport(options.output) : undefined;
  const write = report?.write ?? options.write ?? ((chunk: string | Uint8Array) => void process.stdout.write(chunk));
  try {
    if (options.format === 'figures') {
      write(
        figuresDocument({
          ...first,
          shards: shards ? { count: shards.count, covered: shards.covered } : null,
          inputs: sharded ? first.inputs : named.flatMap(({ doc }) => doc.inputs),
          skipped,
          filtered,
          part: builder.part(),
          worst: builder.worstCandidates(),
        }),
      );
    } else if (options.format === 'json') {
      // The figures hold no replies: "results" is empty; "summary" and "audit" are one run's.
      const { AuditJsonWriter } = await import('../report/audit-json.js');
      new AuditJsonWriter(write).end(figures);
    } else if (options.format === 'csv') {
      // The CSV the figures can give: a row per agent (audit --format csv --per agent).
      write((await import('../report/audit-csv.js')).agentTable(figures));
    } else {
      await writeWholeReport(
        figures,
        { format: options.format, locale: options.locale ?? (first.settings.locale as Locale | undefined), color: options.color, output: options.output },
        write,
      );
    }
    report?.commit();
  } catch (err) {
    report?.abort();
    throw err;
  }
  return { figures, filtered, settings: first.settings };
}
