// The core shared by fix-write.ts (--fix) and safe-write.ts (report files): a new file
// made beside the one it is to replace, given that file's owner and mode, and the removal
// of such files that a killed run (kill -9, a power cut) left behind (issue 10).
//
// The new file is created exclusively (O_EXCL: never an existing file, never through a
// planted symlink) under a random name. write-file-atomic was considered and not used: its
// temporary name is derived from pid and a counter, it opens it with 'w' (following a
// planted symlink), and it copies setuid bits onto changed content (8.0.0, lib/index.js).
import { fchmodSync, fchownSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, unlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

/**
 * Ours: `.<name>.replylint-<pid space>-<pid>-<random>.tmp`. Before the pid space was in
 * the name: `.<name>.replylint-<pid>-<random>.tmp`, and `.<name>.replylint-<pid>.tmp` before that.
 */
const TEMP_NAME = /^\..+\.replylint-(?:([0-9a-f]{12})-(\d+)-[0-9a-f]{16}|\d+(?:-[0-9a-f]{16})?)\.tmp$/;
/** A temporary file of another machine left this long is a leftover: its writer would have written to it since. */
const STALE_AFTER_MS = 60 * 60 * 1000;
/** Permission bits and the sticky bit carry over; setuid and setgid vouched for the old content (the kernel clears them on a write, too). */
const KEPT_MODE_BITS = 0o1777;

// node:crypto costs over a millisecond to load; only a write needs it.
const crypto = () => createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
// Loaded when first needed, as crypto is: a reply on stdin writes no file.
const os = () => createRequire(import.meta.url)('node:os') as typeof import('node:os');

export const errorCode = (err: unknown) => (err as NodeJS.ErrnoException).code;

let pidSpaceKey: string | undefined;

/**
 * Where this process's pid means something, as a short key: whether the writer of a
 * temporary file still runs can only be asked there. On Linux the boot (so two machines
 * sharing a folder differ, and one machine before and after a reboot) and the pid
 * namespace (containers on one kernel share its boot id, and their host names can repeat);
 * elsewhere the host name.
 */
function pidSpace(): string {
  if (pidSpaceKey === undefined) {
    let id: string;
    try {
      id = `boot ${readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()} ${readlinkSync('/proc/self/ns/pid')}`;
    } catch {
      id = `host ${os().hostname()}`;
    }
    pidSpaceKey = crypto().createHash('sha256').update(id).digest('hex').slice(0, 12);
  }
  return pidSpaceKey;
}

/** A new, empty file beside `target`: created exclusively (O_EXCL), so never an existing file or a link. */
export function createTempBeside(target: string, mode: number): { fd: number; path: string } {
  const dir = dirname(target);
  sweepLeftovers(dir);
  for (let attempt = 0; ; attempt++) {
    const path = join(dir, `.${basename(target)}.replylint-${pidSpace()}-${process.pid}-${crypto().randomBytes(8).toString('hex')}.tmp`);
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
 * Remove what a killed run left in `dir`: only our temporary files (by name), only regular
 * files (never a link, never followed), and only abandoned ones: of this pid space when
 * their writer no longer runs, at once (so the next run cleans up); of another machine
 * (or named before the pid space was) when untouched for an hour, as their writer cannot
 * be asked. Once per folder and run.
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
    const ours = TEMP_NAME.exec(name);
    if (!ours) continue;
    const [, space, pid] = ours;
    const path = join(dir, name);
    try {
      const stats = lstatSync(path);
      if (!stats.isFile()) continue;
      const abandoned = space === pidSpace() ? !isRunning(Number(pid)) : Date.now() - stats.mtimeMs > STALE_AFTER_MS;
      if (abandoned) unlinkSync(path);
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
