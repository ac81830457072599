// node:fs for the browser bundle (scripts/bundle-browser.mjs): the build's files the
// engine reads (the pre-parsed rules, the phrase tables, the lexicon), served from memory,
// with the modification times the build recorded, so that every built-in file reads as
// current. What the engine never reads in a browser fails as a missing file does.
import { DIRS, FILES, TIMES } from 'replylint-files';

/** A path as the tables key it: a string, no trailing or doubled slashes. */
const key = (path) => {
  const text = String(path instanceof URL ? decodeURIComponent(path.pathname) : path).replace(/\/{2,}/g, '/');
  return text.length > 1 && text.endsWith('/') ? text.slice(0, -1) : text;
};
const missing = (path) => Object.assign(new Error(`ENOENT: no such file or directory, '${path}'`), { code: 'ENOENT', path });
const decoded = new Map();

function bytesOf(path) {
  const file = FILES[path];
  if (file === undefined) throw missing(path);
  if (typeof file === 'string') return file;
  let bytes = decoded.get(path);
  if (!bytes) {
    const raw = atob(file.base64);
    bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    decoded.set(path, bytes);
  }
  return bytes;
}

export function readFileSync(path, options) {
  const content = bytesOf(key(path));
  const encoding = typeof options === 'string' ? options : options?.encoding;
  if (encoding) return typeof content === 'string' ? content : new TextDecoder().decode(content);
  return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

export function existsSync(file) {
  const path = key(file);
  return FILES[path] !== undefined || TIMES[path] !== undefined || DIRS[path] !== undefined;
}

export function statSync(file) {
  const path = key(file);
  const isDir = DIRS[path] !== undefined;
  const time = TIMES[path];
  if (!isDir && time === undefined && FILES[path] === undefined) throw missing(path);
  return {
    mtimeMs: time ?? 0,
    size: FILES[path] === undefined ? 0 : bytesOf(path).length,
    isFile: () => !isDir,
    isDirectory: () => isDir,
    isFIFO: () => false,
    isCharacterDevice: () => false,
    isBlockDevice: () => false,
    isSocket: () => false,
    isSymbolicLink: () => false,
  };
}

export const lstatSync = statSync;

export function readdirSync(dir) {
  const names = DIRS[key(dir)];
  if (!names) throw missing(key(dir));
  return [...names];
}

const unavailable = (name) => () => {
  throw Object.assign(new Error(`${name} is not available in a browser`), { code: 'ENOSYS' });
};
export const openSync = (path) => {
  throw missing(path);
};
export const fstatSync = unavailable('fstatSync');
export const readlinkSync = unavailable('readlinkSync');
export const readSync = unavailable('readSync');
export const closeSync = () => {};
export const writeFileSync = unavailable('writeFileSync');
export const mkdirSync = unavailable('mkdirSync');
export const renameSync = unavailable('renameSync');
export const realpathSync = (path) => path;
export const constants = { O_RDONLY: 0, O_NOFOLLOW: 0, O_NONBLOCK: 0 };
export default {
  readFileSync,
  existsSync,
  statSync,
  lstatSync,
  readdirSync,
  openSync,
  fstatSync,
  readlinkSync,
  readSync,
  closeSync,
  writeFileSync,
  mkdirSync,
  renameSync,
  realpathSync,
  constants,
};
