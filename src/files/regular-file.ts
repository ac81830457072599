// Opening what a user names as a file (a reply, an export, a config, a rule, a cache):
// only a regular file is read, and never more of it than a limit. A FIFO would block
// the read until a writer comes (mkfifo x.txt), a device may never end (/dev/zero), so
// they are refused by their type before anything is read. The file is opened with
// O_NONBLOCK, so that opening a FIFO returns at once instead of waiting for a writer (it
// changes nothing for a regular file), and its type is taken from the open descriptor,
// so nothing can be swapped in between the check and the read.
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, statSync, type BigIntStats } from 'node:fs';

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** Why `path` could not be opened, in the user's words, from the error of an fs call. */
export function whyUnreadable(path: string, err: unknown): string {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return danglingLink(path) ?? 'no such file; check the path';
    case 'ENOTDIR':
      return 'no such file (a part of the path is not a folder); check the path';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied; allow reading it (chmod u+r) or leave it out';
    case 'ELOOP':
      return 'is a loop of symbolic links; point the link at a file';
    case 'EISDIR':
      return 'is a directory';
    default:
      return `cannot be read (${(err as Error).message})`;
  }
}

function danglingLink(path: string): string | undefined {
  try {
    if (lstatSync(path).isSymbolicLink()) return `is a symbolic link to "${readlinkSync(path)}", which does not exist; fix or remove the link`;
  } catch {
    // Not there at all.
  }
  return undefined;
}

export type PathStatus = { stats: BigIntStats } | { problem: string; absent: boolean };

/**
 * A path a user gave, stat'ed through its links, or the problem in words. Never throws:
 * `throwIfNoEntry: false` still throws for a loop of links (ELOOP), a path through a
 * file (ENOTDIR) or a folder that may not be entered (EACCES). `absent`: nothing stands
 * at the path (a part of it missing, or not a folder), so a caller may create it.
 */
export function statPath(path: string): PathStatus {
  try {
    const stats = statSync(path, { bigint: true, throwIfNoEntry: false });
    // Nothing there, the usual answer in a config search (some twenty names a folder up to
    // the project's root): no exception thrown, and the words, which look for a dangling
    // link, made only if read.
    if (!stats) {
      return {
        absent: true,
        get problem() {
          return whyUnreadable(path, { code: 'ENOENT' });
        },
      };
    }
    return { stats };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { problem: whyUnreadable(path, err), absent: code === 'ENOENT' || code === 'ENOTDIR' };
  }
}

/** What a file that is not a regular file is, or undefined for a regular file. */
export function notRegular(stats: BigIntStats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'is a directory';
  if (stats.isFIFO()) return 'is a named pipe (FIFO), not a regular file; only files are read';
  if (stats.isSocket()) return 'is a socket, not a regular file; only files are read';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, not a regular file; only files are read';
  return 'is not a regular file; only files are read';
}

export type OpenedFile = { fd: number; stats: BigIntStats; size: number } | { problem: string };

/** A regular file, open for reading (close its fd), or the problem in words. */
export function openRegularFile(path: string): OpenedFile {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (err) {
    return { problem: whyUnreadable(path, err) };
  }
  try {
    const stats = fstatSync(fd, { bigint: true });
    const problem = notRegular(stats);
    if (!problem) return { fd, stats, size: Number(stats.size) };
    closeSync(fd);
    return { problem };
  } catch (err) {
    closeSync(fd);
    return { problem: whyUnreadable(path, err) };
  }
}

/** Up to `limit` bytes from `fd`'s current position (a file may have grown since fstat). */
export function readUpTo(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(limit - total, 1 << 20));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

/** A size as the user reads it: "50.0 MB"; a limit: "5 MB". */
export const megabytes = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;
export const limitText = (bytes: number): string => `${bytes / 1048576} MB`;

/**
 * A whole regular file of at most `limit` bytes, or the problem in words. `what` names
 * the file in the message about its size ("a config file").
 */
export function readRegularFile(path: string, limit: number, what: string): { bytes: Buffer } | { problem: string } {
  const opened = openRegularFile(path);
  if ('problem' in opened) return opened;
  try {
    const bytes = readUpTo(opened.fd, limit + 1);
    if (bytes.length > limit) return { problem: `is ${megabytes(Math.max(opened.size, bytes.length))}, more than ${what} may be (${limitText(limit)})` };
    return { bytes };
  } catch (err) {
    return { problem: whyUnreadable(path, err) };
  } finally {
    closeSync(opened.fd);
  }
}
