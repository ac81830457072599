// The library API: its types compile for a user (test/api/consumer.ts), and it works.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, lint, lintFiles, loadConfig } from '../src/index.js';
import { ROOT } from './helpers.js';

describe('library API', () => {
  it('its shipped types compile in a consumer file', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'test', 'api', 'tsconfig.json')], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);

  it('lint, lintFiles and audit work as the CLI does', async () => {
    expect(lint('Dobrý den, pane Novák,\n\nzítra vám zavoláme.', { customerName: 'Petr Novák', language: 'cs' }).violations.map((v) => v.rule)).toContain('name-use');
    const config = await loadConfig({ cwd: ROOT });
    const { results } = await lintFiles([join(ROOT, 'fixtures', 'replies')], { config });
    expect(results.length).toBe(6);
    const { figures } = await audit([join(ROOT, 'fixtures', 'transcripts', 'sample.jsonl')], { config, workers: 0 });
    expect(figures.replies).toBe(4);
  });

  it('a context field given as undefined takes its default', () => {
    // `{ channel: options.channel }` with no channel must not switch every rule off.
    const text = 'hi anna we will call you tomorrow!!!';
    const plain = lint(text);
    expect(plain.violations.length).toBeGreaterThan(0);
    expect(lint(text, { channel: undefined, firstReply: undefined, template: undefined })).toEqual(plain);
  });
});
