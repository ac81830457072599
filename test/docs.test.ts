// Docs that ship with the package (issue 14): the conversation format and JSON contract,
// the rule-writing guide, every kind with its fields and defaults, and a page per
// built-in rule generated from its YAML, current, linked from `rules --format json` and
// SARIF; no link in them leads nowhere.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../src/engine/kinds/index.js';
import { cli, ROOT } from './helpers.js';

const docFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? docFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []));
const builtinIds = readdirSync(join(ROOT, 'rules'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

describe('the docs', () => {
  it('are current: each built-in rule has its page and kinds.md its kinds (`npm run docs` writes them)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-docs.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const id of builtinIds) expect(existsSync(join(ROOT, 'docs', 'rules', `${id}.md`))).toBe(true);
    const kinds = readFileSync(join(ROOT, 'docs', 'kinds.md'), 'utf8');
    for (const name of Object.keys(KINDS)) expect(kinds).toContain(`## ${name}\n`);
  });

  it('say what every field of every kind does, and its default where it has one', () => {
    const undocumented = Object.values(KINDS).flatMap((kind) => [
      ...(kind.doc ? [] : [`${kind.name} (the kind)`]),
      ...Object.entries(kind.fields)
        .filter(([, field]) => !field.doc || (!field.required && !field.default))
        .map(([name]) => `${kind.name}.${name}`),
    ]);
    expect(undocumented).toEqual([]);
  });

  it('ship in the package', () => {
    const files = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] }).files;
    expect(files).toContain('docs');
    for (const page of ['docs/conversation-format.md', 'docs/writing-rules.md', 'docs/kinds.md', 'docs/rules/README.md'])
      expect(existsSync(join(ROOT, page))).toBe(true);
  });

  it('link only to files that exist, from the README too', () => {
    const broken: string[] = [];
    for (const file of [join(ROOT, 'README.md'), ...docFiles(join(ROOT, 'docs'))]) {
      const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
        const path = resolve(dirname(file), target.split('#')[0]);
        if (!existsSync(path)) broken.push(`${file.slice(ROOT.length + 1)} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("are linked: `rules --format json` names each built-in rule's page; SARIF carries it as the rule's help", () => {
    const rules = JSON.parse(cli(['rules', '--format', 'json']).stdout) as { id: string; docs?: string }[];
    for (const r of rules) {
      expect(r.docs).toBe(join(ROOT, 'docs', 'rules', `${r.id}.md`));
      expect(existsSync(r.docs!)).toBe(true);
    }
    const sarif = JSON.parse(cli(['--format', 'sarif', '--stdin-filename', 'reply.txt'], { input: 'Your parcel left today.' }).stdout);
    const greeting = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'greeting');
    expect(greeting.help.markdown).toContain('# greeting');
    expect(greeting.help.text).toBe('Open the reply with a greeting.');
    expect(JSON.stringify(sarif)).not.toContain('npmjs');
  });
});
