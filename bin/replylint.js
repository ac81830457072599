#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ (built by `npm install` through the prepare script).
import { main } from '../dist/cli/main.bundle.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
