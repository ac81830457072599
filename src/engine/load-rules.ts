// Rule files (one YAML file per rule, named by its id) validated and compiled.
import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { ConfigError } from '../config/errors.js';
import { didYouMean, RESERVED_IDS, validate, type Schema } from '../config/validate.js';
import { bundledExamples, bundledSource } from '../config/builtin-bundle.js';
import { parseYaml, readConfigText, type Path, type YamlSource } from '../config/yaml-source.js';
import { whyUnreadable } from '../files/regular-file.js';
import { CHANNELS, LANGUAGES, LEVELS, type Channel, type Language, type Level } from '../types.js';
import { KINDS } from './kinds/index.js';
import { compilePhraseLists, type Locate } from './phrase-list.js';
import type { WordClasses } from './word-classes.js';
import { NO_BRAND, SKIP_CONDITIONS, type Brand, type Check, type CheckInput, type Rule, type RuleExample, type RuleKind, type Vocabulary } from './rule.js';

// A message is one string (English), or one per language: { en: …, cs: …, sk: … }.
const MESSAGES: Schema = {
  type: 'map',
  values: {
    type: 'any-of',
    describe: 'a string, or a mapping of en/cs/sk to strings',
    options: [{ type: 'string' }, { type: 'map', keys: LANGUAGES, values: { type: 'string' } }],
  },
};

type RawMessages = Record<string, string | Partial<Record<Language, string>>>;

function localized(raw: RawMessages | undefined): Rule['messages'] {
  return Object.fromEntries(Object.entries(raw ?? {}).map(([key, value]) => [key, typeof value === 'string' ? { en: value } : value]));
}

const EXAMPLE: Schema = {
  type: 'object',
  fields: {
    lang: { type: 'enum', values: LANGUAGES, required: true },
    text: { type: 'string', required: true },
    expect: { type: 'enum', values: ['pass', 'fail'], required: true },
    // What a failing example must report, as ESLint's RuleTester checks it: the message
    // key, the text matched, the reply once fixed.
    message: { type: 'string' },
    match: { type: 'string' },
    output: { type: 'string' },
    context: {
      type: 'object',
      fields: {
        channel: { type: 'enum', values: ['email', 'chat', 'social'] },
        customerName: { type: 'string' },
        agentName: { type: 'string' },
        customerMessage: { type: 'string' },
        firstReply: { type: 'boolean' },
        template: { type: 'boolean' },
      },
    },
  },
};

const COMMON_FIELDS: Record<string, Schema & { required?: boolean }> = {
  description: { type: 'string', required: true },
  kind: { type: 'enum', values: Object.keys(KINDS), required: true },
  level: { type: 'enum', values: LEVELS, required: true },
  weight: { type: 'number', min: 0, max: 100 },
  languages: { type: 'list', of: { type: 'enum', values: LANGUAGES } },
  skip: { type: 'list', of: { type: 'enum', values: SKIP_CONDITIONS } },
  channels: { type: 'list', of: { type: 'enum', values: CHANNELS } },
  messages: { ...MESSAGES, required: true },
  hints: MESSAGES,
  // What a hint's {example} shows, per message: in the reply's language, whatever the
  // language of the message (a Czech reply is shown "Dobrý den, Tomáši,", never "Hi Tomáši,").
  hintExamples: MESSAGES,
  examples: { type: 'list', of: EXAMPLE },
};

export const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export interface RuleSettings {
  level?: Level;
  weight?: number;
  options?: Record<string, unknown>;
  /** Per option, the config file (and place) it came from: its checks name that place. */
  optionSources?: Record<string, YamlSource>;
  /** Where the setting was last written (a config file's line, or --rule): an unknown id is named there. */
  where?: { file: string; line?: number; column?: number };
}

/**
 * Compile one rule file. `builtin`: one of replylint's own rules, whose patterns run on
 * V8 (checked at build); the build passes it for the files it is still validating.
 */
export function compileRule(
  source: YamlSource,
  id: string,
  vocabulary: Vocabulary,
  settings: RuleSettings = {},
  builtin = source.trusted ?? false,
  classes: WordClasses = new Map(),
  brand: Brand = NO_BRAND,
): Rule {
  const { file } = source;
  if (!RULE_ID.test(id))
    throw new ConfigError(`rule file name "${id}" is not a valid rule id`, { file }, 'name it in lower-case words joined by hyphens, e.g. "no-jargon.yaml"');
  if (typeof source.value !== 'object' || source.value === null || Array.isArray(source.value)) {
    throw new ConfigError('a rule file must be a mapping of keys such as "kind", "level" and "messages"', { file, line: 1, column: 1 });
  }
  const raw = source.value as Record<string, unknown>;
  const kind = KINDS[raw.kind as string];
  if (!kind) validate(source, COMMON_FIELDS.kind, ['kind']);
  // Built-in rules were validated when replylint was built (scripts/bundle-rules.mjs).
  if (!source.trusted) validate(source, { type: 'object', fields: { ...COMMON_FIELDS, ...(kind?.fields ?? {}) } });
  const messages = localized(raw.messages as RawMessages);
  const options = settings.options ?? {};
  checkOptions(kind, id, settings);
  const spec = { ...raw, ...options };
  // The keys this rule reports: the kind's own, and those that go with a field it sets.
  const withFields = Object.entries(kind.messagesWith ?? {});
  const required = [...kind.messages, ...withFields.filter(([, field]) => spec[field] !== undefined).map(([key]) => key)];
  for (const key of required) {
    if (!messages[key]?.en)
      throw new ConfigError(
        `"messages" is missing "${key}"`,
        source.locate(['messages']),
        `a ${kind.name} rule ${required.length > kind.messages.length ? 'with these fields ' : ''}reports: ${required.join(', ')}; each needs at least its English text`,
      );
  }
  // A built-in rule's own phrases and regexes run on V8 (checked at build); a list that a
  // config's options put in the spec is the config's, and runs on RE2 (phrases/phrase.ts).
  const trusted = (path: Path) => builtin && !Object.hasOwn(options, String(path[0]));
  // A value the config set is placed in the config (a bad phrase there names its line).
  const locate: Locate = (path) => settings.optionSources?.[String(path[0])]?.locate(path) ?? source.locate(path);
  const tools = { spec, locate, vocabulary, brand, trusted, classes, rule: id };
  const phraseLists = (path: Path) => compilePhraseLists(valueAt(spec, path) as never, path, tools);
  const compiled = kind.compile({ ...tools, phraseLists });
  // A kind that reports a key it does not declare is a bug of ours: the reader would see
  // the bare key. Caught here, where every test of every kind passes.
  const declared = new Set([...kind.messages, ...Object.keys(kind.messagesWith ?? {})]);
  const check: Check = Object.assign(
    (input: CheckInput) => {
      const findings = compiled(input);
      for (const f of findings)
        if (!declared.has(f.message)) throw new Error(`rule kind "${kind.name}" reported the message key "${f.message}", which it does not declare`);
      return findings;
    },
    compiled.prepare ? { prepare: compiled.prepare } : {},
  );
  const rule: Omit<Rule, 'examples'> = {
    id,
    file,
    description: raw.description as string,
    kind: kind.name,
    level: settings.level ?? (raw.level as Level),
    weight: settings.weight ?? (raw.weight as number | undefined),
    languages: (raw.languages as Language[] | undefined) ?? [...LANGUAGES],
    skip: (raw.skip as Rule['skip'] | undefined) ?? [],
    channels: (raw.channels as Channel[] | undefined) ?? [...CHANNELS],
    messages,
    hints: localized(raw.hints as RawMessages | undefined),
    hintExamples: localized(raw.hintExamples as RawMessages | undefined),
    fixable: kind.fixable(spec),
    check,
  };
  // A bundled file's examples are kept apart, read only by whoever asks (tests, docs): a
  // getter added to the object, which V8 keeps fast (in a literal it would make the rule a
  // dictionary, read on every reply).
  Object.defineProperty(rule, 'examples', {
    enumerable: true,
    get: () => ((raw.examples ?? (source.bundled ? bundledExamples(file) : undefined)) as RuleExample[] | undefined) ?? [],
  });
  return rule as Rule;
}

/** The value at a path of a rule's spec (undefined where a key is missing). */
function valueAt(spec: Record<string, unknown>, path: Path): unknown {
  let value: unknown = spec;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

/**
 * A config's options for a rule, checked against the rule's kind where the config says
 * them: an unknown or misspelt option, or a value of the wrong type, would otherwise be
 * taken silently (and could turn the check off).
 */
function checkOptions(kind: RuleKind, id: string, settings: RuleSettings): void {
  const fields = Object.keys(kind.fields);
  for (const [key, source] of Object.entries(settings.optionSources ?? {})) {
    const schema = kind.fields[key];
    if (!schema)
      throw new ConfigError(
        `rule "${id}" has no option "${key}"`,
        source.locate([key]),
        `${didYouMean(key, fields)}a ${kind.name} rule takes: ${fields.join(', ')}`,
      );
    validate(source, schema, [key]);
  }
}

export interface RuleFile {
  id: string;
  source: YamlSource;
}

/**
 * Read every *.yaml / *.yml rule file in a folder (not its presets/ subfolder). Each must
 * be a regular file of a reasonable size: a link loop, a link to nothing, a folder or a
 * FIFO named like a rule is a configuration error, named with its path, never a crash or
 * a hang; and no rule may take an id that a plain object already has as a key.
 */
export function readRuleFolder(dir: string): RuleFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    throw new ConfigError(
      `rule folder "${dir}" ${whyUnreadable(dir, err).replace(/^no such file/, 'does not exist')}`,
      undefined,
      'check the path in "rulePaths"',
    );
  }
  return names
    .filter((n) => ['.yaml', '.yml'].includes(extname(n)))
    .sort()
    .map((n) => {
      const file = join(dir, n);
      const id = basename(n, extname(n));
      if (RESERVED_IDS.has(id))
        throw new ConfigError(
          `"${id}" cannot be a rule id`,
          { file },
          'rename the rule file: rule ids are lower-case words joined by hyphens, such as "no-jargon"',
        );
      const bundled = bundledSource(file);
      if (bundled) return { id, source: bundled };
      const read = readConfigText(file);
      if ('problem' in read)
        throw new ConfigError(
          `cannot read this rule file: it ${read.problem}`,
          { file },
          'a rule is a YAML file in the rule folder; fix or remove what stands at this name',
        );
      return { id, source: parseYaml(read.text, file) };
    });
}
