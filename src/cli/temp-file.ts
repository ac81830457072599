// The core shared by fix-write.ts (--fix) and safe-write.ts (report files): a new file
// made beside the one it is to replace, given that file's owner and mode, and the removal
// of such files that a killed run (kill -9, a power cut) left behind (issue 10).
//
// The new file is created exclusively (O_EXCL: never an existing file, never through a
// planted symlink) under a random name. write-file-atomic was considered and not used: its
// temporary name is derived from pid and a counter, it opens it with 'w' (following a
// planted symlink), and it copies setuid bits onto changed content (8.0.0, lib/index.js).
import { fchmodSync, fchownSync, fstatSync, lstatSync, openSync, readdirSync, unlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

/** Ours: `.<name>.replylint-<pid>-<random>.tmp` (and the former `.<name>.replylint-<pid>.tmp`). */
const TEMP_NAME = /^\..+\.replylint-(\d+)(?:-[0-9a-f]+)?\.tmp$/;
/** A temporary file older than this whose writer is gone is a leftover of a killed run. */
const STALE_AFTER_MS = 60 * 60 * 1000;
/** Permission bits and the sticky bit carry over; setuid and setgid vouched for the old content (the kernel clears them on a write, too). */
const KEPT_MODE_BITS = 0o1777;

// node:crypto costs over a millisecond to load; only a write needs it.
const crypto = () => createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');

export const errorCode = (err: unknown) => (err as NodeJS.ErrnoException).code;

/** A new, empty file beside `target`: created exclusively (O_EXCL), so never an existing file or a link. */
export function createTempBeside(target: string, mode: number): { fd: number; path: string } {
  const dir = dirname(target);
  sweepLeftovers(dir);
  for (let attempt = 0; ; attempt++) {
    const path = join(dir, `.${basename(target)}.replylint-${process.pid}-${crypto().randomBytes(8).toString('hex')}.tmp`);
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
function sweepLeftovers(dir: string): void {
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

export function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
}

export function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/**
 * Give the new file the old one's owner, group and permissions (without setuid/setgid).
 * Returns what could not be kept: only root gives a file to another user, and a user may
 * put a file only into a group they are in.
 */
export function carryOver(fd: number, old: { uid: number; gid: number; mode: number }): 'owner' | 'group' | undefined {
  const fresh = fstatSync(fd);
  let lost: 'owner' | 'group' | undefined;
  if (fresh.uid !== old.uid || fresh.gid !== old.gid) {
    try {
      fchownSync(fd, old.uid, old.gid);
    } catch (err) {
      if (errorCode(err) !== 'EPERM') throw err;
      lost = fresh.uid !== old.uid ? 'owner' : 'group';
    }
  }
  // After chown, which clears setuid/setgid: the mode is the last word.
  fchmodSync(fd, old.mode & KEPT_MODE_BITS);
  return lost;
}
