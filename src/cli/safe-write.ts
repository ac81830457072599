// Replacing a file's content without losing or leaking any (issue 10).
//
// A new file is written beside the target and renamed over it, so a reader never sees
// half a file and a failure leaves the previous content whole. The new file is created
// exclusively (O_EXCL: never an existing file, never through a planted symlink) under a
// random name. write-file-atomic was considered and not used: its temporary name is
// derived from pid and a counter, it opens it with 'w' (following a planted symlink), and
// it copies setuid bits onto changed content (8.0.0, lib/index.js).
import { closeSync, fchmodSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

// ---- temporary files -------------------------------------------------------------

// node:crypto costs over a millisecond to load; only a write needs it.
const randomHex = () => (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).randomBytes(8).toString('hex');

const errorCode = (err: unknown) => (err as NodeJS.ErrnoException).code;

/** A new, empty file beside `target`: created exclusively (O_EXCL), so never an existing file or a link. */
function createTempBeside(target: string, mode: number): { fd: number; path: string } {
  const dir = dirname(target);
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

// ---- --fix: replacing a fixed reply file -------------------------------------------

/** Replace a fixed file's content in one rename, keeping its mode. */
export function replaceFixedFile(path: string, content: string | Uint8Array): void {
  const mode = statSync(path).mode;
  // Private until it has the old file's mode.
  const temp = createTempBeside(path, 0o600);
  let renamed = false;
  try {
    writeAll(temp.fd, content);
    fchmodSync(temp.fd, mode);
    renameSync(temp.path, path);
    renamed = true;
  } finally {
    closeSync(temp.fd);
    if (!renamed) removeQuietly(temp.path);
  }
}
