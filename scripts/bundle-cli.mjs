#!/usr/bin/env node
// Build step: the CLI as one file. Resolving and loading some forty modules of ours and
// our dependencies one by one cost about 40 ms at every start; one file costs a few.
// The heavy, rarely needed parts (compromise, czech-vocative, yaml, typescript for
// cosmiconfig's .ts configs) stay outside and load on first use.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: [join(root, 'src/cli/main.ts')],
  // Parts needed only with files, a config or a terminal (tinyglobby, cosmiconfig,
  // chalk) go into chunks of their own, loaded when first imported.
  outdir: join(root, 'dist/cli'),
  entryNames: '[name].bundle',
  // Chunks beside the entry, not below it: modules find rules/ and package.json by
  // relative URLs that assume the depth of dist/cli.
  chunkNames: '[name]-[hash].chunk',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['compromise', 'czech-vocative', 'yaml', 'typescript'],
  // CommonJS dependencies call require(); give the ES module bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
  plugins: [
    {
      // The audit and MCP commands load the plain compiled modules beside the bundle
      // (dist/cli/*.js): bundled, their code would be shared with the lint path and
      // split into chunks that every reply on stdin would have to load.
      name: 'commands-outside',
      setup(b) {
        b.onResolve({ filter: /^\.\/(audit|mcp)-command\.js$/ }, (args) => ({ path: args.path, external: true }));
      },
    },
  ],
});
