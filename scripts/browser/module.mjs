// node:module for the browser bundle: the engine loads some libraries on first use with
// createRequire (opaque to a bundler); here they are imported, and handed out by name.
import * as yaml from 'yaml';
import compromise from 'compromise';
import * as re2js from 're2js';
import * as czechVocative from 'czech-vocative';

const MODULES = { yaml, compromise, re2js, 'czech-vocative': czechVocative };

export function createRequire() {
  return (name) => {
    if (!Object.hasOwn(MODULES, name)) throw new Error(`${name} is not part of replylint's browser build`);
    return MODULES[name];
  };
}
export default { createRequire };
