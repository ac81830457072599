// The shape of a replylint config file (.replylintrc*, replylint.config.*, package.json#replylint).
import { LEVELS } from '../types.js';
import { NICKNAME_TABLE_SCHEMA } from '../language/nicknames.js';
import type { Schema } from './validate.js';

// ESLint's habits are understood too: "warn" for "warning", and 0, 1, 2 for off, warning
// and error (config/load-config.ts: levelOf).
const LEVEL: Schema = {
  type: 'any-of',
  describe: 'a level: "error", "warning", "suggestion" or "off" (or ESLint\'s "warn", 0, 1, 2)',
  options: [
    { type: 'enum', values: [...LEVELS, 'warn'] },
    { type: 'number', min: 0, max: 2, integer: true },
  ],
};

export const RULE_SETTING: Schema = {
  type: 'any-of',
  describe: 'a level ("error", "warning", "suggestion", "off"; or ESLint\'s "warn", 0, 1, 2), [level, {options}], or {level, weight, options}',
  options: [
    LEVEL,
    {
      type: 'list',
      of: {
        type: 'any-of',
        describe: 'a level or an options mapping',
        options: [
          LEVEL,
          {
            type: 'map',
            values: {
              type: 'any-of',
              describe: 'an option value',
              options: [
                { type: 'string' },
                { type: 'number' },
                { type: 'boolean' },
                { type: 'list', of: { type: 'string' } },
                { type: 'map', values: { type: 'list', of: { type: 'string' } } },
              ],
            },
          },
        ],
      },
    },
    {
      type: 'object',
      fields: {
        level: LEVEL,
        weight: { type: 'number', min: 0, max: 100 },
        options: {
          type: 'map',
          values: { type: 'any-of', describe: 'an option value', options: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
        },
      },
    },
  ],
};

const STRINGS: Schema = { type: 'list', of: { type: 'string' } };

// Lists a person writes into a config are short. Longer ones cost their weight at every
// start (each glob and each jargon term compiles to a matcher: 1.5 million globs took over
// 4 GB), so each list holds at most this many entries.
const MAX_ENTRIES = 10_000;
const JARGON_HINT = 'list the terms your customers stumble on, not a dictionary';
const GLOBS: Schema = { ...STRINGS, max: MAX_ENTRIES, maxHint: 'use fewer, broader globs, such as "canned/**/*.txt"' };

export const CONFIG_SCHEMA: Schema = {
  type: 'object',
  fields: {
    root: { type: 'boolean' },
    extends: { type: 'any-of', describe: 'a preset name or config path, or a list of them', options: [{ type: 'string' }, STRINGS] },
    rules: { type: 'map', values: RULE_SETTING },
    rulePaths: { ...STRINGS, max: MAX_ENTRIES, maxHint: 'keep the rules in a few folders' },
    vocabulary: {
      type: 'object',
      fields: {
        jargon: {
          type: 'any-of',
          describe: 'a list of terms (or {term, replace}), or a mapping term: replacement',
          options: [
            {
              type: 'list',
              of: {
                type: 'any-of',
                describe: 'a term or {term, replace}',
                options: [{ type: 'string' }, { type: 'object', fields: { term: { type: 'string', required: true }, replace: { type: 'string' } } }],
              },
              max: MAX_ENTRIES,
              maxHint: JARGON_HINT,
            },
            { type: 'map', values: { type: 'string' }, max: MAX_ENTRIES, maxHint: JARGON_HINT },
          ],
        },
        allow: { ...STRINGS, max: MAX_ENTRIES, maxHint: 'a word list that long belongs in a Hunspell dictionary: point "vocabulary.dictionaries" at it' },
        dictionaries: { type: 'map', keys: ['en', 'cs', 'sk'], values: { type: 'string' } },
        // Word classes phrases name as {class}: a built-in class extended, or one of the team's.
        classes: {
          type: 'map',
          values: {
            type: 'map',
            keys: ['en', 'cs', 'sk', 'any'],
            values: { ...STRINGS, max: MAX_ENTRIES, maxHint: 'a class lists words and stems, not a dictionary' },
          },
        },
        // Nicknames beside the built-in ones (rules/names/nicknames.yaml): { Radomír: [Radek, Ráďa] }.
        nicknames: NICKNAME_TABLE_SCHEMA,
      },
    },
    // The company's own names, web domains and phone numbers: never jargon (no-jargon),
    // never personal data (privacy), never a third party (no-deflection).
    brand: {
      type: 'object',
      fields: {
        names: {
          type: 'list',
          of: { type: 'string', pattern: /\S/, patternHint: 'a name with at least one letter, e.g. "Acme" or "ACME Mobile"' },
          max: 1000,
          maxHint: "list your company's and products' names only",
        },
        domains: {
          type: 'list',
          of: { type: 'string', pattern: /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i, patternHint: 'a domain without "https://" or a path, e.g. "acme.com"' },
          max: 1000,
          maxHint: 'list your own domains only',
        },
        phones: {
          type: 'list',
          of: { type: 'string', pattern: /^\+?[\d ()./-]{6,30}$/, patternHint: 'a phone number of digits, spaces and + ( ) - / ., e.g. "+420 800 123 456"' },
          max: 1000,
          maxHint: 'list your own hotlines only',
        },
      },
    },
    templates: GLOBS,
    // Files and folders not to lint, in .gitignore's syntax, relative to the config's folder.
    ignores: GLOBS,
    // Files that hold replies of one channel: { chat: ["chat/**"], social: ["tweets/**"] }.
    channels: { type: 'map', keys: ['email', 'chat', 'social'], values: GLOBS },
    locale: { type: 'enum', values: ['en', 'cs', 'sk', 'auto'] },
    language: { type: 'enum', values: ['en', 'cs', 'sk'] },
    channel: { type: 'enum', values: ['email', 'chat', 'social'] },
  },
};
