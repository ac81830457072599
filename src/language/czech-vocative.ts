// czech-vocative, loaded on first use: replies without a Czech name never pay for it.
// (The CLI bundle puts a module of its own here, which requires the package it bundles:
// scripts/bundle-cli.mjs.)
import { createRequire } from 'node:module';

export type VocativeFn = (name: string, isWoman?: boolean, isSurname?: boolean) => string;

export const loadVocative = (): VocativeFn => (createRequire(import.meta.url)('czech-vocative') as { vocative: VocativeFn }).vocative;
