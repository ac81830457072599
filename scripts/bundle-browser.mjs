#!/usr/bin/env node
// Build step: the engine for the browser (src/browser.ts), with the build's rule files,
// phrase tables and lexicon inside, for the draft checker page (web/) and the extension.
//   dist/web/replylint.mjs   an ES module (import { lint } from …)
//   dist/web/replylint.js    the same as a classic script setting `replylint` on the page:
//                            a page opened from a file may not load modules
//   dist/extension/          the extension (web/extension/) with the engine beside it,
//                            ready to load unpacked in Chromium or Firefox
// Node's built-ins are replaced by scripts/browser/*.mjs: node:fs serves the build's files
// from memory, so the engine reads them exactly as it does under Node.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Every module of the engine finds the package's files from its own URL, two folders down
// (src/<folder>/<file>); in a bundle all share one, so it is fixed at that depth.
const VIRTUAL_ROOT = '/replylint';
const BUNDLE_URL = `file://${VIRTUAL_ROOT}/dist/web/replylint.js`;

/** Files under `dir` (relative to the root), recursively. */
const filesIn = (dir) =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(join(dir, e.name)) : [join(dir, e.name)]));

const FILES = {};
const TIMES = {};
const DIRS = {};
const at = (path) => `${VIRTUAL_ROOT}/${path.split('\\').join('/')}`;
function listed(path) {
  for (let p = path; p.includes('/'); p = p.slice(0, p.lastIndexOf('/'))) {
    const dir = p.slice(0, p.lastIndexOf('/'));
    const name = p.slice(p.lastIndexOf('/') + 1);
    const names = (DIRS[dir] ??= []);
    if (!names.includes(name)) names.push(name);
  }
}
function addFile(path, binary = false) {
  const bytes = readFileSync(join(root, path));
  FILES[at(path)] = binary ? { base64: bytes.toString('base64') } : bytes.toString('utf8');
  TIMES[at(path)] = statSync(join(root, path)).mtimeMs;
  listed(at(path));
}

// The pre-parsed rule, class, preset and language files, each listed in its folder with the
// time the build recorded, so that it reads as current (its YAML is not needed).
addFile('dist/builtin-rules.json');
for (const [path, { mtimeMs }] of Object.entries(JSON.parse(readFileSync(join(root, 'dist/builtin-rules.json'), 'latin1')))) {
  TIMES[at(path)] = mtimeMs;
  listed(at(path));
}
for (const file of filesIn('dist/builtin-phrases')) addFile(file);
// The nickname list, read when a greeting's name is not the customer's as written; current as its YAML's time says.
addFile('dist/builtin-nicknames.json');
TIMES[at('rules/names/nicknames.yaml')] = JSON.parse(readFileSync(join(root, 'dist/builtin-nicknames.json'), 'latin1')).mtimeMs;
listed(at('rules/names/nicknames.yaml'));
// The lexicon as built (its key table is binary); its sources are absent, so it is current.
for (const name of ['manifest.json', 'keys.bin', 'lexicon.json']) addFile(`dist/lexicon/${name}`, name.endsWith('.bin'));
for (const names of Object.values(DIRS)) names.sort();

const shim = (name) => join(root, 'scripts/browser', name);
const common = {
  entryPoints: [join(root, 'src/browser.ts')],
  bundle: true,
  platform: 'browser',
  target: ['chrome110', 'firefox115'],
  minify: true,
  legalComments: 'linked',
  define: { 'import.meta.url': JSON.stringify(BUNDLE_URL) },
  inject: [shim('process.mjs')],
  alias: { 'node:path': 'path-browserify', path: 'path-browserify', 'node:fs': shim('fs.mjs'), 'node:url': shim('url.mjs'), 'node:module': shim('module.mjs') },
  logLevel: 'warning',
  plugins: [
    {
      name: 'replylint-files',
      setup(b) {
        b.onResolve({ filter: /^replylint-files$/ }, () => ({ path: 'replylint-files', namespace: 'replylint' }));
        b.onLoad({ filter: /.*/, namespace: 'replylint' }, () => ({
          loader: 'js',
          contents: `export const FILES = ${JSON.stringify(FILES)};\nexport const TIMES = ${JSON.stringify(TIMES)};\nexport const DIRS = ${JSON.stringify(DIRS)};\n`,
        }));
      },
    },
  ],
};

const out = join(root, 'dist/web');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const [esm] = await Promise.all([
  build({ ...common, format: 'esm', outfile: join(out, 'replylint.mjs'), metafile: true }),
  build({ ...common, format: 'iife', globalName: 'replylint', outfile: join(out, 'replylint.js') }),
]);

// The extension: its own files, and the engine beside them (an extension reads nothing outside its folder).
const extension = join(root, 'dist/extension');
rmSync(extension, { recursive: true, force: true });
if (existsSync(join(root, 'web/extension'))) {
  cpSync(join(root, 'web/extension'), extension, { recursive: true });
  cpSync(join(out, 'replylint.js'), join(extension, 'replylint.js'));
  for (const f of readdirSync(out)) if (f.startsWith('replylint.js.LEGAL')) cpSync(join(out, f), join(extension, f));
  // The extension's version is the package's (web/extension/manifest.json holds a placeholder).
  const manifest = JSON.parse(readFileSync(join(extension, 'manifest.json'), 'utf8'));
  manifest.version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  writeFileSync(join(extension, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

const size = statSync(join(out, 'replylint.mjs')).size;
const [output] = Object.values(esm.metafile.outputs).filter((o) => o.entryPoint);
const data = Object.entries(output?.inputs ?? {}).find(([name]) => name.includes('replylint-files'))?.[1].bytesInOutput ?? 0;
console.log(
  `bundle-browser: dist/web/replylint.{mjs,js}, ${(size / 1024 / 1024).toFixed(2)} MB (the built-in data ${(data / 1024 / 1024).toFixed(2)} MB); dist/extension/`,
);
