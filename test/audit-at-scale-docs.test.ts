// docs/audit-at-scale.md's recipes, run as far as this machine allows (issue 16): its YAML
// parses and says what the prose says, and its shell lines (the shard check, the xargs
// recipe, the Kubernetes Jobs' commands with a fake JOB_COMPLETION_INDEX) do what they
// claim, with the local binary for `replylint` and temporary files for the volumes.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { shardOfKey } from '../src/audit/shard.js';
import { BIN, cli, ROOT, tempDir } from './helpers.js';

const doc = readFileSync(join(ROOT, 'docs', 'audit-at-scale.md'), 'utf8');
const blocks = (language: string) => [...doc.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]);
const replylint = `"${process.execPath}" "${BIN}"`;

/** A shell line run in `cwd` with the local binary for replylint; its exit code and output. */
function sh(script: string, cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync('/bin/sh', ['-c', script], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function exportIn(dir: string): string {
  const lines = Array.from({ length: 60 }, (_, n) =>
    JSON.stringify({
      ...(n % 4 ? { id: `c-${n}` } : {}),
      messages: [
        { role: 'customer', text: 'Where is my parcel?' },
        {
          role: 'agent',
          author: ['Jana Horská', 'Emma Lewis', 'Petr Malý'][n % 3],
          time: `2025-03-0${1 + (n % 5)}T09:00:00Z`,
          text: n % 2 ? 'Sorry for any inconvenience, we will look into it ASAP.' : 'Hi Anna,\n\nyour parcel arrives tomorrow.\n\nKind regards,\nJana',
        },
      ],
    }),
  );
  const file = join(dir, 'export.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const [workflow, auditJob, mergeJob] = blocks('yaml').map((text) => parse(text));

describe('docs/audit-at-scale.md', () => {
  it('its shell check of a shard gives the shard replylint gives', () => {
    const check = blocks('sh').find((b) => b.includes('sha256sum'))!;
    for (const key of ['c-1042', '4821', 'export.jsonl:7/0'])
      for (const n of [2, 4, 7]) expect(sh(check.replace('key=c-1042 n=4', `key='${key}' n=${n}`), ROOT).stdout.trim()).toBe(String(shardOfKey(key, n)));
  });

  it("its YAML parses: a GitHub Actions matrix of shards 1 to n, a Kubernetes indexed Job of n completions, and the merge's Job", () => {
    expect(blocks('yaml')).toHaveLength(3);
    const shards: number[] = workflow.jobs.shard.strategy.matrix.shard;
    expect(shards).toEqual([1, 2, 3, 4]);
    const run = (workflow.jobs.shard.steps as { run?: string }[]).map((s) => s.run ?? '').join('\n');
    expect(run).toContain(`--shard \${{ matrix.shard }}/${shards.length} --format figures`);
    expect(workflow.jobs.merge.needs).toBe('shard');
    expect(auditJob).toMatchObject({ kind: 'Job', spec: { completionMode: 'Indexed', completions: 4, parallelism: 4 } });
    expect(auditJob.spec.template.spec.containers[0].args[0]).toContain('--shard "$((JOB_COMPLETION_INDEX + 1))/4"');
    expect(mergeJob.kind).toBe('Job');
  });

  it("the Kubernetes Jobs' commands, run with JOB_COMPLETION_INDEX 0 to 3, merge into the report one run prints", () => {
    const dir = tempDir();
    const file = exportIn(dir);
    const local = (command: string) =>
      command.replace('npx --yes replylint@0.1.0', replylint).replace('/exports/2025-03.jsonl', file).replaceAll('/figures/', `${dir}/`);
    for (const index of ['0', '1', '2', '3']) {
      const r = sh(local(auditJob.spec.template.spec.containers[0].args[0]), dir, { JOB_COMPLETION_INDEX: index });
      expect(r.code, r.stderr).toBe(0);
    }
    const merged = sh(local(mergeJob.spec.template.spec.containers[0].args[0]), dir);
    expect(merged.code, merged.stderr).toBe(0);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe(cli(['audit', '--format', 'html', file]).stdout);
  });

  it('the xargs recipe, run as written, merges into the report one run prints', () => {
    const dir = tempDir();
    exportIn(dir);
    const recipe = blocks('sh').find((b) => b.includes('xargs'))!;
    const r = sh(recipe.replaceAll('replylint ', `${replylint} `), dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe(cli(['audit', '--format', 'html', 'export.jsonl'], { cwd: dir }).stdout);
  });
});
