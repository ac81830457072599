// --fix writes a fixed reply file back without losing or leaking one (issue 10): a new
// file beside it (temp-file.ts) renamed over it, so a reader never sees half a file and a
// failure leaves the old content whole; never over a file that changed since it was read,
// that has other hard links, that is read-only, or whose owner or group would change.
import { accessSync, closeSync, constants, fsyncSync, realpathSync, renameSync, statSync, type BigIntStats } from 'node:fs';
import { dirname } from 'node:path';
import { carryOver, createTempBeside, errorCode, removeQuietly, writeAll } from './temp-file.js';

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

/** Why a fixed copy, which would be the writer's, cannot stand for a file of another owner or group. */
function ownershipRefusal(lost: 'owner' | 'group', now: BigIntStats): string {
  return lost === 'owner'
    ? `belongs to another user (uid ${now.uid}), and a fixed copy would be yours; not fixed: run as its owner`
    : `belongs to group ${now.gid}, which you are not in, and a fixed copy would be in your group; not fixed: run as a member of group ${now.gid}`;
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
    const lost = carryOver(temp.fd, { uid: Number(now.uid), gid: Number(now.gid), mode: Number(now.mode) });
    if (lost) return ownershipRefusal(lost, now);
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
