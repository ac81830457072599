// Report files (-o, audit -o) and replylint's own files (the cache, the suppressions
// baseline) replaced whole or not at all (issue 10): a new file is written beside the
// target (temp-file.ts) and renamed over it once complete, so a reader never sees half a
// report and a failure or a signal leaves the previous one as it was.
//
// Two kinds of target cannot be replaced so: one that is not a file to replace (a FIFO, a
// device, a socket, an open descriptor) is written directly; a file the user may write in
// a folder they may not is written in place, with a notice.
import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  statfsSync,
  statSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError } from '../config/errors.js';
import type { Notice } from '../input/notice.js';
import { carryOver, createTempBeside, errorCode, removeQuietly, writeAll } from './temp-file.js';

/** Temporary files to remove if the process is interrupted or exits before committing them. */
const pending = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removePending(): void {
  for (const path of pending) removeQuietly(path);
  pending.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removePending();
  stopWatching();
  // Die of the same signal, as the shell and the caller expect (exit status 128 + n).
  process.kill(process.pid, signal);
}

function stopWatching(): void {
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
  process.removeListener('exit', removePending);
}

function track(path: string): void {
  if (!pending.size) {
    for (const signal of SIGNALS) process.on(signal, onSignal);
    process.on('exit', removePending);
  }
  pending.add(path);
}

function untrack(path: string): void {
  pending.delete(path);
  if (!pending.size) stopWatching();
}

function reportError(err: unknown, target: string, what: string): ConfigError {
  const code = errorCode(err);
  const reason =
    code === 'ENOENT'
      ? 'its folder does not exist'
      : code === 'ENOTDIR'
        ? 'a part of its path is a file, not a folder'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a directory'
            : (err as Error).message;
  return new ConfigError(
    `cannot write ${what}: ${reason}`,
    { file: target },
    `choose a path you may write to (a writable folder, not a read-only file); any previous ${what.replace(/^the /, '')} is left as it was`,
  );
}

/** The file a path names: a symlink is written through, and stays a link. */
function resolveTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return path; // a new file
    throw err;
  }
}

const PROC_SUPER_MAGIC = 0x9fa0; // statfs(2)

/**
 * Whether `path` leads into /proc, as /dev/stdout (→ /proc/self/fd/1) and /dev/fd/3 do.
 * A link there is an open descriptor, to be written as the shell opened it (after `>>`,
 * appended to) whichever file it leads to; no other file there is one to replace. Told by
 * the file system of each link on the way, not by the path's name: /dev/shm/report.json
 * is a file like any other.
 */
function leadsIntoProc(path: string): boolean {
  let current = resolve(path);
  for (let hop = 0; hop < 40; hop++) {
    let folder: string;
    try {
      folder = realpathSync(dirname(current));
    } catch {
      return false; // no such folder: said when it is opened
    }
    if (statfsSync(folder).type === PROC_SUPER_MAGIC) return true;
    const link = join(folder, basename(current));
    if (!lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink()) return false;
    current = resolve(folder, readlinkSync(link));
  }
  return false;
}

/** A report being written: `commit()` makes it the file, `abort()` leaves the previous one. */
export interface PendingReport {
  write(chunk: string | Uint8Array): void;
  commit(): void;
  abort(): void;
  /** Said when the report cannot be replaced whole where it goes. */
  readonly notice?: Notice;
}

/** What a write of a report fails with: a ConfigError that names the file and says why. */
type Failure = (err: unknown) => ConfigError;

/** Writing to `fd`, a failure said as `failure` says it. */
function writer(fd: number, failure: Failure, before = () => {}) {
  return (chunk: string | Uint8Array) => {
    try {
      before();
      writeAll(fd, chunk);
    } catch (err) {
      throw failure(err);
    }
  };
}

/**
 * Start writing a report to `path`. The previous report stays whole until commit(); on
 * abort(), an error, SIGINT, SIGTERM or SIGHUP the new one is removed.
 */
export function beginReport(path: string, what = 'the report'): PendingReport {
  const failure: Failure = (err) => reportError(err, path, what);
  try {
    if (leadsIntoProc(path)) return direct(path, failure);
    // A report into a folder not made yet: made, as ESLint makes -o's folders.
    mkdirSync(dirname(resolve(path)), { recursive: true });
    const target = resolveTarget(path);
    const old = statSync(target, { throwIfNoEntry: false });
    if (old && !old.isFile()) return direct(path, failure);
    if (old) accessSync(target, constants.W_OK); // as writing over it in place would require
    let temp: { fd: number; path: string };
    try {
      // A new report gets the usual 0o666 less umask; a replaced one keeps its mode (commit).
      temp = createTempBeside(target, old ? 0o600 : 0o666);
    } catch (err) {
      const code = errorCode(err);
      if (old && (code === 'EACCES' || code === 'EPERM')) return inPlace(path, target, failure);
      throw err;
    }
    return replacing(temp, target, old, failure);
  } catch (err) {
    throw failure(err);
  }
}

/** A new file beside the target, renamed over it on commit. */
function replacing(temp: { fd: number; path: string }, target: string, old: Stats | undefined, failure: Failure): PendingReport {
  track(temp.path);
  const end = () => {
    untrack(temp.path);
    closeSync(temp.fd);
  };
  return {
    write: writer(temp.fd, failure),
    commit: () => {
      try {
        fsyncSync(temp.fd); // the report is on disk before the rename makes it the file
        if (old) carryOver(temp.fd, old); // a report whose owner cannot be kept is the writer's
        end();
        renameSync(temp.path, target);
      } catch (err) {
        if (pending.has(temp.path)) end();
        removeQuietly(temp.path);
        throw failure(err);
      }
    },
    abort: () => {
      end();
      removeQuietly(temp.path);
    },
  };
}

/** A FIFO (`-o >(gzip > r.gz)`), a device or a descriptor: written as it is, appended to. */
function direct(path: string, failure: Failure): PendingReport {
  const fd = openSync(path, 'a');
  return { write: writer(fd, failure), commit: () => closeSync(fd), abort: () => closeSync(fd) };
}

/**
 * A file the user may write in a folder where they may not make one (as /var/log often
 * is): written over in place, as it was before reports were replaced whole. It is cut
 * short at the first write, so the previous report lasts as long as it can; the notice
 * says that a reader may see it half-written, and an interruption leave it so.
 */
function inPlace(path: string, target: string, failure: Failure): PendingReport {
  const fd = openSync(target, constants.O_WRONLY); // neither created nor cut short yet
  let started = false;
  const start = () => {
    if (!started) ftruncateSync(fd, 0);
    started = true;
  };
  return {
    write: writer(fd, failure, start),
    commit: () => {
      try {
        start();
        fsyncSync(fd);
      } catch (err) {
        throw failure(err);
      } finally {
        closeSync(fd);
      }
    },
    abort: () => closeSync(fd),
    notice: {
      source: path,
      message: `written in place, not replaced whole: no new file can be made in its folder (${dirname(target)}), so a reader may see it half-written and an interrupted run leaves it incomplete; make the folder writable to have it replaced whole`,
    },
  };
}

/** Write a whole report to `path`, atomically (see beginReport). */
export function writeReport(path: string, text: string, what = 'the report'): void {
  const report = beginReport(path, what);
  try {
    report.write(text);
  } catch (err) {
    report.abort();
    throw err;
  }
  report.commit();
}
