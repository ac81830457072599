#!/usr/bin/env node
// Build step: the CLI as one CommonJS file, dist/cli/main.cjs, plus a V8 code cache of it.
// Resolving and loading some forty modules of ours and our dependencies one by one cost
// about 40 ms at every start; one file costs a few. CommonJS rather than an ES module
// because only a classic script can be compiled with V8's code cache on Node 20
// (bin/replylint.cjs; Node 22's module.enableCompileCache does this for any module).
// The heavy, rarely needed parts (compromise, yaml, typescript for cosmiconfig's .ts
// configs) stay outside and load on first use; parts reached through a dynamic import()
// are bundled but initialised only when first imported.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist/cli/main.cjs');

/** An esbuild plugin: imports matching `filter` (where `when` holds) resolve to a module of ours, `name`. */
const replaced = (name, filter, when, module) => ({
  name,
  setup(b) {
    b.onResolve({ filter }, (args) => (when(args) ? { path: name, namespace: 'replylint' } : undefined));
    b.onLoad({ filter: new RegExp(`^${name}$`), namespace: 'replylint' }, () => ({ loader: 'js', ...module }));
  },
});
const { outputFiles } = await build({
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile,
  write: false,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['compromise', 'yaml', 'typescript'],
  // Modules find rules/ and package.json by URLs relative to their own; in the bundle
  // that is the bundle's URL, whose depth (dist/cli) matches src/cli's.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
  plugins: [
    {
      // The audit, audit merge and MCP commands load the plain compiled modules beside the bundle
      // (dist/cli/*.js) through import(): bundled, their code would weigh on every start.
      name: 'commands-outside',
      setup(b) {
        b.onResolve({ filter: /^\.\/(audit|audit-merge|mcp)-command\.js$/ }, (args) => ({ path: args.path, external: true }));
      },
    },
    // commander requires node:child_process at load, for executable subcommands that
    // replylint does not have; with it come net, dgram and the streams (~1.5 ms of every
    // start). Its child_process is a module that requires the real one when commander
    // first spawns.
    replaced('lazy-child-process', /^node:child_process$/, (args) => /[\\/]commander[\\/]/.test(args.importer), {
      contents: "let loaded;\nmodule.exports = { spawn: (...args) => (loaded ??= require('node:child_process')).spawn(...args) };",
    }),
    // czech-vocative (small, needed for every Czech reply with a name) is bundled, so that
    // it comes from the code cache instead of a resolve and compile (~2.5 ms): the loader
    // module (src/language/czech-vocative.ts, which uses createRequire, opaque to esbuild)
    // is one with a plain require, bundled and still run only on first use.
    replaced('czech-vocative-loader', /[\\/]czech-vocative\.js$/, (args) => /[\\/]src[\\/]language$/.test(args.resolveDir), {
      contents: "export const loadVocative = () => require('czech-vocative').vocative;",
      resolveDir: join(root, 'src', 'language'),
    }),
  ],
});

// Node 20 cannot import() from a script compiled with a code cache ("A dynamic import
// callback was not specified"), so the bundle's import() calls (the audit and MCP
// commands, lazily loaded built-ins, cosmiconfig's loaders) go through __import, which
// the launcher passes in and which imports from a normal module (relative specifiers
// from dist/cli, as import() in the bundle would).
const code = outputFiles[0].text;
// ASCII only, so that the launcher reads it as Latin-1 (a copy, not a UTF-8 decode) and
// V8 gets a one-byte string. esbuild leaves some characters as they are (in regex
// literals, comments); a \u escape means the same in a string, a regex, a template's
// cooked text or an identifier (the bundle has no String.raw, checked here).
const imports = code.replace(/(?<![\w$.])import\(/g, '__import(');
if (/String\.raw/.test(imports))
  throw new Error('the bundle uses raw template strings, where a \\u escape is not the character; escape more carefully in scripts/bundle-cli.mjs');
writeFileSync(
  outfile,
  imports.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
);

// The code cache is written by the launcher after a run, so it holds the functions that
// run compiled, not just the top level. One run over a reply in each language, from a
// folder with no config, leaves a cache for the common path; a newer Node rejects it and
// the launcher writes a fresh one.
rmSync(`${outfile}.cache`, { force: true });
const training = [
  {
    id: 'en',
    channel: 'email',
    customer: { name: 'Jane Doe' },
    messages: [
      { role: 'customer', text: 'My parcel has not arrived.' },
      {
        role: 'agent',
        text: 'Hi Jane,\n\nsorry for the wait. Your parcel left our warehouse today; track it at https://example.com/t/1.\n\nKind regards,\nAnna',
      },
    ],
  },
  {
    id: 'cs',
    channel: 'email',
    customer: { name: 'Jan Novák' },
    messages: [
      { role: 'customer', text: 'Zásilka nedorazila.' },
      { role: 'agent', text: 'Dobrý den, pane Nováku,\n\nomlouváme se za zpoždění. Balík jsme odeslali včera.\n\nS pozdravem\nJana' },
    ],
  },
  {
    id: 'sk',
    channel: 'chat',
    customer: { name: 'Peter Kováč' },
    messages: [
      { role: 'customer', text: 'Kde je moja objednávka?' },
      { role: 'agent', text: 'Dobrý deň, pán Kováč, prepáčte za meškanie. Objednávku sme odoslali dnes.' },
    ],
  },
];
const run = spawnSync(process.execPath, [join(root, 'bin/replylint.cjs')], {
  input: training.map((c) => JSON.stringify(c)).join('\n'),
  cwd: tmpdir(),
  encoding: 'utf8',
});
if (run.status !== 0 && run.status !== 1) throw new Error(`the training run for the code cache failed (exit ${run.status}): ${run.stderr}`);
