#!/usr/bin/env node
'use strict';
// Launcher: runs the bundled CLI (dist/cli/main.cjs, built by `npm install` through the
// prepare script) with V8's code cache beside it. Compiling the functions a run needs is
// a good part of answering one reply; the cache, written after a run, holds them
// compiled. A cache that V8 rejects (another Node version) or that is missing is
// written afresh; where dist/ is read-only the CLI simply runs without one.
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');

// The rules' regexes run once or twice on a reply: V8's default tier-up interprets a
// regex's bytecode first and compiles it to machine code when it runs again, paying for
// both; compiled at once, the ~900 built-in regexes a run may meet cost a third as much
// (bench/run.mjs, cold start). Set before anything is compiled, so the code cache is
// always made and read under the same flags.
setV8Flag('--no-regexp-tier-up');

// node:v8 loads node:stream and some twenty internal modules with it (~1.2 ms of a run
// that needs none of them), so the flag goes through process.binding('v8'), whose
// setFlagsFromString is the one node:v8 exports. That access is deprecated (DEP0111) and
// warns: silenced for this one call, and where a Node has removed it, node:v8 it is.
function setV8Flag(flag) {
  const quiet = process.noDeprecation;
  try {
    process.noDeprecation = true;
    process.binding('v8').setFlagsFromString(flag);
  } catch {
    require('node:v8').setFlagsFromString(flag);
  } finally {
    process.noDeprecation = quiet;
  }
}

// The bundle is ASCII (scripts/bundle-cli.mjs): read as Latin-1, a copy, not a decode.
const bundle = join(__dirname, '..', 'dist', 'cli', 'main.cjs');
// import() does not work inside a script compiled with a code cache (Node 20): the
// bundle's calls come here (scripts/bundle-cli.mjs), relative ones resolved from dist/cli.
const bundleImport = (specifier) => import(specifier.startsWith('.') ? new URL(specifier, pathToFileURL(bundle)).href : specifier);
const cacheFile = `${bundle}.cache`;

let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // No cache yet.
}
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __import) {${readFileSync(bundle, 'latin1')}\n})`, {
  filename: bundle,
  cachedData,
});
const cli = { exports: {} };
script.runInThisContext()(cli.exports, require('node:module').createRequire(bundle), cli, bundle, join(__dirname, '..', 'dist', 'cli'), bundleImport);

// Only a run with Node's default options writes the cache. V8 rejects a cache made under
// other flags (a heap limit, a profiler: NODE_OPTIONS=--max-old-space-size=…), so such a
// run would leave one that every plain run then rejects and rewrites with no more than
// its own functions, in place of the one the build trained.
const plainNode = process.execArgv.length === 0 && !process.env.NODE_OPTIONS;

cli.exports.main(process.argv).then((code) => {
  process.exitCode = code;
  if ((cachedData && !script.cachedDataRejected) || !plainNode) return;
  try {
    const temporary = `${cacheFile}.${process.pid}`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  } catch {
    // Read-only install: run without a cache.
  }
});
