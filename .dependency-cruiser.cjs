// The layering of src/ (issue 12), checked by `npm test` (dependency-cruiser). From the
// bottom: text/, files/, language/ and the shared types (types.ts, lists.ts, history.ts);
// phrases/ (the phrase compiler); config/; document/; input/; engine/; report/ (pure
// formatters); audit/; run/ (lint files, audit exports: what the CLI and the library
// both run); cli/; api/; and index.ts, the library's entry, on top. A module
// imports only from below its own folder (or within it), and no module cycle is allowed.
const folders = (...names) => `^src/(?:${names.join('|')})/`;
const above = {
  base: ['phrases', 'config', 'document', 'input', 'engine', 'report', 'audit', 'run', 'cli', 'api'],
  phrases: ['config', 'document', 'input', 'engine', 'report', 'audit', 'run', 'cli', 'api', 'language'],
  config: ['document', 'input', 'engine', 'report', 'audit', 'run', 'cli', 'api'],
  document: ['config', 'input', 'engine', 'report', 'audit', 'run', 'cli', 'api'],
  input: ['engine', 'report', 'audit', 'run', 'cli', 'api'],
  engine: ['report', 'audit', 'run', 'cli', 'api'],
  report: ['config', 'document', 'input', 'engine', 'audit', 'run', 'cli', 'api'],
  audit: ['run', 'cli', 'api'],
  run: ['cli', 'api'],
  cli: ['api'],
};
const layer = (name, from) => ({
  name: `${name}-imports-only-below`,
  comment: `${name} is below ${above[name].join(', ')} and the entry: it must not import them`,
  severity: 'error',
  from: { path: from },
  to: { path: [folders(...above[name]), '^src/index\\.ts$'] },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'modules that import each other, directly or round a cycle', severity: 'error', from: {}, to: { circular: true } },
    layer('base', ['^src/(?:text|files|language)/', '^src/(?:types|lists|history)\\.ts$']),
    layer('phrases', '^src/phrases/'),
    layer('config', '^src/config/'),
    layer('document', '^src/document/'),
    layer('input', '^src/input/'),
    layer('engine', '^src/engine/'),
    layer('report', '^src/report/'),
    layer('audit', '^src/audit/'),
    layer('run', '^src/run/'),
    layer('cli', '^src/cli/'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports vanish from the JavaScript and make no cycle at run time.
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
