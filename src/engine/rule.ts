// What a rule kind is, and what a compiled rule looks like to the engine.
import type { Path } from '../config/yaml-source.js';
import type { Schema } from '../config/validate.js';
import type { Document } from '../document/document.js';
import type { Channel, Fix, Language, Level, Reply, Severity } from '../types.js';
import type { Locate, PhraseLists } from './phrase-list.js';
import type { WordClasses } from './word-classes.js';

/** Team-specific words from the config (config/schema.ts: vocabulary). */
export interface Vocabulary {
  jargon: { term: string; replace?: string }[];
  allow: string[];
  /** Hunspell dictionaries (path without .aff/.dic) per language, for spelling. */
  dictionaries?: Partial<Record<Language, string>>;
  /** Word classes a team adds or extends: { "third-party": { cs: [dopravce*] } }. */
  classes?: Record<string, Partial<Record<Language | 'any', string[]>>>;
  /** Nicknames a team adds: a given name → its other forms ({ Radomír: [Radek, Ráďa] }), beside rules/names/nicknames.yaml. */
  nicknames?: Record<string, string[]>;
}

/**
 * The company's own names, web domains and phone numbers (config `brand`): never jargon,
 * never personal data, never a third party to send the customer to.
 */
export interface Brand {
  names: string[];
  domains: string[];
  phones: string[];
}

export const NO_BRAND: Brand = Object.freeze({ names: [], domains: [], phones: [] }) as Brand;

export interface CheckInput {
  doc: Document;
  reply: Reply;
  language: Language;
}

/** What a kind reports; the engine turns it into a Violation. */
export interface Finding {
  start: number;
  end: number;
  /** Key into the rule's `messages` (and `hints`). */
  message: string;
  /** Values for {placeholders} in the message and hint. */
  data?: Record<string, string>;
  /** A message written on the phrase entry itself overrides the rule's. */
  messageText?: string;
  severity?: Severity;
  fix?: Fix;
}

/** A rule's check; one that needs to load something first (dictionaries) has `prepare`. */
export type Check = ((input: CheckInput) => Finding[]) & { prepare?: () => Promise<void> };

export interface CompileTools {
  /** The rule file's own values (validated). */
  spec: Record<string, unknown>;
  locate: Locate;
  vocabulary: Vocabulary;
  /** The company's own names, domains and phones (config `brand`). */
  brand: Brand;
  /**
   * Whether the phrase list at a path of the spec is a built-in rule's own (checked at
   * build: it runs on V8 and may compile lazily) rather than a config's (it runs on RE2).
   */
  trusted: (path: Path) => boolean;
  /** The word classes phrases may name as {class}: the built-in ones and the config's. */
  classes: WordClasses;
  /** The rule's id: its built-in phrases are kept per rule and language (builtin-bundle.ts). */
  rule?: string;
  /**
   * The phrase lists at a path of the spec, compiled by the engine: a built-in rule's own
   * precompiled and per language on first use, a config's on RE2 at once (so that a bad
   * phrase stops the run with its place).
   */
  phraseLists(path: Path): PhraseLists;
}

/**
 * A kind's own key in a rule file: its schema, and for the generated docs (docs/kinds.md,
 * scripts/build-docs.mjs) what it does and what holds when it is left out.
 */
export type KindField = Schema & {
  required?: boolean;
  /** What the field does, in a sentence. */
  doc?: string;
  /** What holds when the field is left out, in words ("2", "none: every channel"). */
  default?: string;
};

export interface RuleKind {
  readonly name: string;
  /** What a rule of the kind checks, in a sentence (docs/kinds.md). */
  readonly doc?: string;
  /** The kind's own keys in a rule file, beside the common ones. */
  readonly fields: Record<string, KindField>;
  /** Message keys the rule file must provide. */
  readonly messages: readonly string[];
  /**
   * Message keys the rule file must provide only when it sets a field: key → field
   * (required-when's "forbidden" goes with its "forbid" list).
   */
  readonly messagesWith?: Readonly<Record<string, string>>;
  /** Whether a rule of the kind, with these fields, offers fixes (ESLint's meta.fixable). */
  fixable(spec: Record<string, unknown>): boolean;
  compile(tools: CompileTools): Check;
}

/** When a rule stays silent, whatever its kind (etiquette-rules.md: channels). */
export type SkipCondition = 'chat-followup' | 'template' | 'draft';
export const SKIP_CONDITIONS: readonly SkipCondition[] = ['chat-followup', 'template', 'draft'];

export interface RuleExample {
  lang: Language;
  text: string;
  expect: 'pass' | 'fail';
  /** A failing example's message key, matched text and fixed reply, where stated. */
  message?: string;
  match?: string;
  output?: string;
  context?: Record<string, unknown>;
}

export interface Rule {
  id: string;
  file: string;
  description: string;
  kind: string;
  level: Level;
  weight?: number;
  languages: Language[];
  skip: SkipCondition[];
  /** The channels the rule applies to (all, unless the rule file says otherwise). */
  channels: Channel[];
  /** Per message key, the text in each language it is written in (English always). */
  messages: Record<string, Partial<Record<Language, string>>>;
  hints: Record<string, Partial<Record<Language, string>>>;
  /** What a hint's {example} shows, per message and language: filled in the reply's language. */
  hintExamples: Record<string, Partial<Record<Language, string>>>;
  examples: RuleExample[];
  /** Whether its findings may carry a fix (--fix), as its kind declares for its fields. */
  fixable: boolean;
  check: Check;
}
