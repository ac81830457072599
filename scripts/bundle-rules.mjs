#!/usr/bin/env node
// Build step: parse and validate the built-in rules and presets once, and write them as
// JSON beside the compiled code (see src/config/builtin-bundle.ts for why).
import { readdirSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { join, relative, dirname, basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { parseYaml } = await import(join(root, 'dist/config/yaml-source.js'));
const { compileRule } = await import(join(root, 'dist/engine/load-rules.js'));
const { CONFIG_SCHEMA } = await import(join(root, 'dist/config/schema.js'));
const { validate } = await import(join(root, 'dist/config/validate.js'));
const phraseModule = await import(join(root, 'dist/engine/phrase.js'));
const { compilePhrase, compileRawRegex, phraseKey, toCompiled, usePrecompiledPhrases } = phraseModule;
const { HELPERS } = await import(join(root, 'dist/language/index.js'));
const { KINDS } = await import(join(root, 'dist/engine/kinds/index.js'));
const { PHRASE_LIST_SCHEMA } = await import(join(root, 'dist/engine/phrase-list.js'));

// Every phrase of the built-in rules (and the language helpers' valedictions), compiled
// once here: at run time a built-in phrase costs one RegExp construction.
const phrases = {};
const addPhrase = (text, exact) => {
  phrases[phraseKey(text, exact)] = toCompiled(compilePhrase(text, { exact, trusted: true }));
};
// A built-in rule's raw regexes run on V8 too: listed here (under "/"), so that the build's
// ReDoS check (check-regexes.mjs) reads them with the phrases; none is looked up by key.
const addRawRegex = (source) => {
  phrases[`/${source}`] = toCompiled(compileRawRegex(source, { trusted: true }));
};
// The phrase lists in a rule's value: the fields whose schema shares PHRASE_LIST_SCHEMA's
// entries (some add `required`), also inside object fields such as `when`.
function phraseLists(fields, value) {
  return Object.entries(fields ?? {}).flatMap(([key, schema]) => {
    if (value?.[key] === undefined) return [];
    if (schema.values === PHRASE_LIST_SCHEMA.values) return [value[key]];
    return schema.type === 'object' ? phraseLists(schema.fields, value[key]) : [];
  });
}

const files = {};
// The parsed rule files with their ids, compiled again for the check below.
const rules = [];
const add = (file, check) => {
  const source = parseYaml(readFileSync(file, 'utf8'), file);
  check(source);
  files[relative(root, file)] = { mtimeMs: statSync(file).mtimeMs, value: source.value };
};
try {
  for (const name of readdirSync(join(root, 'rules')).filter((n) => n.endsWith('.yaml')).sort()) {
    add(join(root, 'rules', name), (source) => {
      compileRule(source, basename(name, extname(name)), { jargon: [], allow: [] }, {}, true);
      rules.push([source, basename(name, extname(name))]);
      for (const lists of phraseLists(KINDS[source.value.kind]?.fields, source.value)) {
        const walk = (node) => {
          if (Array.isArray(node)) for (const e of node) typeof e === 'string' ? addPhrase(e, false) : e.match !== undefined ? addPhrase(e.match, e.exact) : e.regex !== undefined && addRawRegex(e.regex);
          else if (node && typeof node === 'object') Object.values(node).forEach(walk);
        };
        walk(lists);
      }
    });
  }
  for (const name of readdirSync(join(root, 'rules', 'presets')).filter((n) => n.endsWith('.yaml')).sort()) {
    add(join(root, 'rules', 'presets', name), (source) => validate(source, CONFIG_SCHEMA));
  }
} catch (err) {
  console.error(`bundle-rules: ${err.format ? err.format() : err.stack}`);
  process.exit(1);
}
for (const helper of Object.values(HELPERS)) for (const v of helper.valedictions) addPhrase(v, false);
// Check: with these phrases, compiling every built-in rule parses none at run time.
usePrecompiledPhrases(phrases);
const parsedBefore = phraseModule.phrasesParsed;
for (const [source, id] of rules) compileRule(source, id, { jargon: [], allow: [] }, {}, true);
if (phraseModule.phrasesParsed !== parsedBefore) {
  console.error(`bundle-rules: ${phraseModule.phrasesParsed - parsedBefore} phrases of the built-in rules were not collected for precompiling; extend phraseLists()`);
  process.exit(1);
}
writeFileSync(join(root, 'dist', 'builtin-rules.json'), JSON.stringify({ files, phrases }));
console.log(`bundle-rules: ${Object.keys(files).length} built-in rule and preset files checked and bundled, ${Object.keys(phrases).length} phrases precompiled`);
