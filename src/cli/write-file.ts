// Writing a fixed file without ever leaving it half-written: a temporary file beside
// it, then a rename over it (atomic on the same file system). Mode is kept.
import { renameSync, statSync, unlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomic(path: string, content: string): void {
  const temp = join(dirname(path), `.${basename(path)}.replylint-${process.pid}.tmp`);
  const mode = statSync(path).mode;
  try {
    writeFileSync(temp, content, 'utf8');
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
