// Issue 10, "no file lost, no file leaked": what --fix does to the files it writes back
// (links, owners, read-only files and folders, edits made meanwhile, leftovers of a
// killed run), driven through the built CLI.
import { lstatSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from './helpers.js';

const CLUTTERED = 'Hi Tom,\n\nYour boots ship today.\n\nTicket #48213\n';
const FIXED = 'Hi Tom,\n\nYour boots ship today.\n';
const INTERPOSE = join(ROOT, 'test', 'fixtures', 'interpose-temp-open.cjs');

function withReply(name = 'reply.txt', content = CLUTTERED) {
  const dir = tempDir();
  const file = join(dir, name);
  writeFileSync(file, content);
  return { dir, file };
}

describe('--fix writes only what it means to', () => {
  it('never follows a symlink planted at the name of its temporary file', () => {
    const { dir, file } = withReply();
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'not yours\n', { mode: 0o600 });
    // The planted link stands at the very name the temporary file is opened under.
    const r = cli(['--fix', file], { env: { NODE_OPTIONS: `--require ${INTERPOSE}`, REPLYLINT_TEST_PLANT_LINK: victim } });
    expect(r.stderr).toBe('');
    expect(readFileSync(victim, 'utf8')).toBe('not yours\n');
    expect(statSync(victim).mode & 0o777).toBe(0o600);
    expect(lstatSync(file).isFile()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    // The planted link is left for its owner to see; no temporary file of ours is.
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp')).map((n) => lstatSync(join(dir, n)).isSymbolicLink())).toEqual([true]);
  });
});
