// Replacing a file's content without losing or leaking any (issue 10): what --fix
// writes back and the report files of `-o` and `audit -o`.
//
// A new file is written beside the target and renamed over it, so a reader never sees
// half a file and a failure or a signal leaves the previous content whole. The new file
// is created exclusively (O_EXCL: never an existing file, never through a planted
// symlink) under a random name. write-file-atomic was considered and not used: its
// temporary name is derived from pid and a counter, it opens it with 'w' (following a
// planted symlink), and it copies setuid bits onto changed content (8.0.0, lib/index.js).
import { accessSync, closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, lstatSync, openSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type BigIntStats } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError } from '../config/errors.js';

// ---- temporary files -------------------------------------------------------------

/** Ours: `.<name>.replylint-<pid>-<random>.tmp` (and the former `.<name>.replylint-<pid>.tmp`). */
const TEMP_NAME = /^\..+\.replylint-(\d+)(?:-[0-9a-f]+)?\.tmp$/;
/** A temporary file older than this whose writer is gone is a leftover of a killed run. */
const STALE_AFTER_MS = 60 * 60 * 1000;
/** Permission bits and the sticky bit carry over; setuid and setgid vouched for the old content (the kernel clears them on a write, too). */
const KEPT_MODE_BITS = 0o1777;

// node:crypto costs over a millisecond to load; only a write needs it.
const randomHex = () => (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).randomBytes(8).toString('hex');

const errorCode = (err: unknown) => (err as NodeJS.ErrnoException).code;

/** A new, empty file beside `target`: created exclusively (O_EXCL), so never an existing file or a link. */
function createTempBeside(target: string, mode: number): { fd: number; path: string } {
  const dir = dirname(target);
  sweepStaleTemps(dir);
  for (let attempt = 0; ; attempt++) {
    const path = join(dir, `.${basename(target)}.replylint-${process.pid}-${randomHex()}.tmp`);
    try {
      return { fd: openSync(path, 'wx', mode), path };
    } catch (err) {
      // Someone holds this name (a planted link, or chance): draw another, a few times.
      if (errorCode(err) !== 'EEXIST' || attempt >= 4) throw err;
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errorCode(err) === 'EPERM'; // alive, another user's
  }
}

const swept = new Set<string>();

/**
 * Remove what a killed run (kill -9, a power cut) left in `dir`: only our temporary
 * files (by name), only regular files (never a link, never followed), only old ones
 * whose writer is gone. Once per folder and run.
 */
function sweepStaleTemps(dir: string): void {
  if (swept.has(dir)) return;
  swept.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = TEMP_NAME.exec(name)?.[1];
    if (!pid) continue;
    const path = join(dir, name);
    try {
      const stats = lstatSync(path);
      if (stats.isFile() && Date.now() - stats.mtimeMs > STALE_AFTER_MS && !isRunning(Number(pid))) unlinkSync(path);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
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

/** Give the new file the old one's owner and permissions (without setuid/setgid); false when the owner could not be kept. */
function carryOver(fd: number, old: { uid: number; gid: number; mode: number }): boolean {
  const fresh = fstatSync(fd);
  let ownerKept = true;
  if (fresh.uid !== old.uid || fresh.gid !== old.gid) {
    try {
      fchownSync(fd, old.uid, old.gid);
    } catch (err) {
      if (errorCode(err) !== 'EPERM') throw err;
      ownerKept = false;
    }
  }
  // After chown, which clears setuid/setgid: the mode is the last word.
  fchmodSync(fd, old.mode & KEPT_MODE_BITS);
  return ownerKept;
}

// ---- --fix: replacing a fixed reply file -------------------------------------------

/** Whether the file is still the one that was read: an edit by another program since would be lost. */
function unchangedSince(now: BigIntStats, read: BigIntStats): boolean {
  // ctime too: a program that restores mtime after writing still moves ctime.
  return now.dev === read.dev && now.ino === read.ino && now.size === read.size && now.mtimeNs === read.mtimeNs && now.ctimeNs === read.ctimeNs;
}

const CHANGED = 'changed while replylint was fixing it (another program wrote it); not fixed: run again';

/** Why a file cannot be replaced by a fixed copy without harm, if it cannot. */
function refusal(target: string, now: BigIntStats, read: BigIntStats): string | undefined {
  if (!unchangedSince(now, read)) return CHANGED;
  // A new file renamed over one of several hard links would split it from the others;
  // writing in place would keep them but could leave a half-written file. Neither is safe.
  if (now.nlink > 1n) return `has ${now.nlink} hard links, which a fixed copy would split; not fixed: apply the fixes that --fix-dry-run shows by hand`;
  // Read-only is the owner's word, even to root; the folder being writable does not change it.
  if ((Number(now.mode) & 0o222) === 0) return 'is read-only; not fixed: make it writable (chmod u+w) and run again';
  try {
    accessSync(target, constants.W_OK);
  } catch {
    return 'is not writable by you; not fixed: run as a user who may write it';
  }
  return undefined;
}

/** A failure to write, said for a user. */
function writeFailure(err: unknown, dir: string): string {
  const code = errorCode(err);
  if (code === 'EACCES' || code === 'EPERM') return `is in a folder you cannot write to (${dir}); not fixed: make the folder writable and run again`;
  if (code === 'EROFS') return 'is on a read-only file system; not fixed';
  return `could not be written (${(err as Error).message}); not fixed, left as it was`;
}

/**
 * Replace the content of a reply file with its fixed text. `read` is the file's status
 * taken before it was read. Returns why the file was left as it was, or undefined when
 * it was fixed. Never throws for the file's sake: one file that cannot be fixed must
 * not stop the others.
 */
export function replaceFixedFile(path: string, content: string | Uint8Array, read: BigIntStats): string | undefined {
  let target: string;
  let now: BigIntStats;
  try {
    target = realpathSync(path);
    now = statSync(target, { bigint: true });
  } catch (err) {
    return errorCode(err) === 'ENOENT' ? 'was removed while replylint was fixing it; not fixed' : writeFailure(err, dirname(path));
  }
  const refused = refusal(target, now, read);
  if (refused) return refused;

  let temp: { fd: number; path: string };
  try {
    // Private until it has the old file's owner and mode.
    temp = createTempBeside(target, 0o600);
  } catch (err) {
    return writeFailure(err, dirname(target));
  }
  let renamed = false;
  try {
    writeAll(temp.fd, content);
    fsyncSync(temp.fd); // the content is on disk before the rename makes it the file
    if (!carryOver(temp.fd, { uid: Number(now.uid), gid: Number(now.gid), mode: Number(now.mode) })) {
      return `belongs to another user (uid ${now.uid}, gid ${now.gid}), and a fixed copy would be yours; not fixed: run as its owner`;
    }
    // Last look before the rename: an edit since the read would be lost by it.
    if (!unchangedSince(statSync(target, { bigint: true }), read)) return CHANGED;
    renameSync(temp.path, target);
    renamed = true;
    return undefined;
  } catch (err) {
    return writeFailure(err, dirname(target));
  } finally {
    closeSync(temp.fd);
    if (!renamed) removeQuietly(temp.path);
  }
}

// ---- report files (-o, audit -o) ---------------------------------------------------

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
  const reason = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (err as Error).message;
  return new ConfigError(`cannot write ${what}: ${reason}`, { file: target }, `choose a path you may write to (a writable folder, not a read-only file); any previous ${what.replace(/^the /, '')} is left as it was`);
}

/** A report being written: `commit()` makes it the file, `abort()` leaves the previous one. */
export interface PendingReport {
  write(chunk: string | Uint8Array): void;
  commit(): void;
  abort(): void;
}

/**
 * Start writing a report to `path`. The previous report stays whole until commit(); on
 * abort(), an error, SIGINT, SIGTERM or SIGHUP the new one is removed. A target that is
 * not a regular file (a FIFO, /dev/stdout) is written directly: it cannot be replaced.
 */
export function beginReport(path: string, what = 'the report'): PendingReport {
  const writer = (fd: number) => (chunk: string | Uint8Array) => {
    try {
      writeAll(fd, chunk);
    } catch (err) {
      throw reportError(err, path, what);
    }
  };
  try {
    // /dev/stdout, /proc/self/fd/3…: another descriptor, whatever file it may lead to.
    const descriptor = /^\/(?:dev|proc)\//.test(resolve(path));
    const target = descriptor ? path : resolveTarget(path);
    const old = statSync(target, { throwIfNoEntry: false });
    if (descriptor || (old && !old.isFile())) {
      // Appending: a descriptor the shell opened with >> must keep what it holds.
      const fd = openSync(target, 'a');
      return { write: writer(fd), commit: () => closeSync(fd), abort: () => closeSync(fd) };
    }
    if (old) accessSync(target, constants.W_OK); // as writing over it in place would require
    // A new report gets the usual 0o666 less umask; a replaced one keeps its mode (commit).
    const temp = createTempBeside(target, old ? 0o600 : 0o666);
    track(temp.path);
    const end = () => {
      untrack(temp.path);
      closeSync(temp.fd);
    };
    const abort = () => {
      end();
      removeQuietly(temp.path);
    };
    return {
      write: writer(temp.fd),
      commit: () => {
        try {
          fsyncSync(temp.fd); // the report is on disk before the rename makes it the file
          if (old) carryOver(temp.fd, old); // a report whose owner cannot be kept is the writer's
          end();
          renameSync(temp.path, target);
        } catch (err) {
          if (pending.has(temp.path)) end();
          removeQuietly(temp.path);
          throw reportError(err, path, what);
        }
      },
      abort,
    };
  } catch (err) {
    throw reportError(err, path, what);
  }
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
