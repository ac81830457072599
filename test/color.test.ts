import { describe, expect, it } from 'vitest';
import { colorLevel } from '../src/report/color.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from './helpers.js';

const ESC = '\u001b[';
const REPLY = 'hello, your parcel is late. I WILL CHECK IT!!!';

describe('colour: --color, --no-color, NO_COLOR and FORCE_COLOR as ESLint and Node read them', () => {
  it('decides the level: the flag first, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
    expect(colorLevel(undefined, { NO_COLOR: '1' }, 3)).toBe(0); // chalk alone would colour
    expect(colorLevel(undefined, { NO_COLOR: '' }, 3)).toBe(3); // empty: not set (no-color.org)
    expect(colorLevel(undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }, 1)).toBe(1);
    expect(colorLevel(true, { NO_COLOR: '1' }, 0)).toBe(1);
    expect(colorLevel(true, {}, 2)).toBe(2);
    expect(colorLevel(false, { FORCE_COLOR: '3' }, 3)).toBe(0);
    expect(colorLevel(undefined, {}, 3, true)).toBe(0); // -o: a file is no terminal
    expect(colorLevel(true, {}, 0, true)).toBe(1);
  });

  it('--color colours a report that goes to a pipe; without it a pipe gets plain text', () => {
    const coloured = cli(['--color'], { input: REPLY });
    expect(coloured.code).toBe(0); // warnings only
    expect(coloured.stdout).toContain(ESC);
    const plain = cli([], { input: REPLY });
    expect(plain.stdout).not.toContain(ESC);
    expect(plain.stdout).toContain('no-shouting');
  });

  it('--no-color wins over FORCE_COLOR; FORCE_COLOR alone wins over NO_COLOR', () => {
    const forced = cli([], { input: REPLY, env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain(ESC);
    const refused = cli(['--no-color'], { input: REPLY, env: { FORCE_COLOR: '1' } });
    expect(refused.code).toBe(0);
    expect(refused.stdout).not.toContain(ESC);
    expect(refused.stdout).toContain('no-shouting');
  });

  it('audit takes the same flags', () => {
    const line = JSON.stringify({
      id: 'c1',
      messages: [
        { role: 'customer', text: 'Where is my parcel?' },
        { role: 'agent', text: REPLY },
      ],
    });
    const file = join(tempDir(), 'export.jsonl');
    writeFileSync(file, line + '\n');
    const coloured = cli(['audit', '--color', file, '--workers', '0']);
    const plain = cli(['audit', '--no-color', file, '--workers', '0'], { env: { FORCE_COLOR: '1' } });
    expect(plain.stderr).toBe('');
    expect(plain.stdout).toContain('Audit: 1 reply');
    expect(plain.stdout).not.toContain(ESC);
    expect(coloured.stdout).toContain(ESC);
  });
});
