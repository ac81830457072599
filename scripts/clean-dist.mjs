#!/usr/bin/env node
// Build step: dist/ made afresh. tsc and the bundlers only add and overwrite, so modules
// moved or removed from src/ stayed in dist/ and in the package (npm pack takes dist/ whole).
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

rmSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'dist'), { recursive: true, force: true });
