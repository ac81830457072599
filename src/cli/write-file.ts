// Writing a fixed file without ever leaving it half-written: a temporary file beside
// it, then a rename over it (atomic on the same file system). Mode is kept.
import { renameSync, statSync, unlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Text in the file's own encoding: UTF-8, or UTF-16 in either byte order. */
export function encode(content: string, encoding?: 'utf-16le' | 'utf-16be'): Buffer | string {
  if (!encoding) return content;
  const le = Buffer.from(content, 'utf16le');
  return encoding === 'utf-16le' ? le : le.swap16();
}

export function writeFileAtomic(path: string, content: string | Buffer): void {
  const temp = join(dirname(path), `.${basename(path)}.replylint-${process.pid}.tmp`);
  const mode = statSync(path).mode;
  try {
    writeFileSync(temp, content);
    chmodSync(temp, mode);
    renameSync(temp, path);
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      /* already gone */
    }
    throw err;
  }
}
