#!/usr/bin/env node
// The CLI by its former name, for scripts that call bin/replylint.js: the launcher is
// bin/replylint.cjs (a classic script, so that it can use V8's code cache).
import './replylint.cjs';
