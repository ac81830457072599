#!/usr/bin/env node
// Build step: parse and validate the built-in rules, word classes and presets once, and
// write them as JSON beside the compiled code (see src/config/builtin-bundle.ts for why),
// with every phrase they compile to precompiled.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, dirname, basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { parseYaml } = await import(join(root, 'dist/config/yaml-source.js'));
const { compileRule } = await import(join(root, 'dist/engine/load-rules.js'));
const { CONFIG_SCHEMA } = await import(join(root, 'dist/config/schema.js'));
const { validate } = await import(join(root, 'dist/config/validate.js'));
const phraseModule = await import(join(root, 'dist/phrases/phrase.js'));
const { formatPhraseTable } = await import(join(root, 'dist/phrases/phrase-table.js'));
const { compilePhrase, recordCompiled, usePrecompiledPhrases } = phraseModule;
const { compileEagerly } = await import(join(root, 'dist/engine/phrase-list.js'));
const { expandClasses, readClassFolder } = await import(join(root, 'dist/engine/word-classes.js'));
const { HELPERS } = await import(join(root, 'dist/language/index.js'));
const { LANGUAGE_FILES, LANGUAGE_KEYS, languageFilePath } = await import(join(root, 'dist/language/data.js'));
const { TITLES_SCHEMA } = await import(join(root, 'dist/language/titles.js'));
const { NICKNAMES_FILE, NICKNAMES_BUILT, NICKNAMES_FILE_SCHEMA } = await import(join(root, 'dist/language/nicknames.js'));
const { ConfigError } = await import(join(root, 'dist/config/errors.js'));
const { fold } = await import(join(root, 'dist/text/fold.js'));
const { stampOf } = await import(join(root, 'dist/files/built.js'));

// Every phrase (and raw regex) the built-in rules compile to, recorded as they compile
// with every language's lists compiled at once: at run time a built-in phrase costs one
// RegExp construction. The build's ReDoS check (check-regexes.mjs) reads them all here.
// The literals a phrase's regex waits for are chosen by how rarely they occur in replies,
// from the word frequency lists build-lexicon.mjs derived (run before this script).
const { literalCostFrom } = await import(join(root, 'scripts/literal-cost.mjs'));
let derived = {};
try {
  derived = JSON.parse(readFileSync(join(root, 'dist/lexicon/derived.json'), 'utf8'));
} catch {
  // No frequency lists (an install without devDependencies): the compiler's default.
}
phraseModule.useLiteralCost(literalCostFrom(derived));

const phrases = {};
recordCompiled(phrases);
compileEagerly(true);

const files = {};
const add = (file) => {
  const source = parseYaml(readFileSync(file, 'utf8'), file);
  files[relative(root, file)] = { ...stampOf(file), value: source.value };
  return source;
};
const yamlFiles = (dir) =>
  readdirSync(join(root, dir))
    .filter((n) => n.endsWith('.yaml'))
    .sort();
// The language files (rules/language/*.yaml: valedictions, salutations, titles, the words
// that tell the languages apart, the morphology's function words), checked key by key
// with their positions and bundled with the rule files (src/language/data.ts).
try {
  const words = { type: 'list', of: { type: 'string' }, required: true };
  for (const name of LANGUAGE_FILES) {
    const file = languageFilePath(name);
    const source = add(file);
    const fields = {};
    const grammar = {};
    for (const key of LANGUAGE_KEYS[name]) {
      if (key.startsWith('grammar.')) grammar[key.slice('grammar.'.length)] = words;
      else fields[key] = words;
    }
    if (Object.keys(grammar).length) fields.grammar = { type: 'object', fields: grammar, required: true };
    validate(source, { type: 'object', fields });
  }
  // How each language addresses by a title (src/language/titles.ts): bundled the same way.
  validate(add(languageFilePath('titles')), TITLES_SCHEMA);
} catch (err) {
  console.error(`bundle-rules: ${err.format ? err.format() : err.stack}`);
  process.exit(1);
}

// The nicknames (src/language/nicknames.ts): checked here, stored apart from the rule files,
// since a run reads them only when a greeting's name is not the customer's as written. A
// form listed twice for a name, or one that is the name itself, is a slip worth its place.
let nicknames;
try {
  const source = parseYaml(readFileSync(NICKNAMES_FILE, 'utf8'), NICKNAMES_FILE);
  validate(source, NICKNAMES_FILE_SCHEMA);
  for (const [lang, table] of Object.entries(source.value ?? {})) {
    for (const [name, forms] of Object.entries(table ?? {})) {
      const seen = new Set([fold(name)]);
      for (const [i, form] of forms.entries()) {
        if (seen.has(fold(form)))
          throw new ConfigError(
            `"${form}" is listed twice for ${name} (case and diacritics aside)`,
            source.locate([lang, name, i]),
            'list each form of a name once',
          );
        seen.add(fold(form));
      }
    }
  }
  nicknames = { ...stampOf(NICKNAMES_FILE), value: source.value };
} catch (err) {
  console.error(`bundle-rules: ${err.format ? err.format() : err.stack}`);
  process.exit(1);
}

// The parsed rule files with their ids, compiled again for the check below.
const rules = [];
let classes;
try {
  // Word classes first: the rules' phrases name them. (readClassFolder validates each file.)
  for (const name of yamlFiles('rules/classes')) add(join(root, 'rules', 'classes', name));
  // As the run will see them: bundled, not edited since. (readClassFolder marks a class
  // edited when dist/ has no bundle of it, which on a first build is every class: its
  // phrases then went unrecorded and were parsed at every run.)
  classes = new Map([...readClassFolder(join(root, 'rules', 'classes'))].map(([name, c]) => [name, { ...c, edited: false }]));
  for (const name of yamlFiles('rules')) {
    const source = add(join(root, 'rules', name));
    const id = basename(name, extname(name));
    compileRule(source, id, { jargon: [], allow: [] }, {}, true, classes);
    rules.push([source, id]);
  }
  for (const name of yamlFiles('rules/presets')) validate(add(join(root, 'rules', 'presets', name)), CONFIG_SCHEMA);
} catch (err) {
  console.error(`bundle-rules: ${err.format ? err.format() : err.stack}`);
  process.exit(1);
}
for (const helper of Object.values(HELPERS)) for (const v of helper.valedictions) compilePhrase(v, { trusted: true });
recordCompiled(undefined);
// Every class entry is a phrase: each is compiled once, used by a rule or not yet.
for (const [name, { lists }] of classes) {
  for (const [lang, entries] of Object.entries(lists)) {
    for (const entry of entries ?? []) {
      try {
        compilePhrase(expandClasses(entry, lang, classes).text, { trusted: true });
      } catch (err) {
        console.error(`bundle-rules: rules/classes/${name}.yaml, ${lang}: bad entry "${entry}": ${err.message}`);
        process.exit(1);
      }
    }
  }
}

// A raw regex's literals, read from its syntax, rule it out as a phrase's do.
const { regexLiterals } = await import(join(root, 'scripts/regex-literals.mjs'));
for (const [key, compiled] of Object.entries(phrases)) {
  if (!key.startsWith('/')) continue;
  const literals = regexLiterals(compiled.source, compiled.flags, fold);
  if (literals.length) compiled.literals = literals;
}

// Check: with these phrases, compiling every built-in rule parses none at run time.
usePrecompiledPhrases(phrases);
const parsedBefore = phraseModule.phrasesParsed;
for (const [source, id] of rules) compileRule(source, id, { jargon: [], allow: [] }, {}, true, classes);
if (phraseModule.phrasesParsed !== parsedBefore) {
  console.error(
    `bundle-rules: ${phraseModule.phrasesParsed - parsedBefore} phrases of the built-in rules were compiled again at run time; were all of them recorded?`,
  );
  process.exit(1);
}
// The files without their examples (which linting never reads; kept apart), and the
// phrases in one table per language and again per rule and language (a reply reads its
// language's whole and the few rules' it needs of another): see
// src/config/builtin-bundle.ts and src/phrases/phrase-table.ts. The JSON files ASCII only
// (other characters as \u escapes): the run reads them as Latin-1, a copy where UTF-8 is
// a decode, and JSON.parse reads one-byte strings faster.
const ascii = (value) => JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const examples = {};
for (const [file, { value }] of Object.entries(files)) {
  if (!value || typeof value !== 'object' || !('examples' in value)) continue;
  examples[file] = value.examples;
  delete value.examples;
}
const tables = {};
for (const [key, compiled] of Object.entries(phrases)) {
  const table = phraseModule.phraseTable(key);
  (tables[table] ??= {})[key] = compiled;
  // And in the whole language's table ("cs" beside "cs/apology").
  if (table.includes('/')) (tables[table.split('/')[0]] ??= {})[key] = compiled;
}
const dist = join(root, 'dist');
rmSync(join(dist, 'builtin-phrases'), { recursive: true, force: true });
for (const [table, entries] of Object.entries(tables)) {
  const file = join(dist, 'builtin-phrases', `${table}.tsv`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, formatPhraseTable(entries));
}
writeFileSync(join(dist, 'builtin-examples.json'), ascii(examples));
writeFileSync(join(dist, NICKNAMES_BUILT), ascii(nicknames));
writeFileSync(join(dist, 'builtin-rules.json'), ascii(files));
console.log(
  `bundle-rules: ${Object.keys(files).length} built-in rule, class and preset files checked and bundled, ${Object.keys(phrases).length} phrases precompiled`,
);
